// annexes.xlsx as finance prints it: page setup read by openpyxl, long texts wrapped in rows that grow,
// territories and communes as the letters name them, and the budget operation in Répartition.
#include <gtest/gtest.h>

#include <string>

#include "render/xlsx/annex_builder.hpp"
#include "render/xlsx/annexes.hpp"
#include "render/xlsx/xlsx_test_support.hpp"

namespace {

using aap::Decision;
using aap::Money;
using nlohmann::json;

const std::string kLongTitle =
    "Concepteur développeur d’applications, parcours renforcé pour les demandeurs d’emploi des quartiers "
    "prioritaires avec un module de remise à niveau en mathématiques, un stage en entreprise de huit "
    "semaines et un accompagnement individuel vers l’emploi durable dans le numérique";

json written(aap::test::AnnexBuilder& b, const std::string& name) {
  const auto dir = aap::test::scratch_dir(name);
  aap::write_annexes(dir / "annexes.xlsx", b.campaign(), b.evaluation(), aap::Date{2027, 3, 20});
  json dump = aap::test::run_json("dump_workbook.py", aap::test::quoted(dir / "annexes.xlsx"));
  std::filesystem::remove_all(dir);
  return dump;
}

const json& sheet(const json& dump, const std::string& name) {
  for (const json& s : dump["sheets"]) {
    if (s["name"] == name) return s;
  }
  throw std::runtime_error("no sheet " + name);
}

TEST(AnnexesPrint, EverySheetPrintsOnePageWideWithItsHeaderRowRepeatedAndAFooter) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  const json dump = written(b, "print-setup");
  for (const json& s : dump["sheets"]) {
    const std::string name = s["name"];
    const json& p = s["print"];
    EXPECT_EQ(p["paper"], 9) << name;  // A4
    EXPECT_EQ(p["fit_to_page"], true) << name;
    EXPECT_EQ(p["fit_to_width"], 1) << name;
    EXPECT_EQ(p["fit_to_height"], 0) << name;  // as many pages tall as needed
    EXPECT_EQ(p["title_rows"], "$1:$1") << name;
    EXPECT_EQ(p["footer"], "&A") << name;
    EXPECT_EQ(p["footer_right"], "Page &P / &N") << name;
    EXPECT_EQ(p["header"], "Annexes financières — AAP-GEN-2027") << name;
    EXPECT_GT(p["margins"]["left"].get<double>(), p["margins"]["right"].get<double>()) << name;  // binding
    EXPECT_EQ(p["gridlines"], true) << name;
  }
  EXPECT_EQ(sheet(dump, "Synthèse")["print"]["orientation"], "portrait");
  EXPECT_EQ(sheet(dump, "Paramètres")["print"]["orientation"], "portrait");
  EXPECT_EQ(sheet(dump, "Dossiers")["print"]["orientation"], "landscape");
  EXPECT_EQ(sheet(dump, "Sessions")["print"]["orientation"], "landscape");
  EXPECT_EQ(sheet(dump, "Répartition")["print"]["orientation"], "landscape");
}

TEST(AnnexesPrint, LongNamesAndTitlesWrapInRowsThatGrow) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  b.add("2027-005", "Association pour la formation et l’insertion professionnelle des jeunes des quartiers Nord",
        {aap::test::annex_session("S", 12, 6)}, Money::from_euros(5000), Decision::funded, Money::from_euros(5000));
  b.last_dossier().training.title = kLongTitle;
  const json dump = written(b, "wrap");

  const json& distribution = sheet(dump, "Répartition");
  const json& row = distribution["rows"][3];
  EXPECT_EQ(row[5]["value"], kLongTitle);
  EXPECT_TRUE(row[5]["wrap"]);
  EXPECT_TRUE(row[2]["wrap"]);
  EXPECT_EQ(row[7]["vertical"], "top");  // the grant at the top of its tall row, beside the title's first line
  // 262 characters in a column 36 wide: at least 8 lines of 15 pt.
  ASSERT_TRUE(distribution["heights"].contains("4"));
  EXPECT_GE(distribution["heights"]["4"].get<double>(), 8 * 15.0);
  EXPECT_FALSE(distribution["heights"].contains("2"));  // a short title keeps the default one-line row

  const json& dossiers = sheet(dump, "Dossiers");
  EXPECT_TRUE(dossiers["rows"][5][1]["wrap"]);
  ASSERT_TRUE(dossiers["heights"].contains("6"));
  EXPECT_GE(dossiers["heights"]["6"].get<double>(), 3 * 15.0);  // 90 characters in a column 28 wide
  EXPECT_TRUE(sheet(dump, "Sessions")["rows"][6][1]["wrap"]);
  EXPECT_TRUE(sheet(dump, "Paramètres")["rows"][9][0]["wrap"]);
}

TEST(AnnexesPrint, TerritoriesByLabelAndCommunesOutsideTheMetropoleByTheSiteCity) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  aap::DossierEvaluation& outside = b.add("2027-005", "Numérique en Vaucluse", {aap::test::annex_session("S", 12, 6)},
                                          Money::from_euros(5000), Decision::ineligible, Money(), {"CT-METROPOLE"});
  outside.territory.reset();
  outside.commune.reset();
  b.last_dossier().training.site.city = "Avignon";
  const json dump = written(b, "territories");
  const json& rows = sheet(dump, "Dossiers")["rows"];
  EXPECT_EQ(rows[1][3]["value"], "Marseille");
  EXPECT_EQ(rows[1][4]["value"], "Marseille Provence");
  EXPECT_EQ(rows[5][3]["value"], "Avignon");
  EXPECT_EQ(rows[5][4]["value"], "hors Métropole");
  const json& parameters = sheet(dump, "Paramètres")["rows"];
  EXPECT_EQ(parameters[15][2]["value"], "criteria.priority_territory");
  EXPECT_EQ(parameters[15][1]["value"], "Marseille Provence");
}

TEST(AnnexesPrint, DistributionCarriesTheBudgetOperation) {
  aap::test::AnnexBuilder b;
  b.campaign().budget.operation = "2027-GEN-01";
  aap::test::add_four_decisions(b);
  const json dump = written(b, "operation");
  const json& rows = sheet(dump, "Répartition")["rows"];
  EXPECT_EQ(rows[0][13]["value"], "Opération");
  EXPECT_EQ(rows[1][13]["value"], "2027-GEN-01");
  EXPECT_EQ(rows[2][13]["value"], "2027-GEN-01");
}

TEST(AnnexesPrint, LabelsTheProgramWritesUseTheTypographicApostrophe) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  const json dump = written(b, "apostrophes");
  std::size_t labels = 0;
  for (const json& s : dump["sheets"]) {
    for (const json& c : s["rows"][0]) {
      if (!c["value"].is_string()) continue;
      EXPECT_EQ(c["value"].get<std::string>().find('\''), std::string::npos) << s["name"] << " " << c["value"];
      ++labels;
    }
  }
  for (const json& row : sheet(dump, "Paramètres")["rows"]) {
    for (int column : {0, 1}) {
      if (!row[column]["value"].is_string()) continue;
      EXPECT_EQ(row[column]["value"].get<std::string>().find('\''), std::string::npos) << row[column]["value"];
      ++labels;
    }
  }
  EXPECT_GT(labels, 60u);
  EXPECT_EQ(sheet(dump, "Sessions")["rows"][0][7]["value"], "Demandeurs d’emploi peu qualifiés");
}

}  // namespace
