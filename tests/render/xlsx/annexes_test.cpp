// annexes.xlsx read back with openpyxl: sheets, rows, formulas and their values, formats, properties.
#include "render/xlsx/annexes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "render/xlsx/annex_builder.hpp"
#include "render/xlsx/xlsx_test_support.hpp"
#include "text/decision_label.hpp"

namespace {

using aap::Decision;
using aap::Money;
using nlohmann::json;

const aap::Date kDocumentsDate{2027, 3, 20};
constexpr const char* kEuroFormat = "#,##0.00\\ \"€\"";

std::int64_t cents(const json& euros) { return std::llround(euros.get<double>() * 100); }

class Annexes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    builder_ = new aap::test::AnnexBuilder();
    aap::test::add_four_decisions(*builder_);
    dir_ = new std::filesystem::path(aap::test::scratch_dir("annexes"));
    const auto file = *dir_ / "annexes.xlsx";
    aap::write_annexes(file, builder_->campaign(), builder_->evaluation(), kDocumentsDate);
    dump_ = new json(aap::test::run_json("dump_workbook.py", aap::test::quoted(file)));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete dump_;
    delete dir_;
    delete builder_;
  }

  static const json& sheet(const std::string& name) {
    for (const json& s : (*dump_)["sheets"]) {
      if (s["name"] == name) return s;
    }
    throw std::runtime_error("no sheet " + name);
  }
  static const json& cell(const std::string& sheet_name, int row, int column) {
    return sheet(sheet_name)["rows"].at(static_cast<std::size_t>(row)).at(static_cast<std::size_t>(column));
  }
  static const aap::Evaluation& evaluation() { return builder_->evaluation(); }

  static aap::test::AnnexBuilder* builder_;
  static std::filesystem::path* dir_;
  static json* dump_;
};

aap::test::AnnexBuilder* Annexes::builder_ = nullptr;
std::filesystem::path* Annexes::dir_ = nullptr;
json* Annexes::dump_ = nullptr;

TEST_F(Annexes, SheetsComeInTheSpecifiedOrder) {
  std::vector<std::string> names;
  for (const json& s : (*dump_)["sheets"]) names.push_back(s["name"]);
  EXPECT_EQ(names,
            (std::vector<std::string>{"Synthèse", "Dossiers", "Sessions", "Répartition", "Paramètres"}));
}

TEST_F(Annexes, DossiersHasOneRowPerDossierInEvaluationOrderWithNumericGrants) {
  const json& rows = sheet("Dossiers")["rows"];
  ASSERT_EQ(rows.size(), evaluation().dossiers.size() + 1);
  EXPECT_EQ(rows[0][0]["value"], "Dossier");
  EXPECT_EQ(rows[0][25]["value"], "Subvention");
  EXPECT_EQ(rows[0][26]["value"], "Décision");
  for (std::size_t i = 0; i < evaluation().dossiers.size(); ++i) {
    const aap::DossierEvaluation& e = evaluation().dossiers[i];
    const json& row = rows[i + 1];
    EXPECT_EQ(row[0]["value"], e.dossier->id);
    EXPECT_EQ(row[1]["value"], e.dossier->association.name);
    EXPECT_EQ(row[2]["value"], e.dossier->association.siret);
    ASSERT_TRUE(row[25]["value"].is_number()) << e.dossier->id;
    EXPECT_EQ(cents(row[25]["value"]), e.grant.cents()) << e.dossier->id;
    EXPECT_EQ(cents(row[23]["value"]), e.dossier->budget.requested.cents()) << e.dossier->id;
    EXPECT_EQ(row[25]["format"], kEuroFormat);
  }
  // The words of envoi.csv (fr::decision_label), capitalised for a table.
  EXPECT_EQ(rows[1][26]["value"], "Financé");
  EXPECT_EQ(rows[2][26]["value"], "Partiellement financé");
  EXPECT_EQ(rows[3][26]["value"], "Non financé");
  EXPECT_EQ(rows[4][26]["value"], "Inéligible");
  EXPECT_EQ(aap::fr::decision_label_capitalised(Decision::inadmissible), "Irrecevable");
  for (const aap::Decision d : {Decision::funded, Decision::partially_funded, Decision::not_funded,
                                Decision::ineligible, Decision::inadmissible}) {
    std::string label(aap::fr::decision_label(d));
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    EXPECT_EQ(aap::fr::decision_label_capitalised(d), label);
  }
}

