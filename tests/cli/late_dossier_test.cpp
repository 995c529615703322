// End-to-end: a dossier received after the deadline is irrecevable, one received on the deadline
// day is not; the late one is counted apart in every document and command.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kLate = fs::path(AAP_TEST_DATA) / "late";

std::string pdftotext(const fs::path& pdf) {
  const auto r = run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string text = std::regex_replace(r.out, std::regex("\u00A0|\u202F"), " ");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The fixtures and the two dossiers of tests/data/late in one folder (the oracle reads one folder).
struct LateRun {
  TempDir tmp;
  fs::path dossiers = tmp / "dossiers";
  fs::path out = tmp / "out";
  LateRun() {
    fs::create_directories(dossiers);
    for (const fs::path& dir : {kRoot / "fixtures/dossiers", kLate})
      for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json") fs::copy_file(e.path(), dossiers / e.path().filename());
    const auto r = run_aap({"run", "--quiet", "--dossiers", dossiers.string(), "--out", out.string()}, kRoot);
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
};

const LateRun& late_run() {
  static const LateRun run;
  return run;
}

TEST(LateDossier, IsInadmissibleWithItsCriteriaStillComputed) {
  const auto ev = nlohmann::json::parse(slurp(late_run().out / "evaluation.json"));
  ASSERT_EQ(ev["dossiers"].size(), 22u);
  const auto& last = ev["dossiers"][21];  // after the ineligible ones
  EXPECT_EQ(last["id"], "2027-030");
  EXPECT_EQ(last["decision"], "inadmissible");
  EXPECT_EQ(last["eligible"], false);
  EXPECT_TRUE(last["rank"].is_null());
  EXPECT_TRUE(last["tier"].is_null());
  EXPECT_TRUE(last["cap_cents"].is_null());
  EXPECT_EQ(last["grant_cents"], 0);
  EXPECT_EQ(last["criteria"].size(), 11u);
  EXPECT_EQ(last["score"], 100);  // computed for the audit, used for nothing
  // The allocation of the fixtures is unchanged: 2027-003 still ranks first, the envelope is all given.
  EXPECT_EQ(ev["dossiers"][0]["id"], "2027-003");
  EXPECT_EQ(ev["allocated_cents"], 25000000);
  // Received on the deadline day: admissible, ranked last of the eligible ones.
  const auto& on_time = ev["dossiers"][13];
  EXPECT_EQ(on_time["id"], "2027-031");
  EXPECT_EQ(on_time["rank"], 14);
  EXPECT_EQ(on_time["decision"], "not_funded");
  EXPECT_EQ(ev["dossiers"][20]["decision"], "ineligible");
}

TEST(LateDossier, TheOracleAgrees) {
  const auto oracle = run_process({AAP_PYTHON, (kRoot / "tests/e2e/oracle.py").string(),
                                   (kRoot / "fixtures/campaign.json").string(), late_run().dossiers.string(),
                                   (kRoot / "data/communes-metropole.csv").string(),
                                   (late_run().out / "evaluation.json").string()},
                                  kRoot);
  EXPECT_EQ(oracle.exit_code, 0) << oracle.out << oracle.err;
}

TEST(LateDossier, ItsLetterGivesBothDatesAndTheRecourse) {
  const std::string text = pdftotext(late_run().out / "courriers/2027-030.pdf");
  EXPECT_TRUE(has(text, "Objet : dossier n° 2027-030 irrecevable, reçu après la date limite")) << text;
  EXPECT_TRUE(has(text, "Ce dossier a été reçu le 1er février 2027")) << text;
  EXPECT_TRUE(has(text, "fixait la date limite de dépôt des dossiers au 31 janvier 2027")) << text;
  EXPECT_TRUE(has(text, "irrecevable")) << text;
  EXPECT_TRUE(has(text, "Voies et délais de recours")) << text;
  EXPECT_TRUE(has(text, "tribunal administratif de Marseille dans un délai de deux mois")) << text;
  // Nothing of an examination it did not get.
  EXPECT_FALSE(has(text, "rang")) << text;
  EXPECT_FALSE(has(text, "Critère d’éligibilité")) << text;
  EXPECT_FALSE(has(text, "points")) << text;
}

TEST(LateDossier, TheDeliberationCountsItApart) {
  const std::string text = pdftotext(late_run().out / "deliberation.pdf");
  EXPECT_TRUE(has(text, "dossiers reçus : 22")) << text;
  EXPECT_TRUE(has(text, "dossiers irrecevables, parvenus après la date limite du 31 janvier 2027 : 1")) << text;
  EXPECT_TRUE(has(text, "dossiers recevables et instruits : 21")) << text;
  EXPECT_TRUE(has(text, "dossiers éligibles : 14")) << text;
  EXPECT_FALSE(has(text, "Association Retard")) << text;
}

TEST(LateDossier, TheWorkbookCountsItApart) {
  const std::string script = R"(
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
for row in wb["Synthèse"].iter_rows(values_only=True):
    print("S", *row, sep="|")
for row in wb["Dossiers"].iter_rows(values_only=True):
    if row[0] == "2027-030": print("D", *row, sep="|")
)";
  const auto r = run_process({AAP_PYTHON, "-c", script, (late_run().out / "annexes.xlsx").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "S|Inéligible|7|0|")) << r.out;
  EXPECT_TRUE(has(r.out, "S|Irrecevable|1|0|45000\n")) << r.out;
  EXPECT_TRUE(has(r.out, "S|Total des dossiers|22|250000|")) << r.out;
  EXPECT_TRUE(has(r.out, "D|2027-030|Association Retard & Numérique|")) << r.out;
  EXPECT_TRUE(has(r.out, "|Irrecevable")) << r.out;
}

TEST(LateDossier, CheckExplainAndSimulateCountItApart) {
  const std::string dossiers = late_run().dossiers.string();
  const auto check = run_aap({"check", "--dossiers", dossiers}, kRoot);
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_TRUE(has(check.out, "22 dossiers lus, 22 valides, 14 éligibles")) << check.out;
  EXPECT_TRUE(has(check.out, "inéligibles : 7 ; irrecevables (reçus après le 31 janvier 2027) : 1")) << check.out;

  const auto explain = run_aap({"explain", "2027-030", "--dossiers", dossiers}, kRoot);
  EXPECT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_TRUE(has(explain.out, "reçu le : 1er février 2027 ; date limite : 31 janvier 2027 — irrecevable")) << explain.out;
  EXPECT_TRUE(has(explain.out, "décision : inadmissible")) << explain.out;
  EXPECT_FALSE(has(explain.out, "rang :")) << explain.out;
  const auto on_time = run_aap({"explain", "2027-031", "--dossiers", dossiers}, kRoot);
  EXPECT_TRUE(has(on_time.out, "reçu le : 31 janvier 2027 ; date limite : 31 janvier 2027\n")) << on_time.out;

  const auto simulate = run_aap({"simulate", "--dossiers", dossiers}, kRoot);
  EXPECT_EQ(simulate.exit_code, 0) << simulate.err;
  EXPECT_TRUE(has(simulate.out, "14 dossiers éligibles (8 au niveau 1, 6 au niveau 2) ; 1 dossier irrecevable, reçu "
                                "après la date limite, n’entre pas dans la répartition"))
      << simulate.out;
}

}  // namespace
}  // namespace aap
