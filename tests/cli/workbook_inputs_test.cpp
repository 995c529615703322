// A workbook is an input like any other: `verify` records and checks its SHA-256 and replays the run from it;
// `check` and `simulate` read it and say what they say of the same dossiers in JSON.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "input/sha256.hpp"
#include "support/process.hpp"

namespace aap {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_aap;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kJson = kRoot / "fixtures/dossiers";

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

class WorkbookVerify : public ::testing::TestWithParam<std::string> {};

TEST_P(WorkbookVerify, RecordsTheWorkbooksSha256AndFailsNamingItOnceOneByteChanged) {
  TempDir tmp;
  const fs::path workbook = tmp / ("dossiers." + GetParam());
  fs::copy_file(kRoot / "fixtures/xlsx" / ("dossiers." + GetParam()), workbook);
  const fs::path out = tmp / "out";
  const auto run = run_aap({"run", "--dossiers", workbook.string(), "--out", out.string(), "--quiet"}, kRoot);
  ASSERT_EQ(run.exit_code, 0) << run.err;

  const json manifest = json::parse(slurp(out / "manifest.json"));
  bool recorded = false;
  for (const json& entry : manifest["inputs"]) {
    if (entry["path"] != workbook.generic_string()) continue;
    recorded = true;
    EXPECT_EQ(entry["sha256"], sha256_hex(slurp(workbook)));
  }
  EXPECT_TRUE(recorded) << manifest["inputs"];
  EXPECT_EQ(manifest["command_line"]["dossiers"], json::array({workbook.generic_string()}));

  auto r = run_aap({"verify", "--out", out.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  identique  evaluation.json")) << r.out;
  EXPECT_NE(r.out.find(" — les sorties proviennent bien des entrées du manifeste.\n"), std::string::npos) << r.out;

  // One byte of the archive changed: the workbook is named, whatever the replay makes of it.
  std::string bytes = slurp(workbook);
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x01);
  std::ofstream(workbook, std::ios::binary | std::ios::trunc) << bytes;
  r = run_aap({"verify", "--out", out.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  entrée modifiée : " + workbook.generic_string())) << r.out;
  EXPECT_EQ(r.out.find("proviennent bien"), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(XlsxAndOds, WorkbookVerify, ::testing::Values("xlsx", "ods"));

// A workbook still readable but holding another amount: the replay reads it, and says what changed.
TEST(WorkbookReplay, AnAmountChangedInTheWorkbookIsReplayedAndItsDocumentsDiffer) {
  TempDir tmp;
  const fs::path workbook = tmp / "dossiers.xlsx";
  fs::copy_file(kRoot / "fixtures/xlsx/dossiers.xlsx", workbook);
  const fs::path out = tmp / "out";
  ASSERT_EQ(run_aap({"run", "--dossiers", workbook.string(), "--out", out.string(), "--quiet"}, kRoot).exit_code, 0);
  // Dossiers!AB2: budget.requested of 2027-001, 30 000 € → 20 000 €.
  const auto edit = test::run_process({AAP_PYTHON, (fs::path(AAP_TEST_DATA) / "xlsx/edit_part.py").string(),
                                       workbook.string(), (tmp / "edited.xlsx").string(), "xl/worksheets/sheet1.xml",
                                       R"(<c r="AB2"([^>]*)><v>30000</v></c>)", R"(<c r="AB2"\1><v>20000</v></c>)"});
  ASSERT_EQ(edit.exit_code, 0) << edit.err;
  fs::rename(tmp / "edited.xlsx", workbook);
  const auto r = run_aap({"verify", "--out", out.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  entrée modifiée : " + workbook.generic_string())) << r.out;
  EXPECT_TRUE(has_line(r.out, "  modifié    evaluation.json")) << r.out;
  EXPECT_TRUE(has_line(r.out, "  modifié    courriers/2027-001.pdf")) << r.out;
  EXPECT_TRUE(has_line(r.out, "  identique  courriers/2027-002.pdf")) << r.out;
}

class WorkbookCommands : public ::testing::TestWithParam<std::string> {
 protected:
  fs::path workbook() const { return kRoot / "fixtures/xlsx" / ("dossiers." + GetParam()); }
};

TEST_P(WorkbookCommands, CheckSaysWhatItSaysOfTheJsonDossiers) {
  const auto from_json = run_aap({"check", "--dossiers", kJson.string()}, kRoot);
  const auto from_workbook = run_aap({"check", "--dossiers", workbook().string()}, kRoot);
  ASSERT_EQ(from_json.exit_code, 0) << from_json.err;
  EXPECT_EQ(from_workbook.exit_code, 0) << from_workbook.err;
  EXPECT_NE(from_json.out.find("20 dossiers lus, 20 valides"), std::string::npos) << from_json.out;
  EXPECT_EQ(from_workbook.out, from_json.out);
  EXPECT_EQ(from_workbook.err, from_json.err);
}

TEST_P(WorkbookCommands, SimulateGivesTheJsonDossiersTableAndWorkbook) {
  TempDir tmp;
  const auto simulate = [&](const fs::path& dossiers, const std::string& file) {
    return run_aap({"simulate", "--dossiers", dossiers.string(), "--envelope", "250000", "--envelope-range",
                    "100000:400000:50000", "--out", (tmp / file).string()},
                   kRoot);
  };
  const auto from_json = simulate(kJson, "json.xlsx");
  const auto from_workbook = simulate(workbook(), "workbook.xlsx");
  ASSERT_EQ(from_json.exit_code, 0) << from_json.err;
  ASSERT_EQ(from_workbook.exit_code, 0) << from_workbook.err;
  EXPECT_NE(from_json.out.find("Enveloppe"), std::string::npos) << from_json.out;
  // The table is the same; only the last line names the file written.
  const auto table = [](const std::string& out) { return out.substr(0, out.rfind("Simulation écrite dans")); };
  EXPECT_GT(table(from_json.out).size(), 500u);
  EXPECT_EQ(table(from_workbook.out), table(from_json.out));
  EXPECT_EQ(slurp(tmp / "workbook.xlsx"), slurp(tmp / "json.xlsx"));
}

INSTANTIATE_TEST_SUITE_P(XlsxAndOds, WorkbookCommands, ::testing::Values("xlsx", "ods"));

}  // namespace
}  // namespace aap
