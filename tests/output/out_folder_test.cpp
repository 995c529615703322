// The output-folder rule: which folders a run may replace, and why the others are refused.
#include "output/out_folder.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "input/sha256.hpp"
#include "render/json/manifest.hpp"
#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::TempDir;

constexpr const char* kOnlyItsOwn =
    " ; aap ne remplace que ses propres sorties, telles qu’il les a écrites : déplacez ce qui doit être gardé ou "
    "choisissez un autre dossier";

// A folder as a run leaves it: two outputs and the manifest that lists them.
void write_aap_folder(const fs::path& out) {
  fs::create_directories(out / "courriers");
  std::ofstream(out / "evaluation.json") << "{}";
  std::ofstream(out / "courriers/2027-001.pdf") << "abc";
  Manifest m;
  m.version = "1";
  m.date = *Date::parse_iso("2027-03-20");
  m.campaign_id = "AAP";
  m.outputs = {{"evaluation.json", sha256_hex("{}")}, {"courriers/2027-001.pdf", sha256_hex("abc")}};
  std::ofstream(out / "manifest.json") << manifest_json(m);
}

std::string refusal(const fs::path& out, const std::string& what) {
  return "--out « " + out.string() + " » contient « " + what;
}

TEST(OutFolder, AnAbsentOrEmptyFolderMayBeReplaced) {
  TempDir tmp;
  EXPECT_EQ(out_replacement_problem(tmp / "absent"), "");
  EXPECT_EQ(out_replacement_problem(tmp / "absent/deeper/"), "");
  EXPECT_EQ(out_replacement_problem(tmp.path()), "");
  std::ofstream(tmp / ".gitkeep").close();
  EXPECT_EQ(out_replacement_problem(tmp.path()), "");
}

TEST(OutFolder, AnOutputFolderOfAapMayBeReplaced) {
  TempDir tmp;
  write_aap_folder(tmp / "out");
  EXPECT_EQ(out_replacement_problem(tmp / "out"), "");
  EXPECT_EQ(out_replacement_problem(tmp / "out/"), "");
  fs::remove(tmp / "out/courriers/2027-001.pdf");  // a listed file deleted by hand: nothing to lose
  EXPECT_EQ(out_replacement_problem(tmp / "out"), "");
}

TEST(OutFolder, AFolderWithoutManifestHoldingAnythingIsRefusedNamingWhatItHolds) {
  TempDir tmp;
  fs::create_directories(tmp / "Documents/photos");
  std::ofstream(tmp / "Documents/.bashrc") << "x";
  std::ofstream(tmp / "Documents/notes.txt") << "x";
  EXPECT_EQ(out_replacement_problem(tmp / "Documents"),
            "--out « " + (tmp / "Documents").string() +
                " » n’est ni vide ni un dossier de sorties d’aap (il n’a pas de manifest.json) : il contient « .bashrc » "
                "(et 2 autres éléments)" + kOnlyItsOwn);
}

TEST(OutFolder, AFileTheManifestDoesNotListIsRefusedHiddenOrNot) {
  TempDir tmp;
  write_aap_folder(tmp / "out");
  std::ofstream(tmp / "out/courriers/notes.txt") << "mes notes";
  EXPECT_EQ(out_replacement_problem(tmp / "out"),
            refusal(tmp / "out", "courriers/notes.txt") + " », que son manifest.json ne liste pas" + kOnlyItsOwn);
  std::ofstream(tmp / "out/.cache") << "x";
  EXPECT_EQ(out_replacement_problem(tmp / "out"), refusal(tmp / "out", ".cache") +
                                                      " », que son manifest.json ne liste pas (et 1 autre élément)" +
                                                      kOnlyItsOwn);
}

TEST(OutFolder, AnOutputEditedByHandIsRefused) {
  TempDir tmp;
  write_aap_folder(tmp / "out");
  std::ofstream(tmp / "out/evaluation.json") << "{\"edited\": true}";
  EXPECT_EQ(out_replacement_problem(tmp / "out"),
            refusal(tmp / "out", "evaluation.json") + " », modifié depuis qu’aap l’a écrit" + kOnlyItsOwn);
  // The last look before the swap compares names and types only.
  EXPECT_EQ(out_replacement_problem(tmp / "out", false), "");
}

