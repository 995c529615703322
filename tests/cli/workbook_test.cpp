// `aap workbook`: the blank dossiers workbook read back by openpyxl (headers, notes, lists, formats, frozen
// panes, widths, shared strings), its example row accepted by `aap check`, the workbook filled and saved by
// LibreOffice read back as the JSON dossiers are, and an existing file never replaced.
#include "test_paths.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "input/sheet_columns.hpp"
#include "support/process.hpp"

namespace aap {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kScripts = kRoot / "tests/cli/workbook";

json dump(const fs::path& workbook) {
  const auto r = run_process({AAP_PYTHON, (kScripts / "dump_blank.py").string(), workbook.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

std::vector<std::string> names(std::span<const input::SheetColumn> columns) {
  std::vector<std::string> out;
  for (const auto& c : columns) out.emplace_back(c.name);
  return out;
}

std::string letter(std::size_t k) {
  std::string out;
  for (std::size_t n = k + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

/// The data validation whose range starts at `column`, row 2.
json validation_of(const json& sheet, std::size_t column) {
  const std::string start = letter(column) + "2:";
  for (const json& v : sheet["validations"])
    if (v["sqref"].get<std::string>().rfind(start, 0) == 0) return v;
  return nullptr;
}

// One blank workbook for the suite (its example dated in time for the shipped campaign), read by openpyxl.
class BlankWorkbook : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    const auto r = run_aap({"workbook", "--out", file().string(), "--date", "2027-01-12"}, kRoot);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Classeur vierge écrit : " + file().generic_string()), std::string::npos) << r.out;
    dump_ = new json(dump(file()));
  }
  static void TearDownTestSuite() {
    delete dump_;
    delete dir_;
  }
  static fs::path file() { return dir_->path() / "dossiers-2028.xlsx"; }
  static const json& sheet(const std::string& name) { return (*dump_)["by_sheet"][name]; }

  static TempDir* dir_;
  static json* dump_;
};
TempDir* BlankWorkbook::dir_ = nullptr;
json* BlankWorkbook::dump_ = nullptr;

TEST_F(BlankWorkbook, HeadersAreTheReadersColumnsEachWithItsFrenchNote) {
  EXPECT_EQ((*dump_)["sheets"], json::array({"Dossiers", "Sessions", "Communes"}));
  for (const auto& [name, columns] : {std::pair{"Dossiers", std::span<const input::SheetColumn>(input::kDossierColumns)},
                                      std::pair{"Sessions", std::span<const input::SheetColumn>(input::kSessionColumns)}}) {
    const json& s = sheet(name);
    EXPECT_EQ(s["header"].get<std::vector<std::string>>(), names(columns)) << name;
    ASSERT_EQ(s["notes"].size(), columns.size()) << name;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      ASSERT_TRUE(s["notes"][k].is_string()) << name << " " << columns[k].name << " has no note";
      EXPECT_EQ(s["notes"][k].get<std::string>(), columns[k].note) << name << " " << columns[k].name;
    }
    // The header row stays in view, and the id column beside it.
    EXPECT_EQ(s["freeze_panes"], "B2") << name;
    EXPECT_EQ(s["state"], "visible") << name;
  }
  EXPECT_EQ(sheet("Dossiers")["notes"][0].get<std::string>().rfind("Identifiant du dossier (2028-001)", 0), 0u);
}

TEST_F(BlankWorkbook, ListsOfferYesNoTheCivilityAndEveryCommuneCodeWithItsName) {
  const json& d = sheet("Dossiers");
  std::size_t yes_no = 0;
  for (std::size_t k = 0; k < std::size(input::kDossierColumns); ++k) {
    const input::SheetColumn& c = input::kDossierColumns[k];
    json v = validation_of(d, k);
    if (c.kind == input::ColumnKind::boolean) {
      ASSERT_TRUE(v.is_object()) << c.name;
      EXPECT_EQ(v["type"], "list");
      EXPECT_EQ(v["formula1"], "\"oui,non\"") << c.name;
      EXPECT_EQ(v["error_style"], "stop");
      EXPECT_EQ(v["sqref"], letter(k) + "2:" + letter(k) + "20001");
      ++yes_no;
    } else if (c.name == "association.representative.civility") {
      EXPECT_EQ(v["formula1"], "\"Madame,Monsieur\"");
      EXPECT_EQ(v["error_style"], "warning");  // another civility is printed as written
    } else if (c.name == "training.site.insee_code") {
      EXPECT_EQ(v["type"], "list");
      EXPECT_EQ(v["formula1"], "'Communes'!$A$2:$A$109");
      EXPECT_EQ(v["error_style"], "stop");
    }
  }
  EXPECT_EQ(yes_no, 4u);

  // The list sheet: every commune of the reference table with its name, and Marseille's arrondissements.
  const json& communes = sheet("Communes");
  EXPECT_EQ(communes["header"], json::array({"Code INSEE", "Commune", "Territoire"}));
  EXPECT_TRUE(communes["protected"]);
  ASSERT_EQ(communes["rows"].size(), 108u);  // rows 2 to 109, the list's range
  std::map<std::string, std::string> listed;
  for (const json& row : communes["rows"]) listed[row[0].get<std::string>()] = row[1].get<std::string>();
  std::ifstream csv(kRoot / "data/communes-metropole.csv");
  std::string line;
  std::getline(csv, line);
  int count = 0;
  while (std::getline(csv, line)) {
    if (line.empty()) continue;
    const auto first = line.find(';');
    const auto second = line.find(';', first + 1);
    EXPECT_EQ(listed[line.substr(0, first)], line.substr(first + 1, second - first - 1)) << line;
    ++count;
  }
  EXPECT_EQ(count, 92);
  EXPECT_EQ(listed["13201"], "Marseille 1er arrondissement");
  EXPECT_EQ(listed["13216"], "Marseille 16e arrondissement");
  EXPECT_EQ(listed["13055"], "Marseille");
  EXPECT_EQ(communes["rows"][0][2], "Pays d’Aix") << communes["rows"][0];
}

TEST_F(BlankWorkbook, CountsAmountsAndDatesAreCheckedAsTheyAreTyped) {
  for (const auto& [name, columns] : {std::pair{"Dossiers", std::span<const input::SheetColumn>(input::kDossierColumns)},
                                      std::pair{"Sessions", std::span<const input::SheetColumn>(input::kSessionColumns)}}) {
    for (std::size_t k = 0; k < columns.size(); ++k) {
      json v = validation_of(sheet(name), k);
      switch (columns[k].kind) {
        case input::ColumnKind::count:
          EXPECT_EQ(v["type"], "whole") << columns[k].name;
          EXPECT_EQ(v["operator"], "greaterThanOrEqual");
          break;
        case input::ColumnKind::money: EXPECT_EQ(v["type"], "decimal") << columns[k].name; break;
        case input::ColumnKind::date:
          EXPECT_EQ(v["type"], "date") << columns[k].name;
          EXPECT_EQ(v["formula1"], "36526");  // 2000-01-01
          EXPECT_EQ(v["formula2"], "73050");  // 2099-12-31
          break;
        default: break;
      }
    }
  }
}

TEST_F(BlankWorkbook, TheExampleRowHasItsFormatsAndTheColumnsTheirWidths) {
  for (const auto& [name, columns] : {std::pair{"Dossiers", std::span<const input::SheetColumn>(input::kDossierColumns)},
                                      std::pair{"Sessions", std::span<const input::SheetColumn>(input::kSessionColumns)}}) {
    const json& s = sheet(name);
    ASSERT_EQ(s["rows"].size(), 1u) << name;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const input::SheetColumn& c = columns[k];
      const std::string format = s["formats"][0][k];
      switch (c.kind) {
        case input::ColumnKind::date: EXPECT_EQ(format, "dd/mm/yyyy") << c.name; break;
        case input::ColumnKind::money: EXPECT_EQ(format, "#,##0.00\\ \"€\"") << c.name; break;
        case input::ColumnKind::count: EXPECT_EQ(format, "0") << c.name; break;
        case input::ColumnKind::boolean: EXPECT_EQ(format, "General") << c.name; break;
        default: EXPECT_EQ(format, "@") << c.name; break;  // a SIRET or a postal code stays as typed
      }
      // Wide enough for the header's name.
      const double width = s["widths"][letter(k)];
      EXPECT_GE(width, static_cast<double>(c.name.size())) << name << " " << c.name;
      EXPECT_LE(width, 64.0) << name << " " << c.name;
    }
  }
  const json& example = sheet("Dossiers")["rows"][0];
  EXPECT_EQ(example[0], "EXEMPLE-001");
  EXPECT_EQ(example[1], "2027-01-12");  // --date
  EXPECT_EQ(example[26], 95000);
  EXPECT_EQ(sheet("Sessions")["rows"][0][0], "EXEMPLE-001");
  EXPECT_EQ(sheet("Sessions")["rows"][0][2], "2028-09-01");
}

// Printed across A4 with the header row and the id on every page; the list of communes one page wide.
TEST_F(BlankWorkbook, SheetsPrintWithTheirHeaderOnEveryPage) {
  for (const char* name : {"Dossiers", "Sessions"}) {
    const json& p = sheet(name)["print"];
    EXPECT_EQ(p["orientation"], "landscape") << name;
    EXPECT_EQ(p["title_rows"], "$1:$1") << name;
    EXPECT_EQ(p["title_columns"], "$A:$A") << name;
    EXPECT_EQ(p["footer"], json::array({"&A", "Page &P / &N"})) << name;
  }
  const json& p = sheet("Communes")["print"];
  EXPECT_EQ(p["title_rows"], "$1:$1");
  EXPECT_TRUE(p["fit_to_page"]);
  EXPECT_EQ(p["footer"], json::array({"&A", "Page &P / &N"}));
}

TEST_F(BlankWorkbook, TextsAreSharedStringsAsSpreadsheetsWriteThem) {
  EXPECT_TRUE((*dump_)["shared_strings"]);
  EXPECT_FALSE((*dump_)["inline_strings"]);
}

TEST_F(BlankWorkbook, CheckAcceptsTheExampleRow) {
  const auto r = run_aap({"check", "--dossiers", file().string()}, kRoot);
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("1 dossier lu, 1 valide, 1 éligible"), std::string::npos) << r.out;
  EXPECT_EQ(r.err.find(file().string() + ":"), std::string::npos) << r.err;
}

// Filled in (openpyxl) and saved by LibreOffice as .ods, then that .ods saved as .xlsx: each file gives the
// evaluation of the same dossiers read from JSON, byte for byte.
TEST_F(BlankWorkbook, FilledAndSavedByLibreOfficeItIsReadBackAsTheJsonDossiers) {
  TempDir work;
  const std::vector<std::string> ids = {"2027-001", "2027-008", "2027-014"};  // two sessions; no GEN label
  std::vector<std::string> args = {AAP_PYTHON, (kScripts / "fill_and_convert.py").string(), file().string(),
                                   work.path().string()};
  std::vector<std::string> json_run = {"notice", "--date", "2027-03-20", "--quiet", "--out",
                                       (work / "from-json").string()};
  for (const std::string& id : ids) {
    args.push_back((kRoot / "fixtures/dossiers" / (id + ".json")).string());
    json_run.insert(json_run.end(), {"--dossiers", (kRoot / "fixtures/dossiers" / (id + ".json")).string()});
  }
  const auto converted = run_process(args);
  ASSERT_EQ(converted.exit_code, 0) << converted.err << converted.out;
  const json files = json::parse(converted.out);
  const auto from_json = run_aap(json_run, kRoot);
  ASSERT_EQ(from_json.exit_code, 0) << from_json.err;
  const std::string expected = slurp(work / "from-json/evaluation.json");
  ASSERT_NE(expected.find("2027-014"), std::string::npos);

  for (const std::string kind : {"ods", "xlsx"}) {
    const std::string saved = files[kind];
    const auto check = run_aap({"check", "--dossiers", saved}, kRoot);
    EXPECT_EQ(check.exit_code, 0) << kind << "\n" << check.err;
    EXPECT_NE(check.out.find("3 dossiers lus, 3 valides"), std::string::npos) << check.out;
    const fs::path out = work / ("from-" + kind);
    const auto r = run_aap({"notice", "--date", "2027-03-20", "--quiet", "--out", out.string(), "--dossiers", saved},
                           kRoot);
    ASSERT_EQ(r.exit_code, 0) << kind << "\n" << r.err;
    EXPECT_EQ(slurp(out / "evaluation.json"), expected) << kind;
  }
}

TEST(WorkbookCommand, AnExistingFileIsNeverReplacedNorALinkFollowed) {
  TempDir tmp;
  const fs::path existing = tmp / "dossiers.xlsx";
  std::ofstream(existing) << "le classeur d’un instructeur";
  auto r = run_aap({"workbook", "--out", existing.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "aap : « " + existing.generic_string() +
                       " » existe déjà : aap workbook n’écrit jamais sur un fichier existant. Choisissez un autre "
                       "nom ou déplacez ce fichier. Rien n’a été écrit.\n");
  EXPECT_EQ(slurp(existing), "le classeur d’un instructeur");

  // A dangling link is not followed: its target is never created.
  const fs::path link = tmp / "lien.xlsx";
  fs::create_symlink(tmp / "cible.xlsx", link);
  r = run_aap({"workbook", "--out", link.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_FALSE(fs::exists(tmp / "cible.xlsx"));
  // A folder of that name.
  fs::create_directory(tmp / "dossier.xlsx");
  EXPECT_EQ(run_aap({"workbook", "--out", (tmp / "dossier.xlsx").string()}, kRoot).exit_code, 2);

  // Nothing left beside them, no temporary folder.
  std::set<std::string> entries;
  for (const auto& e : fs::directory_iterator(tmp.path())) entries.insert(e.path().filename().string());
  EXPECT_EQ(entries, (std::set<std::string>{"dossiers.xlsx", "lien.xlsx", "dossier.xlsx"}));
}

TEST(WorkbookCommand, WritesOnlyXlsxAndSaysHowToGetOds) {
  TempDir tmp;
  auto r = run_aap({"workbook", "--out", (tmp / "dossiers.ods").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("aap n’écrit le classeur qu’au format .xlsx"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("LibreOffice Calc et choisissez Fichier > Enregistrer sous > Classeur ODF (.ods)"),
            std::string::npos)
      << r.err;
  r = run_aap({"workbook", "--out", (tmp / "dossiers.csv").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("avec workbook, --out nomme un fichier .xlsx"), std::string::npos) << r.err;
  r = run_aap({"workbook"}, kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("workbook attend --out FICHIER.xlsx"), std::string::npos) << r.err;
  r = run_aap({"workbook", "--out", (tmp / "absent/dossiers.xlsx").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("absent » de --out n’existe pas"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_empty(tmp.path()));
}

TEST(WorkbookCommand, AnUnreadableCommuneTableWritesNothing) {
  TempDir tmp;
  const fs::path communes = tmp / "communes.csv";
  std::ofstream(communes) << "insee_code;name;territory\n13001;Aix-en-Provence;provence\n";
  const auto r = run_aap({"workbook", "--out", (tmp / "dossiers.xlsx").string(), "--communes", communes.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(communes.string() + ":2: territory : « provence » n’est pas un territoire connu"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("aap : référentiel des communes invalide, rien n’a été écrit.\n"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "dossiers.xlsx"));
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()), 1);
}

TEST(WorkbookCommand, HelpNamesIt) {
  const auto r = run_aap({"--help"}, kRoot);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("  workbook       écrit le classeur vierge des dossiers à remplir (--out FICHIER.xlsx)"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace aap
