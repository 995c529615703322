// `aap simulate`: amounts as typed, the table, the CSV and XLSX files, and agreement with `aap run`.
#include "test_paths.hpp"
#include "cli/simulate.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/process.hpp"

namespace aap::cli {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kData = AAP_TEST_DATA;

Money euros(std::int64_t e) { return Money::from_euros(e); }

TEST(ParseAmount, AcceptsWhatAUserTypes) {
  EXPECT_EQ(Money::parse_typed("250000"), euros(250000));
  EXPECT_EQ(Money::parse_typed("250 000"), euros(250000));
  EXPECT_EQ(Money::parse_typed("1 250 000"), euros(1250000));
  EXPECT_EQ(Money::parse_typed("250\u202F000"), euros(250000));
  EXPECT_EQ(Money::parse_typed("250\u00A0000"), euros(250000));
  EXPECT_EQ(Money::parse_typed("250000,50"), Money::from_cents(25000050));
  EXPECT_EQ(Money::parse_typed("250000.5"), Money::from_cents(25000050));
  EXPECT_EQ(Money::parse_typed("250 000 €"), euros(250000));
  EXPECT_EQ(Money::parse_typed("250\u202F000,00\u00A0€"), euros(250000));
  EXPECT_EQ(Money::parse_typed("0"), Money());
}

TEST(ParseAmount, RefusesWhatIsNotAnAmount) {
  for (const char* bad : {"", "abc", "-5", "+5", "2 50000", "25 00", "250000,505", "250000,", ",50", "1e5",
                          "250 000 000 000 000", "250000 euros", "250_000"})
    EXPECT_EQ(Money::parse_typed(bad), std::nullopt) << bad;
}

TEST(EnvelopeRange, GoesFromStartByStepWhileNotAboveTheEnd) {
  std::string error;
  const auto envelopes = parse_envelope_range("200000:300000:40000", error);
  ASSERT_TRUE(envelopes) << error;
  EXPECT_EQ(*envelopes, (std::vector<Money>{euros(200000), euros(240000), euros(280000)}));
  EXPECT_EQ(parse_envelope_range("200 000:300 000:50 000", error)->size(), 3u);
}

TEST(EnvelopeRange, BadRangesAreExplained) {
  std::string error;
  EXPECT_FALSE(parse_envelope_range("200000:300000", error));
  EXPECT_EQ(error, "--envelope-range « 200000:300000 » : attendu DÉBUT:FIN:PAS en euros, par exemple "
                   "200000:300000:20000");
  EXPECT_FALSE(parse_envelope_range("200000:beaucoup:1000", error));
  EXPECT_EQ(error, "--envelope-range « 200000:beaucoup:1000 » : « beaucoup » n’est pas un montant en euros "
                   "(250000, 250 000 ou 250000,50)");
  EXPECT_FALSE(parse_envelope_range("200000:300000:0", error));
  EXPECT_EQ(error, "--envelope-range « 200000:300000:0 » : le pas doit être supérieur à zéro");
  EXPECT_FALSE(parse_envelope_range("300000:200000:1000", error));
  EXPECT_EQ(error, "--envelope-range « 300000:200000:1000 » : le début 300\u202F000\u00A0€ dépasse la fin "
                   "200\u202F000\u00A0€");
  EXPECT_FALSE(parse_envelope_range("0:100000:1", error));
  EXPECT_EQ(error, "--envelope-range « 0:100000:1 » : 100\u202F001 enveloppes, 1\u202F000 au plus");
}

TEST(SimulateCommand, BadValuesAreUsageErrors) {
  const auto bad = run_aap({"simulate", "--envelope", "beaucoup"}, kRoot);
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "aap : --envelope « beaucoup » n’est pas un montant en euros (250000, 250 000 ou 250000,50).\n");
  const auto range = run_aap({"simulate", "--envelope-range", "1:2"}, kRoot);
  EXPECT_EQ(range.exit_code, 2);
  EXPECT_EQ(range.err, "aap : --envelope-range « 1:2 » : attendu DÉBUT:FIN:PAS en euros, par exemple "
                       "200000:300000:20000.\n");
  const auto out = run_aap({"simulate", "--out", "simulation.pdf"}, kRoot);
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_EQ(out.err, "aap : avec simulate, --out nomme un fichier .csv ou .xlsx, pas « simulation.pdf ».\n");
  const auto run = run_aap({"run", "--envelope", "1000"}, kRoot);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_EQ(run.err, "aap : --envelope et --envelope-range ne servent qu’à la commande simulate.\n");
}