TEST(OutFolder, FoldersLinksAndFifosAreNeverOutputs) {
  TempDir tmp;
  write_aap_folder(tmp / "out");
  fs::create_directories(tmp / "out/archives");
  EXPECT_EQ(out_replacement_problem(tmp / "out"),
            refusal(tmp / "out", "archives") + " », un dossier que son manifest.json ne liste pas" + kOnlyItsOwn);
  fs::remove(tmp / "out/archives");
  fs::remove(tmp / "out/courriers/2027-001.pdf");
  fs::create_symlink("/etc/passwd", tmp / "out/courriers/2027-001.pdf");
  EXPECT_EQ(out_replacement_problem(tmp / "out"),
            refusal(tmp / "out", "courriers/2027-001.pdf") + " », un lien symbolique, qu’aap n’écrit jamais" +
                kOnlyItsOwn);
  fs::remove(tmp / "out/courriers/2027-001.pdf");
  ASSERT_EQ(mkfifo((tmp / "out/courriers/2027-001.pdf").c_str(), 0600), 0);
  EXPECT_EQ(out_replacement_problem(tmp / "out"),
            refusal(tmp / "out", "courriers/2027-001.pdf") +
                " », un fichier spécial (FIFO, socket ou périphérique), qu’aap n’écrit jamais" + kOnlyItsOwn);
}

TEST(OutFolder, AnUnreadableManifestIsRefused) {
  TempDir tmp;
  write_aap_folder(tmp / "out");
  std::ofstream(tmp / "out/manifest.json") << "{";
  const std::string problem = out_replacement_problem(tmp / "out");
  EXPECT_EQ(problem.rfind("--out « " + (tmp / "out").string() + " » contient un manifest.json illisible (", 0), 0u)
      << problem;
}

TEST(OutFolder, TheRootTheCurrentFolderAndTheHomeFolderAreRefusedHoweverSpelled) {
  EXPECT_EQ(out_replacement_problem("/"), "--out « / » est la racine du système de fichiers");
  EXPECT_EQ(out_replacement_problem("/tmp/.."), "--out « /tmp/.. » est la racine du système de fichiers");
  EXPECT_EQ(out_replacement_problem("."), "--out « . » est le dossier courant");
  EXPECT_EQ(out_replacement_problem("./"), "--out « ./ » est le dossier courant");
  const fs::path cwd = fs::current_path();
  EXPECT_EQ(out_replacement_problem(".."), "--out « .. » contient le dossier courant « " + cwd.string() +
                                               " » : le remplacer l’effacerait");
  TempDir tmp;
  fs::create_directories(tmp / "home/claire");
  const char* saved = std::getenv("HOME");
  const std::optional<std::string> home = saved ? std::optional<std::string>(saved) : std::nullopt;
  setenv("HOME", (tmp / "home/claire").c_str(), 1);
  const std::string at_home = out_replacement_problem(tmp / "home/claire/");
  const std::string above_home = out_replacement_problem(tmp / "home");
  if (home) setenv("HOME", home->c_str(), 1); else unsetenv("HOME");
  EXPECT_EQ(at_home, "--out « " + (tmp / "home/claire/").string() + " » est votre dossier personnel");
  EXPECT_EQ(above_home, "--out « " + (tmp / "home").string() + " » contient votre dossier personnel « " +
                            (tmp / "home/claire").string() + " » : le remplacer l’effacerait");
}

TEST(OutFolder, AMountPointIsRefused) {
  ASSERT_TRUE(fs::is_directory("/proc"));
  EXPECT_EQ(out_replacement_problem("/proc"),
            "--out « /proc » est un point de montage, qui ne peut pas être remplacé : indiquez un dossier à l’intérieur");
}

TEST(OutFolder, APathEndingInDotIsRefusedNamingTheFolderItself) {
  TempDir tmp;
  EXPECT_EQ(out_replacement_problem(tmp / "out/."),
            "--out « " + (tmp / "out/.").string() + " » se termine par « . » : nommez le dossier des sorties lui-même (« " +
                (tmp / "out").string() + " »)");
  fs::create_directories(tmp / "a/b");
  EXPECT_EQ(out_replacement_problem(tmp / "a/b/.."),
            "--out « " + (tmp / "a/b/..").string() + " » se termine par « .. » : nommez le dossier des sorties lui-même (« " +
                (tmp / "a").string() + " »)");
}

TEST(OutFolder, ALinkOrAFileIsRefused) {
  TempDir tmp;
  write_aap_folder(tmp / "out");
  fs::create_directory_symlink(tmp / "out", tmp / "lien");
  EXPECT_EQ(out_replacement_problem(tmp / "lien"),
            "--out « " + (tmp / "lien").string() + " » est un lien symbolique : aap remplacerait le lien ; indiquez le "
            "dossier lui-même (« " + (tmp / "out").string() + " »)");
  std::ofstream(tmp / "fichier") << "x";
  EXPECT_EQ(out_replacement_problem(tmp / "fichier"), "--out « " + (tmp / "fichier").string() + " » n’est pas un dossier");
}

}  // namespace
}  // namespace aap
