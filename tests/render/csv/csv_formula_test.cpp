// No cell of a CSV that aap writes is a formula, whatever reached the dossier: each output is read back
// with Python's csv module, and annexes.xlsx with openpyxl (a text cell, never a formula).
#include "test_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "allocation/allocation.hpp"
#include "cli/simulate.hpp"
#include "render/csv/csv.hpp"
#include "render/mailing/mailing.hpp"
#include "render/scdl/subventions_scdl.hpp"
#include "render/xlsx/annexes.hpp"
#include "support/builders.hpp"
#include "support/process.hpp"

namespace aap {
namespace {

constexpr const char* kHyperlink = "=HYPERLINK(\"http://evil.example\";\"Cliquez\")";

// Every row of a CSV file as lists of cells, as a spreadsheet's import (or a reuser's script) splits them.
std::vector<std::vector<std::string>> read_back(const std::string& text, char separator) {
  test::TempDir dir;
  const auto file = dir / "out.csv";
  std::ofstream(file, std::ios::binary) << text;
  const auto r = test::run_process(
      {AAP_PYTHON, "-c",
       "import csv, json, sys\n"
       "with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
       "    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))\n",
       file.string(), std::string(1, separator)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out).get<std::vector<std::vector<std::string>>>();
}

struct Scenario {
  Campaign campaign = test::seed_campaign();
  std::vector<Dossier> dossiers;
  Evaluation evaluation;
  // Dossiers built by hand: the readers would refuse "=" and "+", the writers must hold on their own.
  Scenario() {
    dossiers.push_back(test::eligible_dossier("2027-001"));
    dossiers.back().association.name = kHyperlink;
    dossiers.back().association.representative = {"+Madame", "Claire", "Martin", "Présidente"};
    dossiers.back().training.title = "-cmd|' /C calc'!A0";
    dossiers.push_back(test::eligible_dossier("2027-002"));
    dossiers.back().association.name = "@SUM(1+1)";
    evaluation = evaluate(campaign, test::test_communes(), dossiers);
  }
};

TEST(CsvFormula, CellsThatCouldStartAFormulaTakeAnApostrophe) {
  EXPECT_EQ(csv::field("=1+1", ';'), "'=1+1");
  EXPECT_EQ(csv::field("+33 4 91 00 00 00", ';'), "'+33 4 91 00 00 00");
  EXPECT_EQ(csv::field("-Atelier", ';'), "'-Atelier");
  EXPECT_EQ(csv::field("@A1", ';'), "'@A1");
  EXPECT_EQ(csv::field("\tx", ';'), "'\tx");
  EXPECT_EQ(csv::field("\rx", ';'), "\"'\rx\"");
  EXPECT_EQ(csv::field("  =1", ','), "'  =1");
  EXPECT_EQ(csv::field("\xC2\xA0=1", ','), "'\xC2\xA0=1");
  EXPECT_EQ(csv::field("=A1;B1", ';'), "\"'=A1;B1\"");
  // Numbers stay numbers; other texts are untouched.
  EXPECT_EQ(csv::field("-1250,50", ';'), "-1250,50");
  EXPECT_EQ(csv::field("-3", ','), "-3");
  EXPECT_EQ(csv::field("30000.00", ','), "30000.00");
  EXPECT_EQ(csv::field("Code & Quartiers", ','), "Code & Quartiers");
  EXPECT_EQ(csv::field("a=b", ','), "a=b");
  EXPECT_EQ(csv::field("-1,5,2", ';'), "'-1,5,2");
  EXPECT_EQ(csv::field("", ';'), "");
}

TEST(CsvFormula, MailingListNeutralisesEveryCell) {
  Scenario s;
  const auto rows = read_back(mailing::mailing_list(s.evaluation), ';');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "2027-001");
  EXPECT_EQ(rows[1][1], std::string("'") + kHyperlink);
  EXPECT_EQ(rows[1][2], "'+Madame Claire Martin, Présidente");
  EXPECT_EQ(rows[2][1], "'@SUM(1+1)");
}

TEST(CsvFormula, ScdlNeutralisesEveryCell) {
  Scenario s;
  s.campaign.authority.siret = "20005480700017";  // without the grantor's SIRET the file is not written
  const auto csv = scdl::subventions_csv(s.campaign, s.evaluation);
  ASSERT_TRUE(csv.has_value());
  const auto rows = read_back(*csv, ',');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][4], std::string("'") + kHyperlink);
  EXPECT_EQ(rows[1][8], "30000.00");
  EXPECT_EQ(rows[2][4], "'@SUM(1+1)");
}

TEST(CsvFormula, SimulationNeutralisesTheMarginalAssociation) {
  Simulation sim;
  EnvelopeOutcome o;
  o.envelope = Money::from_euros(1000);
  o.remaining = Money::from_cents(-150);
  o.marginal = MarginalDossier{"2027-001", kHyperlink, 1, Money::from_euros(30000), Money(), Money::from_euros(30000)};
  sim.outcomes.push_back(o);
  const auto rows = read_back(cli::simulation_csv(sim), ';');
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[1].size(), 11u);
  EXPECT_EQ(rows[1][6], "-1,50");  // a number, left as it is
  EXPECT_EQ(rows[1][9], std::string("'") + kHyperlink);
}

TEST(CsvFormula, AnnexesWriteTheNameAsTextNotAsAFormula) {
  Scenario s;
  test::TempDir dir;
  const auto file = dir / "annexes.xlsx";
  write_annexes(file, s.campaign, s.evaluation, Date{2027, 3, 20});
  // Every cell of the workbook whose value is one of the names: openpyxl's type "s" is a string, "f" a formula.
  const auto r = test::run_process(
      {AAP_PYTHON, "-c",
       "import json, sys, openpyxl\n"
       "wb = openpyxl.load_workbook(sys.argv[1])\n"
       "print(json.dumps([[ws.title, c.data_type, c.value] for ws in wb.worksheets for row in ws.iter_rows()\n"
       "                  for c in row if c.value in (sys.argv[2], '@SUM(1+1)')]))\n",
       file.string(), kHyperlink});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto cells = nlohmann::json::parse(r.out);
  ASSERT_GE(cells.size(), 4u) << r.out;  // the two names in Dossiers and in Répartition at least
  for (const auto& c : cells) EXPECT_EQ(c[1], "s") << c.dump();
}

}  // namespace
}  // namespace aap