TEST(SimulateCommand, PrintsOneAlignedRowPerEnvelopeAndTheThresholds) {
  TempDir tmp;
  const auto r = run_aap({"simulate", "--envelope", "250 000", "--envelope-range", "300000:320000:20000"}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  std::istringstream lines(r.out);
  std::string line;
  std::vector<std::string> all;
  while (std::getline(lines, line)) all.push_back(line);
  ASSERT_GE(all.size(), 8u) << r.out;
  EXPECT_EQ(all[0], "Simulation AAP-GEN-2027 — répartition par ordre de priorité, 13 dossiers éligibles "
                    "(8 au niveau 1, 5 au niveau 2)");
  EXPECT_EQ(all[2].rfind("Enveloppe  Financés  Partiels  Non financés  Niveau 2  ", 0), 0u) << all[2];
  // 2027-006 (rank 10, cap 24 000 €) gets 7 500 € of the campaign's 250 000 € (see aap explain).
  EXPECT_NE(all[3].find("rang 10 : 2027-006 — Luberon Digital Insertion"), std::string::npos) << all[3];
  EXPECT_NE(all[3].find("16\u202F500\u00A0€"), std::string::npos) << all[3];
  EXPECT_EQ(all[3].rfind("250\u202F000\u00A0€         9         1             3  atteint", 0), 0u) << all[3];
  EXPECT_EQ(all[4].rfind("300\u202F000\u00A0€", 0), 0u) << all[4];
  EXPECT_EQ(all[5].rfind("320\u202F000\u00A0€", 0), 0u) << all[5];
  // The thresholds are the sums of the caps that `aap run` writes in evaluation.json.
  ASSERT_EQ(run_aap({"run", "--out", (tmp / "out").string(), "--quiet"}, kRoot).exit_code, 0);
  std::int64_t tier1 = 0, all_caps = 0;
  const auto evaluation = nlohmann::json::parse(slurp(tmp / "out/evaluation.json"));
  for (const auto& d : evaluation["dossiers"]) {
    if (d["eligible"] != true) continue;
    all_caps += d["cap_cents"].get<std::int64_t>();
    if (d["tier"] == 1) tier1 += d["cap_cents"].get<std::int64_t>();
  }
  const std::string tier1_label = "Enveloppe qui finance tous les plafonds du niveau 1 : ";
  const std::string all_label = "Enveloppe qui finance tous les plafonds des dossiers éligibles : ";
  ASSERT_EQ(all[7].rfind(tier1_label, 0), 0u) << all[7];
  ASSERT_EQ(all[8].rfind(all_label, 0), 0u) << all[8];
  EXPECT_EQ(Money::parse_typed(all[7].substr(tier1_label.size())), Money::from_cents(tier1)) << all[7];
  EXPECT_EQ(Money::parse_typed(all[8].substr(all_label.size())), Money::from_cents(all_caps)) << all[8];
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, sep)) cells.push_back(cell);
  if (!line.empty() && line.back() == sep) cells.push_back("");
  return cells;
}

std::string plain(std::int64_t cents) {
  return std::to_string(cents / 100) + "," + (cents % 100 < 10 ? "0" : "") + std::to_string(cents % 100);
}

