// End-to-end: the built `aap` on the fixture dossiers as an .xlsx or .ods workbook gives the very
// evaluation.json of the JSON fixtures; typed cells, formulas and damaged or oversized workbooks are read
// or refused cell by cell, in French, and the run stops before writing anything.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "input/sha256.hpp"
#include "support/process.hpp"
#include "support/special_files.hpp"

namespace aap {
namespace {

namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kXlsx = kRoot / "fixtures/xlsx/dossiers.xlsx";
const fs::path kOds = kRoot / "fixtures/xlsx/dossiers.ods";
const fs::path kEditPart = fs::path(AAP_TEST_DATA) / "xlsx/edit_part.py";

test::ProcessResult notice(const fs::path& out, const fs::path& dossiers) {
  return run_aap({"notice", "--date", "2027-03-20", "--out", out.string(), "--quiet", "--dossiers", dossiers.string()},
                 kRoot);
}

/// A copy of the fixture workbook with `pattern` replaced in `part` (sheet1: Dossiers, sheet2: Sessions).
fs::path edited(const TempDir& tmp, const std::string& part, const std::string& pattern,
                const std::string& replacement) {
  const fs::path out = tmp / "dossiers.xlsx";
  const auto r = run_process({"/usr/bin/python3", kEditPart.string(), kXlsx.string(), out.string(),
                              "xl/worksheets/" + part + ".xml", pattern, replacement});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return out;
}

class WorkbookEndToEnd : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    json_run_ = new TempDir;
    const auto r = notice(json_run_->path() / "out", kRoot / "fixtures/dossiers");
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() {
    delete json_run_;
    json_run_ = nullptr;
  }
  static std::string json_evaluation() { return slurp(json_run_->path() / "out/evaluation.json"); }

  void expect_same_evaluation(const fs::path& workbook) {
    TempDir tmp;
    const auto r = notice(tmp / "out", workbook);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string evaluation = slurp(tmp / "out/evaluation.json");
    EXPECT_GT(evaluation.size(), 1000u);
    EXPECT_EQ(evaluation, json_evaluation()) << workbook;
  }
  /// The run refused with `message` in its errors, and nothing written.
  void expect_refused(const fs::path& workbook, const std::string& message) {
    TempDir tmp;
    const auto r = notice(tmp / "out", workbook);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(tmp / "out"));
  }

  static TempDir* json_run_;
};

TempDir* WorkbookEndToEnd::json_run_ = nullptr;

TEST_F(WorkbookEndToEnd, XlsxFixtureEvaluatesAsTheJsonFixtures) { expect_same_evaluation(kXlsx); }

TEST_F(WorkbookEndToEnd, OdsFixtureEvaluatesAsTheJsonFixtures) { expect_same_evaluation(kOds); }

TEST_F(WorkbookEndToEnd, TheManifestRecordsTheWorkbookWithItsSha256) {
  TempDir tmp;
  ASSERT_EQ(notice(tmp / "out", kXlsx).exit_code, 0);
  const auto manifest = nlohmann::json::parse(slurp(tmp / "out/manifest.json"));
  bool found = false;
  for (const auto& i : manifest["inputs"]) {
    if (i["path"] == kXlsx.generic_string()) {
      found = true;
      EXPECT_EQ(i["sha256"], sha256_hex(slurp(kXlsx)));
    }
  }
  EXPECT_TRUE(found) << manifest["inputs"].dump();
}

TEST_F(WorkbookEndToEnd, AnErrorIsSaidByFileSheetAndCell) {
  TempDir tmp;
  const fs::path book = edited(tmp, "sheet2", R"(<c r="F5"[^>]*>.*?</c>)", R"(<c r="F5" t="n"><v>18</v></c>)");
  expect_refused(book, book.string() + ": Sessions!F5: women : 18 femmes déclarées pour 12 stagiaires\n");
}

TEST_F(WorkbookEndToEnd, AnAmountWithBinaryNoiseIsItsCent) {
  TempDir tmp;
  expect_same_evaluation(
      edited(tmp, "sheet1", R"(<c r="AB2"[^>]*>.*?</c>)", R"(<c r="AB2" t="n"><v>30000.000000001</v></c>)"));
}

