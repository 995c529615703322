// `aap verify`: a fresh output is identical; a letter edited by hand, a dossier changed afterwards are not.
#include "test_paths.hpp"
#include "cli/verify.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/process.hpp"

namespace aap::cli {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::slurp;
using test::snapshot;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

// A run on a copy of the fixtures' dossiers, so that a test may change one.
struct VerifiedRun {
  TempDir tmp;
  fs::path dossiers = tmp / "dossiers";
  fs::path out = tmp / "out";

  VerifiedRun() {
    fs::copy(kRoot / "fixtures/dossiers", dossiers, fs::copy_options::recursive);
    const auto r = run_aap({"run", "--dossiers", dossiers.string(), "--out", out.string(), "--quiet"}, kRoot);
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  test::ProcessResult verify() const { return run_aap({"verify", "--out", out.string()}, kRoot); }
};

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

TEST(VerifyCommand, AFreshOutputIsIdenticalAndLeftUntouched) {
  const VerifiedRun run;
  const auto before = snapshot(run.out);
  const auto r = run.verify();
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  identique  annexes.xlsx")) << r.out;
  EXPECT_TRUE(has_line(r.out, "  identique  courriers/2027-001.pdf")) << r.out;
  EXPECT_TRUE(has_line(r.out, "  identique  manifest.json")) << r.out;
  EXPECT_TRUE(has_line(r.out, "  entrées, modèles et référentiel inchangés (22 entrées, " +
                                  std::to_string(nlohmann::json::parse(slurp(run.out / "manifest.json"))["templates"].size()) +
                                  " modèles)"))
      << r.out;
  const std::size_t files = before.size();
  EXPECT_NE(r.out.find("Résultat : " + std::to_string(files) + " identiques, 0 modifié, 0 absent — les sorties "
                       "proviennent bien des entrées du manifeste.\n"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(snapshot(run.out), before);
}

TEST(VerifyCommand, ALetterEditedByHandIsChanged) {
  const VerifiedRun run;
  std::ofstream(run.out / "courriers/2027-001.pdf", std::ios::app) << "% édité à la main\n";
  const auto r = run.verify();
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  modifié    courriers/2027-001.pdf")) << r.out;
  EXPECT_TRUE(has_line(r.out, "  identique  courriers/2027-002.pdf")) << r.out;
  EXPECT_NE(r.out.find(" identiques, 1 modifié, 0 absent — les sorties ne correspondent pas au manifeste.\n"),
            std::string::npos)
      << r.out;
}

TEST(VerifyCommand, ADeletedLetterIsMissing) {
  const VerifiedRun run;
  fs::remove(run.out / "courriers/2027-002.pdf");
  const auto r = run.verify();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has_line(r.out, "  absent     courriers/2027-002.pdf")) << r.out;
}

TEST(VerifyCommand, AnAddedHiddenFileIsListed) {
  const VerifiedRun run;
  std::ofstream(run.out / ".cache") << "x";
  std::ofstream(run.out / "courriers/.brouillon.pdf") << "x";
  const auto r = run.verify();
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  non régénéré  .cache")) << r.out;
  EXPECT_TRUE(has_line(r.out, "  non régénéré  courriers/.brouillon.pdf")) << r.out;
  EXPECT_NE(r.out.find(", 2 non régénérés — les sorties ne correspondent pas au manifeste.\n"), std::string::npos) << r.out;
}

TEST(VerifyCommand, ALinkIsListedNeverFollowed) {
  const VerifiedRun run;
  fs::remove(run.out / "evaluation.json");
  fs::copy_file(run.out / "manifest.json", run.tmp / "copie.json", fs::copy_options::overwrite_existing);
  fs::create_symlink(run.tmp / "copie.json", run.out / "evaluation.json");
  fs::create_symlink("/etc/passwd", run.out / "lien");
  const auto r = run.verify();
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  modifié       evaluation.json (lien symbolique, qu’aap n’écrit jamais)")) << r.out;
  EXPECT_TRUE(has_line(r.out, "  non régénéré  lien (lien symbolique, qu’aap n’écrit jamais)")) << r.out;
}

TEST(VerifyCommand, ADossierChangedAfterTheRunIsReportedByPath) {
  const VerifiedRun run;
  const fs::path dossier = run.dossiers / "2027-001.json";
  std::string text = slurp(dossier);
  const std::string from = "\"requested\": 30000";
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, from.size(), "\"requested\": 20000");  // another request, another cap
  std::ofstream(dossier, std::ios::trunc) << text;
  const auto r = run.verify();
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  entrée modifiée : " + dossier.generic_string())) << r.out;
  EXPECT_NE(r.out.find("entrée différente — les sorties ne correspondent pas au manifeste."), std::string::npos)
      << r.out;
}

TEST(VerifyCommand, ADossierAddedToTheFolderIsReported) {
  const VerifiedRun run;
  fs::copy_file(kRoot / "tests/data/valid-bom/2027-970.json", run.dossiers / "2027-970.json");
  const auto r = run.verify();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has_line(r.out, "  entrée ajoutée : " + (run.dossiers / "2027-970.json").generic_string())) << r.out;
  EXPECT_TRUE(has_line(r.out, "  absent     courriers/2027-970.pdf")) << r.out;
}

TEST(VerifyCommand, AfterAOneFamilyCommandEveryOtherFileIsStillCompared) {
  const VerifiedRun run;
  ASSERT_EQ(run_aap({"letters", "--dossiers", run.dossiers.string(), "--out", run.out.string(), "--quiet"}, kRoot)
                .exit_code,
            0);
  const auto r = run.verify();
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_TRUE(has_line(r.out, "  manifest.json, écrit par aap letters, n’est pas comparé ; tous les autres fichiers "
                              "le sont"))
      << r.out;
  EXPECT_TRUE(has_line(r.out, "  identique  annexes.xlsx")) << r.out;
}

TEST(VerifyCommand, ReplaysCsvDossiersWithTheirSessionsFile) {
  TempDir tmp;
  fs::copy(kRoot / "fixtures/csv", tmp / "csv", fs::copy_options::recursive);
  fs::rename(tmp / "csv/sessions.csv", tmp / "csv/sessions-2027.csv");
  const auto run = run_aap({"run", "--dossiers", (tmp / "csv/dossiers.csv").string(), "--sessions",
                            (tmp / "csv/sessions-2027.csv").string(), "--out", (tmp / "out").string(), "--quiet"},
                           kRoot);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(nlohmann::json::parse(slurp(tmp / "out/manifest.json"))["command_line"]["sessions"],
            (tmp / "csv/sessions-2027.csv").generic_string());
  const auto r = run_aap({"verify", "--out", (tmp / "out").string(), "--quiet"}, kRoot);
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

// The manifest keeps relative paths as given: started from another folder, verify says where to go
// instead of listing every input as missing.
TEST(VerifyCommand, StartedFromAnotherFolderItSaysToVerifyFromTheRunsFolder) {
  const VerifiedRun run;
  const auto r = run_aap({"verify", "--out", run.out.string()}, run.tmp.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "aap : aucun des 24 chemins relatifs du manifeste (« data/communes-metropole.csv »…) n’existe "
                   "depuis le dossier courant " + run.tmp.path().generic_string() +
                   " : ils partent du dossier d’où « aap run » a été lancé ; lancez « aap verify » depuis ce "
                   "dossier.\n");
  EXPECT_EQ(r.out.find("absent"), std::string::npos) << r.out;
}

TEST(VerifyCommand, WithoutAManifestThereIsNothingToVerify) {
  TempDir tmp;
  const auto r = run_aap({"verify", "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "aap : " + (tmp / "out/manifest.json").generic_string() + " introuvable : rien à vérifier.\n");
}

// nlohmann's exceptions are English ("[json.exception.parse_error.101] …"): a bad manifest is said in French.
TEST(VerifyCommand, ABrokenManifestIsRefusedInFrenchNamingTheFieldOrTheLine) {
  TempDir tmp;
  fs::create_directories(tmp / "out");
  const std::string file = (tmp / "out/manifest.json").generic_string();
  const std::pair<std::string, std::string> cases[] = {
      {"{\n  \"version\": \"1\",\n", "ligne 3 : JSON mal formé (colonne 1) : fin du texte inattendue (texte tronqué ?), "
                                     "un nom de champ entre guillemets était attendu"},
      {"{\"version\": 1}", "champ « version » : texte attendu"},
      {"{\"version\": \"1\"}", "champ « date » absent"},
      {"{\"version\": \"1\", \"date\": \"2027-03-20\", \"campaign\": \"A\", \"inputs\": [{\"path\": \"a.json\"}]}",
       "champ « inputs[0].sha256 » absent"},
      {"[]", "un objet JSON est attendu"},
  };
  for (const auto& [text, why] : cases) {
    std::ofstream(tmp / "out/manifest.json", std::ios::trunc) << text;
    const auto r = run_aap({"verify", "--out", (tmp / "out").string()}, kRoot);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.err, "aap : " + file + " : manifeste illisible : " + why + "\n");
  }
}

TEST(CompareFolders, SortsAndClassifiesEveryFile) {
  TempDir tmp;
  fs::create_directories(tmp / "a/sub");
  fs::create_directories(tmp / "b/sub");
  std::ofstream(tmp / "a/same") << "x";
  std::ofstream(tmp / "b/same") << "x";
  std::ofstream(tmp / "a/sub/edited") << "x";
  std::ofstream(tmp / "b/sub/edited") << "y";
  std::ofstream(tmp / "b/gone") << "z";
  std::ofstream(tmp / "a/extra") << "z";
  std::ofstream(tmp / "a/.gitkeep").close();
  std::ofstream(tmp / "a/.cache") << "z";
  const auto checks = compare_folders(tmp / "a", tmp / "b");
  ASSERT_EQ(checks.size(), 5u);
  EXPECT_EQ(checks[0].path, ".cache");  // hidden, added: listed; .gitkeep is the repository's placeholder
  EXPECT_EQ(checks[0].state, FileState::not_regenerated);
  EXPECT_EQ(checks[1].path, "extra");
  EXPECT_EQ(checks[1].state, FileState::not_regenerated);
  EXPECT_EQ(checks[2].path, "gone");
  EXPECT_EQ(checks[2].state, FileState::missing);
  EXPECT_EQ(checks[3].path, "same");
  EXPECT_EQ(checks[3].state, FileState::identical);
  EXPECT_EQ(checks[4].path, "sub/edited");
  EXPECT_EQ(checks[4].state, FileState::changed);
}

}  // namespace
}  // namespace aap::cli
