// annexes.xlsx recalculated by LibreOffice: every formula gives back the value the file caches.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "render/xlsx/annex_builder.hpp"
#include "render/xlsx/annexes.hpp"
#include "render/xlsx/xlsx_test_support.hpp"

namespace {

using nlohmann::json;

// LibreOffice writes 15 significant digits: 5/14 comes back as 0.357142857142857.
bool same_value(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) {
    const double x = a.get<double>();
    const double y = b.get<double>();
    return std::fabs(x - y) <= 1e-12 * std::max(1.0, std::fabs(x));
  }
  return a == b;
}

TEST(AnnexesLibreOffice, RecalculatedFormulasEqualTheirCachedValues) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  b.add("2027-005", "Numérique Solidaire", {aap::test::annex_session("S", 12, 6)},
        aap::Money::from_cents(2300001), aap::Decision::funded, aap::Money::from_cents(2300001));
  const auto dir = aap::test::scratch_dir("libreoffice");
  aap::write_annexes(dir / "annexes.xlsx", b.campaign(), b.evaluation(), aap::Date{2027, 3, 20});
  const json result = aap::test::run_json(
      "recalculate.py", aap::test::quoted(dir / "annexes.xlsx") + " " + aap::test::quoted(dir / "work"));

  EXPECT_EQ(result["sheets"], json::array({"Synthèse", "Dossiers", "Sessions", "Répartition", "Paramètres"}));
  std::size_t totals = 0;
  for (const json& c : result["cells"]) {
    const std::string where = c["sheet"].get<std::string>() + "!" + c["cell"].get<std::string>() + " " +
                              c["formula"].get<std::string>();
    EXPECT_TRUE(same_value(c["recalculated"], c["cached"]))
        << where << ": " << c["recalculated"] << " recalculated, " << c["cached"] << " cached";
    // From a copy whose cached values were sentinels: proves LibreOffice recalculated.
    EXPECT_FALSE(same_value(c["sentinel"], c["cached"])) << where;
    EXPECT_TRUE(same_value(c["from_tampered"], c["cached"])) << where << ": " << c["from_tampered"];
    if (c["formula"].get<std::string>().find("SUM") != std::string::npos) ++totals;
    if (c["sheet"] == "Répartition" && c["cell"] == "I4") {
      EXPECT_EQ(c["recalculated"], "Oui");  // 23 000,01 €
    }
  }
  // Synthèse: 10 SUMIF (five decisions, the inadmissible apart) and 3 SUM; Répartition: its total.
  EXPECT_EQ(totals, 14u);
  // Synthèse 22, women % 5, agreements 3 and the total.
  EXPECT_EQ(result["cells"].size(), 4u + 3 * 5 + 3 + 5 + 3 + 1);
  std::filesystem::remove_all(dir);
}

// Printed by LibreOffice: each sheet one page wide in its orientation, its name and « Page N / M » in the
// footer (pages numbered through the workbook), the header row on every page of a sheet that runs over;
// Synthèse and Paramètres on one page each (they took two and three).
TEST(AnnexesLibreOffice, PrintedSheetsHaveThePagesAndFootersTheyWereSetUpFor) {
  aap::test::AnnexBuilder b;
  aap::test::add_four_decisions(b);
  for (int i = 5; i <= 90; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "2027-%03d", i);
    b.add(id, "Association n° " + std::to_string(i) + " pour l’insertion par le numérique",
          {aap::test::annex_session("S", 12, 6)}, aap::Money::from_euros(1000), aap::Decision::funded,
          aap::Money::from_euros(1000));
  }
  const auto dir = aap::test::scratch_dir("print");
  aap::write_annexes(dir / "annexes.xlsx", b.campaign(), b.evaluation(), aap::Date{2027, 3, 20});
  const json result = aap::test::run_json(
      "print_pages.py", aap::test::quoted(dir / "annexes.xlsx") + " " + aap::test::quoted(dir / "work"));

  const std::regex footer("(Synthèse|Dossiers|Sessions|Répartition|Paramètres)\\s+Page (\\d+) / (\\d+)");
  const int total = static_cast<int>(result["pages"].size());
  std::map<std::string, int> pages;
  std::map<std::string, std::string> orientation;
  std::vector<std::string> order;
  int number = 0;
  for (const json& page : result["pages"]) {
    const std::string text = page["text"];
    std::smatch m;
    ASSERT_TRUE(std::regex_search(text, m, footer)) << text;
    const std::string name = m[1];
    if (pages[name]++ == 0) order.push_back(name);
    EXPECT_EQ(std::stoi(m[2]), ++number) << name;
    EXPECT_EQ(std::stoi(m[3]), total) << name;
    orientation[name] = page["orientation"];
    EXPECT_NE(text.find("Annexes financières — AAP-GEN-2027"), std::string::npos) << name;
    if (name == "Dossiers") {
      EXPECT_NE(text.find("Association"), std::string::npos) << "page " << number;
      EXPECT_NE(text.find("Subvention"), std::string::npos) << "page " << number;
    }
    if (name == "Répartition") {
      EXPECT_NE(text.find("Opération"), std::string::npos) << "page " << number;
    }
  }
  EXPECT_EQ(order, (std::vector<std::string>{"Synthèse", "Dossiers", "Sessions", "Répartition", "Paramètres"}));
  EXPECT_EQ(pages["Synthèse"], 1);
  EXPECT_EQ(pages["Paramètres"], 1);
  EXPECT_GE(pages["Dossiers"], 2);
  EXPECT_GE(pages["Répartition"], 2);
  EXPECT_EQ(orientation["Synthèse"], "portrait");
  EXPECT_EQ(orientation["Paramètres"], "portrait");
  EXPECT_EQ(orientation["Dossiers"], "landscape");
  EXPECT_EQ(orientation["Sessions"], "landscape");
  EXPECT_EQ(orientation["Répartition"], "landscape");
  std::filesystem::remove_all(dir);
}

}  // namespace