TEST_F(WorkbookEndToEnd, AnAmountInFractionsOfACentIsRefused) {
  TempDir tmp;
  const fs::path book = edited(tmp, "sheet1", R"(<c r="AB2"[^>]*>.*?</c>)", R"(<c r="AB2" t="n"><v>30000.004</v></c>)");
  expect_refused(book, book.string() + ": Dossiers!AB2: budget.requested : « 30000,004 » : montant en fractions de "
                                       "centime");
}

TEST_F(WorkbookEndToEnd, AFormulaIsReadByItsCachedValueAndRefusedWithoutOne) {
  TempDir with;
  expect_same_evaluation(
      edited(with, "sheet2", R"(<c r="E2"[^>]*>.*?</c>)", R"(<c r="E2" t="n"><f>10+4</f><v>14</v></c>)"));
  TempDir without;
  const fs::path book = edited(without, "sheet2", R"(<c r="E2"[^>]*>.*?</c>)", R"(<c r="E2"><f>10+4</f></c>)");
  expect_refused(book, book.string() + ": Sessions!E2: trainees : formule enregistrée sans sa valeur");
}

TEST_F(WorkbookEndToEnd, MergedCellsAreRefusedByRange) {
  TempDir tmp;
  const fs::path book =
      edited(tmp, "sheet2", "</sheetData>", R"(</sheetData><mergeCells count="1"><mergeCell ref="B3:C3"/></mergeCells>)");
  expect_refused(book, book.string() + ": Sessions!B3: cellules fusionnées jusqu’à C3 : défusionnez-les");
}

