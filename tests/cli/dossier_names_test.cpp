// End to end: dossier ids that would make two outputs one file are refused, and what a --dossiers folder
// holds but is not read is said.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

// The fixtures' dossiers copied, the dossier of `file` given the id `id`.
fs::path dossiers_with_id(const TempDir& tmp, const std::string& file, const std::string& id) {
  const fs::path dir = tmp / "dossiers";
  fs::copy(kRoot / "fixtures/dossiers", dir);
  std::string text = slurp(dir / file);
  const std::string old_id = "\"id\": \"" + fs::path(file).stem().string() + "\"";
  text.replace(text.find(old_id), old_id.size(), "\"id\": \"" + id + "\"");
  std::ofstream(dir / file, std::ios::trunc) << text;
  return dir;
}

TEST(DossierNames, AnIdThatIsThePrintBatchsNameIsRefused) {
  TempDir tmp;
  const fs::path dir = dossiers_with_id(tmp, "2027-003.json", "courriers-a-imprimer");
  const auto r = run_aap({"run", "--quiet", "--dossiers", dir.string(), "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir.string() + "/2027-003.json:2: id : « courriers-a-imprimer » ne peut pas être un "
                       "identifiant de dossier : c’est le nom du lot d’impression courriers/courriers-a-imprimer.pdf, "
                       "que sa lettre écraserait\n"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST(DossierNames, IdsThatDifferOnlyInCaseAreRefused) {
  TempDir tmp;
  const fs::path dir = dossiers_with_id(tmp, "2027-003.json", "2027-ABC");
  std::string text = slurp(dir / "2027-004.json");
  text.replace(text.find("\"id\": \"2027-004\""), 16, "\"id\": \"2027-abc\"");
  std::ofstream(dir / "2027-004.json", std::ios::trunc) << text;
  const auto r = run_aap({"check", "--quiet", "--dossiers", dir.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(dir.string() + "/2027-004.json:2: id : « 2027-abc » ne diffère que par la casse de "
                       "« 2027-ABC », l’identifiant du dossier de " + dir.string() +
                       "/2027-003.json : leurs courriers porteraient le même nom sur un partage Windows\n"),
            std::string::npos)
      << r.err;
}

// The stem of every file the run writes beside the letters is refused as an id: no letter can become it.
TEST(DossierNames, EveryOtherFileBesideTheLettersHasAReservedName) {
  TempDir tmp;
  ASSERT_EQ(run_aap({"run", "--quiet", "--out", (tmp / "out").string()}, kRoot).exit_code, 0);
  for (const auto& entry : fs::directory_iterator(tmp / "out/courriers")) {
    const std::string stem = entry.path().stem().string();
    if (fs::exists(kRoot / "fixtures/dossiers" / (stem + ".json"))) continue;  // a letter
    TempDir other;
    const fs::path dir = dossiers_with_id(other, "2027-003.json", stem);
    const auto r = run_aap({"check", "--quiet", "--dossiers", dir.string()}, kRoot);
    EXPECT_EQ(r.exit_code, 1) << stem;
    EXPECT_NE(r.err.find("« " + stem + " » ne peut pas être un identifiant de dossier"), std::string::npos) << r.err;
  }
}

TEST(DossierNames, ASubfolderAndAnUpperCaseJsonFileAreSaidNotSkippedSilently) {
  TempDir tmp;
  const fs::path dir = tmp / "dossiers";
  fs::copy(kRoot / "fixtures/dossiers", dir);
  fs::create_directories(dir / "retardataires");
  fs::copy_file(dir / "2027-020.json", dir / "retardataires/2027-020.json");
  fs::rename(dir / "2027-020.json", dir / "2027-020.JSON");
  const auto r = run_aap({"check", "--quiet", "--dossiers", dir.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "aap : attention : " + (dir / "retardataires").string() + " : sous-dossier non lu (seuls les "
                   "fichiers *.json de " + dir.string() + " sont lus, pas ceux de ses sous-dossiers).\n"
                   "aap : attention : " + (dir / "2027-020.JSON").string() + " : fichier non lu (seuls les noms en "
                   "« .json », en minuscules, sont lus : renommez-le).\n");
  EXPECT_NE(r.out.find("19 dossiers lus"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace aap