// The campaign's own envelope through simulate gives what `aap run` wrote in evaluation.json.
void expect_simulate_equals_run(const fs::path& campaign) {
  TempDir tmp;
  ASSERT_EQ(run_aap({"run", "--campaign", campaign.string(), "--out", (tmp / "out").string(), "--quiet"}, kRoot)
                .exit_code,
            0);
  const auto r = run_aap({"simulate", "--campaign", campaign.string(), "--out", (tmp / "simulation.csv").string(),
                          "--quiet"},
                         kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  const auto ev = nlohmann::json::parse(slurp(tmp / "out/evaluation.json"));
  std::size_t funded = 0, partial = 0, unfunded = 0;
  const nlohmann::json* marginal = nullptr;
  for (const auto& d : ev["dossiers"]) {
    if (d["decision"] == "funded") ++funded;
    if (d["decision"] == "partially_funded") ++partial;
    if (d["decision"] == "not_funded") ++unfunded;
    if (!marginal && d["eligible"] == true && d["grant_cents"] < d["cap_cents"]) marginal = &d;
  }
  ASSERT_NE(marginal, nullptr);
  const std::string csv = slurp(tmp / "simulation.csv");
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF" "enveloppe;finances;", 0), 0u);
  const std::string row = csv.substr(csv.find("\r\n") + 2, csv.rfind("\r\n") - csv.find("\r\n") - 2);
  const auto cells = split(row, ';');
  ASSERT_EQ(cells.size(), 11u) << row;
  EXPECT_EQ(cells[0], plain(ev["envelope_cents"]));
  EXPECT_EQ(cells[1], std::to_string(funded));
  EXPECT_EQ(cells[2], std::to_string(partial));
  EXPECT_EQ(cells[3], std::to_string(unfunded));
  EXPECT_EQ(cells[5], plain(ev["allocated_cents"]));
  EXPECT_EQ(cells[6], plain(ev["remaining_cents"]));
  EXPECT_EQ(cells[7], std::to_string((*marginal)["rank"].get<int>()));
  EXPECT_EQ(cells[8], (*marginal)["id"]);
  EXPECT_EQ(cells[10], plain((*marginal)["cap_cents"].get<std::int64_t>() - (*marginal)["grant_cents"].get<std::int64_t>()));
}

TEST(SimulateCommand, AtTheCampaignEnvelopeEqualsRunUnderThePriorityPolicy) {
  expect_simulate_equals_run(kRoot / "fixtures/campaign.json");
}

TEST(SimulateCommand, AtTheCampaignEnvelopeEqualsRunUnderTheProportionalPolicy) {
  expect_simulate_equals_run(kData / "campaign-proportional.json");
}

TEST(SimulateCommand, WritesAWorkbookForTheLegalService) {
  TempDir tmp;
  const auto r = run_aap({"simulate", "--envelope-range", "200000:300000:50000", "--out",
                          (tmp / "simulation.xlsx").string(), "--quiet"},
                         kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto sheet = run_process({AAP_PYTHON, "-c",
                                  "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                  "print(z.read('xl/workbook.xml').decode()); "
                                  "print(z.read('xl/worksheets/sheet1.xml').decode())",
                                  (tmp / "simulation.xlsx").string()});
  ASSERT_EQ(sheet.exit_code, 0) << sheet.err;
  EXPECT_NE(sheet.out.find("name=\"Simulation\""), std::string::npos);
  for (const char* envelope : {"<v>200000</v>", "<v>250000</v>", "<v>300000</v>"})
    EXPECT_NE(sheet.out.find(envelope), std::string::npos) << envelope;
  std::vector<std::string> leftovers;
  for (const auto& e : fs::directory_iterator(tmp.path())) leftovers.push_back(e.path().filename().string());
  EXPECT_EQ(leftovers, std::vector<std::string>{"simulation.xlsx"});
}

}  // namespace
}  // namespace aap::cli
