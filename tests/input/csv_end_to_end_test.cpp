// End-to-end: the built `aap` on the dossiers as CSV gives the very evaluation.json it gives on the JSON
// fixtures, whatever the separator, encoding, line ends and value forms; CSV errors stop the run.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process.hpp"

namespace aap {
namespace {

namespace fs = std::filesystem;
using test::run_aap;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kCsvData = fs::path(AAP_TEST_DATA) / "csv";

/// `aap notice` (evaluation.json, the notice and the manifest: the quickest full run) on `dossiers`.
test::ProcessResult notice(const fs::path& out, std::vector<std::string> dossiers_args) {
  std::vector<std::string> args{"notice", "--date", "2027-03-20", "--out", out.string(), "--quiet"};
  args.insert(args.end(), dossiers_args.begin(), dossiers_args.end());
  return run_aap(args, kRoot);
}

class CsvEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    json_run_ = new TempDir;
    const auto r = notice(json_run_->path() / "out", {"--dossiers", (kRoot / "fixtures/dossiers").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete json_run_;
    json_run_ = nullptr;
  }
  static std::string json_evaluation() { return slurp(json_run_->path() / "out/evaluation.json"); }

  void expect_same_evaluation(const fs::path& folder) {
    TempDir tmp;
    const auto r = notice(tmp / "out", {"--dossiers", (folder / "dossiers.csv").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string csv = slurp(tmp / "out/evaluation.json");
    EXPECT_GT(csv.size(), 1000u);
    EXPECT_EQ(csv, json_evaluation()) << folder;
  }

  static TempDir* json_run_;
};

TempDir* CsvEndToEnd::json_run_ = nullptr;

TEST_F(CsvEndToEnd, ShippedFixturesSemicolonUtf8) { expect_same_evaluation(kRoot / "fixtures/csv"); }

TEST_F(CsvEndToEnd, CommaUtf8) { expect_same_evaluation(kCsvData / "comma-utf8"); }

TEST_F(CsvEndToEnd, SemicolonWindows1252CrlfAsExcelExportsIt) {
  expect_same_evaluation(kCsvData / "semicolon-cp1252-crlf");
}

TEST_F(CsvEndToEnd, CommaWindows1252WithNoBreakSpacesInAmounts) { expect_same_evaluation(kCsvData / "comma-cp1252"); }

TEST_F(CsvEndToEnd, Utf8BomCrlfWithIsoForms) { expect_same_evaluation(kCsvData / "bom-crlf"); }

TEST_F(CsvEndToEnd, TheManifestListsBothCsvFilesAmongTheInputs) {
  TempDir tmp;
  const auto r = notice(tmp / "out", {"--dossiers", (kRoot / "fixtures/csv/dossiers.csv").string(), "--sessions",
                                      (kCsvData / "comma-utf8/sessions.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto manifest = nlohmann::json::parse(slurp(tmp / "out/manifest.json"));
  std::vector<std::string> inputs;
  for (const auto& i : manifest["inputs"]) inputs.push_back(i["path"]);
  EXPECT_EQ(inputs.size(), 4u);  // campaign, communes, dossiers.csv, sessions.csv
  EXPECT_NE(std::find(inputs.begin(), inputs.end(), (kRoot / "fixtures/csv/dossiers.csv").generic_string()),
            inputs.end());
  EXPECT_NE(std::find(inputs.begin(), inputs.end(), (kCsvData / "comma-utf8/sessions.csv").generic_string()),
            inputs.end());
  EXPECT_EQ(slurp(tmp / "out/evaluation.json"), json_evaluation());
}

TEST_F(CsvEndToEnd, AnInvalidCsvStopsTheRunWithFileLineAndColumn) {
  TempDir tmp;
  const auto r = notice(tmp / "out", {"--dossiers", (kRoot / "fixtures/csv/dossiers.csv").string(), "--sessions",
                                      (kCsvData / "error-women-above-trainees/sessions.csv").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find((kCsvData / "error-women-above-trainees/sessions.csv").string() +
                       ":5: women : 18 femmes déclarées pour 12 stagiaires\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("1 dossier invalide"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST_F(CsvEndToEnd, AnOutputFolderHoldingTheSessionsFileIsRefused) {
  TempDir tmp;
  fs::create_directories(tmp / "export");
  fs::copy_file(kRoot / "fixtures/csv/sessions.csv", tmp / "export/sessions.csv");
  const auto r = notice(tmp / "export", {"--dossiers", (kRoot / "fixtures/csv/dossiers.csv").string(), "--sessions",
                                         (tmp / "export/sessions.csv").string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("contient le fichier des sessions --sessions"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(tmp / "export/sessions.csv"), slurp(kRoot / "fixtures/csv/sessions.csv"));
}

}  // namespace
}  // namespace aap