TEST_F(Annexes, IneligibleDossierHasNoTierRankOrCap) {
  const json& row = sheet("Dossiers")["rows"][4];
  EXPECT_EQ(row[0]["value"], "2027-004");
  EXPECT_TRUE(row[5]["value"].is_null());   // tier
  EXPECT_TRUE(row[22]["value"].is_null());  // rank
  EXPECT_TRUE(row[24]["value"].is_null());  // cap
  EXPECT_EQ(row[25]["value"], 0);
  EXPECT_EQ(sheet("Dossiers")["rows"][1][22]["value"], 1);
  EXPECT_EQ(cents(sheet("Dossiers")["rows"][1][24]["value"]), 3000000);
}

TEST_F(Annexes, CriteriaShowOuiNonForEligibilityAndPointsForScoring) {
  const json& header = sheet("Dossiers")["rows"][0];
  EXPECT_EQ(header[10]["value"], "GEN-LABEL");
  EXPECT_EQ(header[13]["value"], "GEN-WOMEN");
  EXPECT_EQ(header[15]["value"], "PRIO-QPV-SITE");
  EXPECT_EQ(header[20]["value"], "GEN-LOW-QUALIFICATION");
  const json& ineligible = sheet("Dossiers")["rows"][4];
  EXPECT_EQ(ineligible[10]["value"], "Non");  // GEN-LABEL failed
  EXPECT_EQ(ineligible[11]["value"], "Oui");
  EXPECT_EQ(ineligible[13]["value"], "Non");  // GEN-WOMEN failed
  EXPECT_EQ(ineligible[15]["value"], 30);     // PRIO-QPV-SITE points
  EXPECT_EQ(ineligible[17]["value"], 0);      // CT-PLIE
  EXPECT_EQ(ineligible[21]["value"], 70);     // score
}

TEST_F(Annexes, WomenShareIsAFormulaCarryingItsValueInPercentFormat) {
  const json& row = sheet("Dossiers")["rows"][1];
  EXPECT_EQ(row[7]["value"], 14);
  EXPECT_EQ(row[8]["value"], 5);
  EXPECT_EQ(row[9]["value"], "=I2/H2");
  EXPECT_DOUBLE_EQ(row[9]["cached"].get<double>(), 5.0 / 14.0);
  EXPECT_EQ(row[9]["format"], "0.00%");
  EXPECT_EQ(sheet("Dossiers")["rows"][4][9]["value"], "=I5/H5");
  EXPECT_DOUBLE_EQ(sheet("Dossiers")["rows"][4][9]["cached"].get<double>(), 3.0 / 17.0);
}

TEST_F(Annexes, SessionsHasOneRowPerSessionWithRealDates) {
  const json& rows = sheet("Sessions")["rows"];
  ASSERT_EQ(rows.size(), 6u);  // header + 1 + 1 + 1 + 2
  EXPECT_EQ(rows[4][0]["value"], "2027-004");
  EXPECT_EQ(rows[4][2]["value"], "Hiver");
  EXPECT_EQ(rows[5][2]["value"], "Été");
  EXPECT_EQ(rows[5][5]["value"], 9);
  EXPECT_EQ(rows[5][6]["value"], 2);
  EXPECT_EQ(rows[1][3]["value"], "2027-09-06T00:00:00");
  EXPECT_EQ(rows[1][4]["value"], "2028-03-31T00:00:00");
  EXPECT_EQ(rows[1][3]["format"], "dd/mm/yyyy");
  EXPECT_EQ(rows[1][7]["value"], 13);  // low_qualified_job_seekers
  EXPECT_EQ(rows[1][11]["value"], 3);  // plie_followed
}

TEST_F(Annexes, DistributionListsGrantedDossiersByRankThenASumRow) {
  const json& rows = sheet("Répartition")["rows"];
  ASSERT_EQ(rows.size(), 4u);  // header, two grants, total
  EXPECT_EQ(rows[1][0]["value"], 1);
  EXPECT_EQ(rows[1][1]["value"], "2027-001");
  EXPECT_EQ(rows[2][1]["value"], "2027-002");
  EXPECT_EQ(rows[2][4]["value"], "W133012345");
  EXPECT_EQ(rows[2][5]["value"], "Développeur web et web mobile");
  EXPECT_EQ(cents(rows[2][7]["value"]), 1234550);
  EXPECT_EQ(rows[2][7]["format"], kEuroFormat);
  EXPECT_EQ(rows[3][0]["value"], "Total");
  EXPECT_EQ(rows[3][7]["value"], "=SUM(H2:H3)");
  EXPECT_EQ(cents(rows[3][7]["cached"]), evaluation().allocated.cents());
  EXPECT_EQ(rows[3][7]["format"], kEuroFormat);
  EXPECT_TRUE(rows[3][7]["bold"]);
}