TEST_F(WorkbookEndToEnd, AMissingSheetIsNamedWithTheSheetsFound) {
  TempDir tmp;
  const fs::path book = tmp / "dossiers.xlsx";
  const auto r = run_process({"/usr/bin/python3", kEditPart.string(), kXlsx.string(), book.string(), "xl/workbook.xml",
                              R"(name="Sessions")", R"(name="Séances")"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_refused(book, book.string() + ": aucune feuille nommée « Sessions » (feuilles du classeur : « Dossiers », "
                                       "« Séances »)");
}

TEST_F(WorkbookEndToEnd, ACorruptedZipIsRefusedInFrench) {
  TempDir tmp;
  const std::string bytes = slurp(kXlsx);
  const fs::path book = tmp / "dossiers.xlsx";
  std::ofstream(book, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  expect_refused(book, book.string() + ": n’est pas un classeur .xlsx lisible (archive ZIP endommagée");
}

TEST_F(WorkbookEndToEnd, AZipBombIsRefusedOnItsDeclaredSizeWithBoundedMemory) {
  TempDir tmp;
  const fs::path book = tmp / "dossiers.xlsx";
  // 300 Mo of zeros in the Sessions sheet's part: some 300 Ko once compressed.
  const auto made = run_process(
      {"/usr/bin/python3", "-c",
       "import sys, zipfile\n"
       "src, dst = sys.argv[1:3]\n"
       "with zipfile.ZipFile(src) as i, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as o:\n"
       "    for item in i.infolist():\n"
       "        data = i.read(item.filename)\n"
       "        if item.filename == 'xl/worksheets/sheet2.xml':\n"
       "            data = b' ' * (300 * 1024 * 1024)\n"
       "        o.writestr(item, data)\n",
       kXlsx.string(), book.string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  ASSERT_LT(fs::file_size(book), 2u * 1024 * 1024);
  TempDir out;
  const auto r = run_process({"/usr/bin/time", "-f", "maxrss=%M", AAP_BINARY,
                              "notice", "--date", "2027-03-20", "--quiet", "--out", (out / "out").string(),
                              "--dossiers", book.string()},
                             kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(book.string() + ": classeur trop grand une fois décompressé (plus de 128 Mo)"),
            std::string::npos)
      << r.err;
  const auto at = r.err.rfind("maxrss=");
  ASSERT_NE(at, std::string::npos) << r.err;
  EXPECT_LT(std::stol(r.err.substr(at + 7)), 100 * 1024) << "kilo-octets";
}

TEST_F(WorkbookEndToEnd, AMillionEmptyRowsAreSkippedWithBoundedMemory) {
  // Sheets formatted down to their last row are common: the empty rows are skipped, as in a CSV file.
  TempDir tmp;
  const fs::path book = tmp / "dossiers.xlsx";
  const auto made = run_process(
      {"/usr/bin/python3", "-c",
       "import sys, zipfile\n"
       "src, dst = sys.argv[1:3]\n"
       "with zipfile.ZipFile(src) as i, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as o:\n"
       "    for item in i.infolist():\n"
       "        data = i.read(item.filename)\n"
       "        if item.filename == 'xl/worksheets/sheet2.xml':\n"
       "            rows = ''.join(f'<row r=\"{r}\"><c r=\"A{r}\" t=\"str\"><v></v></c></row>' for r in range(40, 1000001))\n"
       "            data = data.decode().replace('</sheetData>', rows + '</sheetData>').encode()\n"
       "        o.writestr(item, data)\n",
       kXlsx.string(), book.string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  TempDir out;
  const auto r = run_process({"/usr/bin/time", "-f", "maxrss=%M", AAP_BINARY, "notice", "--date", "2027-03-20",
                              "--quiet", "--out", (out / "out").string(), "--dossiers", book.string()},
                             kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(slurp(out / "out/evaluation.json"), json_evaluation());
  const auto at = r.err.rfind("maxrss=");
  ASSERT_NE(at, std::string::npos) << r.err;
  // Some 90 Mo in the normal build; over 600 Mo under AddressSanitizer, whose quarantine keeps what is freed.
  if (test::kResidentMemoryIsTheProgramsOwn) {
    EXPECT_LT(std::stol(r.err.substr(at + 7)), 300 * 1024) << "kilo-octets";
  }
}

TEST_F(WorkbookEndToEnd, ACellOf32767CharactersIsRefusedByItsField) {
  TempDir tmp;
  const fs::path book = tmp / "dossiers.xlsx";
  const auto r = run_process({"/usr/bin/python3", kEditPart.string(), kXlsx.string(), book.string(),
                              "xl/sharedStrings.xml", "<si><t[^>]*>Développeur web et web mobile</t></si>",
                              "<si><t>" + std::string(32767, 'x') + "</t></si>"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_refused(book, book.string() + ": Dossiers!N2: training.title : ");
}

/// The fixture workbook with `extra` more sheets listed in xl/workbook.xml, each one the Sessions sheet's part.
fs::path with_extra_sheets(const TempDir& tmp, int extra) {
  std::string sheets;
  for (int k = 0; k < extra; ++k) {
    sheets += "<sheet name=\"Copie " + std::to_string(k) + "\" sheetId=\"" + std::to_string(k + 3) +
              "\" state=\"visible\" r:id=\"rId3\"/>";
  }
  const fs::path book = tmp / "dossiers.xlsx";
  const auto r = run_process({"/usr/bin/python3", kEditPart.string(), kXlsx.string(), book.string(),
                              "xl/workbook.xml", "</sheets>", sheets + "</sheets>"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return book;
}

TEST_F(WorkbookEndToEnd, ThirtyTwoSheetsAreRead) {
  TempDir tmp;
  expect_same_evaluation(with_extra_sheets(tmp, 30));
}

TEST_F(WorkbookEndToEnd, AWorkbookListingAThousandSheetsIsRefusedWithBoundedMemory) {
  // Found while fuzzing: liborcus sets memory aside for every sheet the workbook lists, cells or not; a
  // 25 Ko file listing 2,000 sheets took 6.8 Go and 18 s before the limit.
  TempDir tmp;
  const fs::path book = with_extra_sheets(tmp, 1000);
  ASSERT_LT(fs::file_size(book), 64u * 1024);
  TempDir out;
  const auto r = run_process({"/usr/bin/time", "-f", "maxrss=%M", AAP_BINARY, "notice", "--date", "2027-03-20",
                              "--quiet", "--out", (out / "out").string(), "--dossiers", book.string()},
                             kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(book.string() + ": classeur de plus de 32 feuilles : supprimez les feuilles inutiles "
                                       "(seules « Dossiers » et « Sessions » sont lues)"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(out / "out"));
  const auto at = r.err.rfind("maxrss=");
  ASSERT_NE(at, std::string::npos) << r.err;
  if (test::kResidentMemoryIsTheProgramsOwn) {
    EXPECT_LT(std::stol(r.err.substr(at + 7)), 300 * 1024) << "kilo-octets";
  }
}

}  // namespace
}  // namespace aap