TEST_F(Annexes, DistributionMarksAgreementsAboveTwentyThreeThousandEurosAndTheImputation) {
  const json& rows = sheet("Répartition")["rows"];
  EXPECT_EQ(rows[1][8]["value"], "=IF(H2>'Paramètres'!$B$34,\"Oui\",\"Non\")");
  EXPECT_EQ(rows[1][8]["cached"], "Oui");  // 30 000 €
  EXPECT_EQ(rows[2][8]["cached"], "Non");  // 12 345,50 €
  EXPECT_EQ(cents(cell("Paramètres", 33, 1)["value"]), 2300000);
  EXPECT_EQ(rows[1][9]["value"], 2027);  // year of the council session
  EXPECT_EQ(rows[1][10]["value"], "65");
  EXPECT_EQ(rows[1][11]["value"], "6574");
  EXPECT_EQ(rows[1][12]["value"], "90");
}

TEST_F(Annexes, SynthesisTotalsAreFormulasOverTheOtherSheetsWithTheirValues) {
  const json& rows = sheet("Synthèse")["rows"];
  EXPECT_EQ(rows[1][0]["value"], "Enveloppe");
  EXPECT_EQ(rows[1][2]["value"], "='Paramètres'!$B$5");
  EXPECT_EQ(cents(rows[1][2]["cached"]), 10000000);
  EXPECT_EQ(rows[2][1]["value"], "=COUNT('Répartition'!$H$2:$H$3)");
  EXPECT_EQ(rows[2][1]["cached"], 2);
  EXPECT_EQ(rows[2][2]["value"], "='Répartition'!$H$4");
  EXPECT_EQ(cents(rows[2][2]["cached"]), evaluation().allocated.cents());
  EXPECT_EQ(rows[3][2]["value"], "=C2-C3");
  EXPECT_EQ(cents(rows[3][2]["cached"]), evaluation().remaining.cents());
  EXPECT_EQ(rows[5][0]["value"], "Partiellement financé");
  EXPECT_EQ(rows[5][1]["value"], "=COUNTIF('Dossiers'!$AA$2:$AA$5,\"Partiellement financé\")");
  EXPECT_EQ(rows[5][1]["cached"], 1);
  EXPECT_EQ(rows[5][2]["value"],
            "=SUMIF('Dossiers'!$AA$2:$AA$5,\"Partiellement financé\",'Dossiers'!$Z$2:$Z$5)");
  EXPECT_EQ(cents(rows[5][2]["cached"]), 1234550);
  EXPECT_EQ(cents(rows[5][3]["cached"]), 2000000);
  // Received after the deadline: a row of its own, apart from the ineligible ones.
  EXPECT_EQ(rows[7][0]["value"], "Inéligible");
  EXPECT_EQ(rows[8][0]["value"], "Irrecevable");
  EXPECT_EQ(rows[8][1]["value"], "=COUNTIF('Dossiers'!$AA$2:$AA$5,\"Irrecevable\")");
  EXPECT_EQ(rows[8][1]["cached"], 0);
  EXPECT_EQ(rows[9][0]["value"], "Total des dossiers");
  EXPECT_EQ(rows[9][1]["value"], "=SUM(B5:B9)");
  EXPECT_EQ(rows[9][1]["cached"], 4);
  EXPECT_EQ(cents(rows[9][3]["cached"]), 8300000);
  for (int r = 1; r <= 9; ++r) EXPECT_EQ(rows[r][2]["format"], kEuroFormat) << r;
}

TEST_F(Annexes, HeadersAreBoldFrozenAndFiltered) {
  EXPECT_EQ(sheet("Synthèse")["freeze_panes"], "A2");
  EXPECT_EQ(sheet("Dossiers")["freeze_panes"], "C2");
  EXPECT_EQ(sheet("Sessions")["freeze_panes"], "C2");
  EXPECT_EQ(sheet("Répartition")["freeze_panes"], "D2");
  EXPECT_EQ(sheet("Paramètres")["freeze_panes"], "A2");
  EXPECT_EQ(sheet("Dossiers")["autofilter"], "A1:AA5");
  EXPECT_EQ(sheet("Sessions")["autofilter"], "A1:L6");
  EXPECT_EQ(sheet("Répartition")["autofilter"], "A1:N3");  // the total row stays out
  EXPECT_EQ(sheet("Paramètres")["autofilter"], "A1:C34");
  for (const json& s : (*dump_)["sheets"]) {
    for (const json& c : s["rows"][0]) {
      if (!c["value"].is_null()) {
        EXPECT_TRUE(c["bold"]) << s["name"] << " " << c["value"];
      }
    }
  }
}

TEST_F(Annexes, ColumnsAreWideEnoughToRead) {
  EXPECT_GE(sheet("Dossiers")["widths"]["B"].get<double>(), 28);  // and longer names wrap
  EXPECT_GE(sheet("Répartition")["widths"]["C"].get<double>(), 30);
  EXPECT_GE(sheet("Paramètres")["widths"]["A"].get<double>(), 40);
}

TEST_F(Annexes, ConditionalFormatsHighlightFailedCriteriaAndUnfundedRows) {
  const json& rules = sheet("Dossiers")["conditional"];  // by priority: a failed criterion wins over grey
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0]["range"], "K2:O5");
  EXPECT_EQ(rules[0]["type"], "cellIs");
  EXPECT_EQ(rules[0]["operator"], "equal");
  EXPECT_EQ(rules[0]["formula"], json::array({"\"Non\""}));
  EXPECT_TRUE(rules[0]["has_format"]);
  EXPECT_EQ(rules[1]["range"], "A2:AA5");
  EXPECT_EQ(rules[1]["type"], "expression");
  EXPECT_EQ(rules[1]["formula"],
            json::array({"OR($AA2=\"Non financé\",$AA2=\"Inéligible\",$AA2=\"Irrecevable\")"}));
  EXPECT_TRUE(rules[1]["has_format"]);
  const json& overspent = sheet("Synthèse")["conditional"];
  ASSERT_EQ(overspent.size(), 1u);
  EXPECT_EQ(overspent[0]["range"], "C4");
  EXPECT_EQ(overspent[0]["operator"], "lessThan");
  EXPECT_EQ(overspent[0]["formula"], json::array({"0"}));
}

TEST_F(Annexes, PropertiesNameTheAuthorityAndTheDocumentsDate) {
  const json& p = (*dump_)["properties"];
  EXPECT_EQ(p["title"], "Annexes financières — AAP-GEN-2027");
  EXPECT_EQ(p["subject"], builder_->campaign().title);
  EXPECT_EQ(p["creator"], "Métropole Aix-Marseille-Provence");
  EXPECT_EQ(p["company"], "Métropole Aix-Marseille-Provence");
  EXPECT_EQ(p["created"], "2027-03-20T00:00:00");
}

TEST_F(Annexes, ParametersListCampaignValuesWithTheirTypes) {
  const json& rows = sheet("Paramètres")["rows"];
  EXPECT_EQ(rows[1][1]["value"], "AAP-GEN-2027");
  EXPECT_EQ(rows[4][0]["value"], "Enveloppe");
  EXPECT_EQ(cents(rows[4][1]["value"]), 10000000);
  EXPECT_EQ(rows[4][1]["format"], kEuroFormat);
  EXPECT_EQ(rows[7][1]["value"], "2027-03-12T00:00:00");
  EXPECT_EQ(rows[7][1]["format"], "dd/mm/yyyy");
  EXPECT_EQ(rows[8][2]["value"], "calendar.documents_date");
  EXPECT_EQ(rows[8][1]["value"], "2027-03-20T00:00:00");
  EXPECT_EQ(rows[10][2]["value"], "criteria.min_women_percent");
  EXPECT_DOUBLE_EQ(rows[10][1]["value"].get<double>(), 0.30);
  EXPECT_EQ(rows[10][1]["format"], "0%");
  EXPECT_EQ(rows[16][2]["value"], "scoring.qpv_site");
  EXPECT_EQ(rows[16][1]["value"], 30);
  EXPECT_EQ(rows[22][1]["value"], "par ordre de priorité");
  EXPECT_EQ(cents(rows[23][1]["value"]), 4000000);
  EXPECT_EQ(rows[24][1]["value"], "aucun");  // no cap per trainee
  EXPECT_DOUBLE_EQ(rows[25][1]["value"].get<double>(), 0.805);
  EXPECT_EQ(rows[25][1]["format"], "0.00%");
  EXPECT_EQ(rows[27][1]["value"], "à l’euro inférieur");
  EXPECT_EQ(rows[29][1]["value"], "65");
  EXPECT_EQ(rows[32][2]["value"], "budget.operation");
  EXPECT_TRUE(rows[32][1]["value"].is_null());  // left out: a blank to fill
}

TEST(AnnexesFile, TwoWritesAreByteIdentical) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  const auto dir = aap::test::scratch_dir("identical");
  aap::write_annexes(dir / "a.xlsx", b.campaign(), b.evaluation(), kDocumentsDate);
  aap::write_annexes(dir / "b.xlsx", b.campaign(), b.evaluation(), kDocumentsDate);
  const std::string a = aap::test::file_bytes(dir / "a.xlsx");
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, aap::test::file_bytes(dir / "b.xlsx"));
  aap::write_annexes(dir / "c.xlsx", b.campaign(), b.evaluation(), aap::Date{2027, 3, 21});
  EXPECT_NE(a, aap::test::file_bytes(dir / "c.xlsx"));  // the date is really in the file
  std::filesystem::remove_all(dir);
}

TEST(AnnexesFile, InvalidUtf8IsRefusedNamingTheDossierAndField) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  b.add("2027-005", "Caf\xC3 du code", {aap::test::annex_session("S", 12, 6)}, Money::from_euros(1000),
        Decision::not_funded, Money());
  const auto dir = aap::test::scratch_dir("utf8");
  try {
    aap::write_annexes(dir / "annexes.xlsx", b.campaign(), b.evaluation(), kDocumentsDate);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()),
              "Impossible d'écrire " + (dir / "annexes.xlsx").string() +
                  " : dossier 2027-005, champ association.name : UTF-8 invalide à l'octet 4");
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "annexes.xlsx"));
  std::filesystem::remove_all(dir);
}

TEST(AnnexesFile, ControlCharacterInASessionLabelIsRefused) {
  aap::test::AnnexBuilder b;
  b.add("2027-001", "A", {aap::test::annex_session("S1", 12, 6), aap::test::annex_session("S\x07", 12, 6)},
        Money::from_euros(1000), Decision::funded, Money::from_euros(1000));
  EXPECT_THROW(
      {
        try {
          aap::write_annexes("/nonexistent/annexes.xlsx", b.campaign(), b.evaluation(), kDocumentsDate);
        } catch (const std::runtime_error& e) {
          EXPECT_STREQ(e.what(),
                       "Impossible d'écrire /nonexistent/annexes.xlsx : dossier 2027-001, champ "
                       "training.sessions[1].label : caractère de contrôle U+0007 à l'octet 2");
          throw;
        }
      },
      std::runtime_error);
}

TEST(AnnexesFile, BadCampaignStringIsRefused) {
  aap::test::AnnexBuilder b;
  b.campaign().authority.name = "Métropole\nAix";
  try {
    aap::write_annexes("out/annexes.xlsx", b.campaign(), b.evaluation(), kDocumentsDate);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "Impossible d'écrire out/annexes.xlsx : campagne, champ authority.name : "
                 "caractère de contrôle U+000A à l'octet 11");
  }
}

TEST(AnnexesFile, UnwritablePathIsAFrenchErrorNamingTheFile) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  try {
    aap::write_annexes("/nonexistent-dir/annexes.xlsx", b.campaign(), b.evaluation(), kDocumentsDate);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(),
                 "Impossible d'écrire /nonexistent-dir/annexes.xlsx : le fichier ne peut pas être "
                 "créé (dossier absent ou droits insuffisants)");
  }
}

TEST(AnnexesFile, NoDossierStillGivesEverySheetAndAZeroTotal) {
  aap::test::AnnexBuilder b;
  const auto dir = aap::test::scratch_dir("empty");
  aap::write_annexes(dir / "annexes.xlsx", b.campaign(), b.evaluation(), kDocumentsDate);
  const json dump = aap::test::run_json("dump_workbook.py", aap::test::quoted(dir / "annexes.xlsx"));
  ASSERT_EQ(dump["sheets"].size(), 5u);
  const json& distribution = dump["sheets"][3];
  ASSERT_EQ(distribution["rows"].size(), 2u);
  EXPECT_EQ(distribution["rows"][1][7]["value"], "=0");
  EXPECT_EQ(distribution["autofilter"], "A1:N1");
  const json& synthesis = dump["sheets"][0]["rows"];
  EXPECT_EQ(cents(synthesis[3][2]["cached"]), 10000000);  // all of the envelope remains
  EXPECT_EQ(synthesis[8][1]["cached"], 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
