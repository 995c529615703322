// End to end: --out never empties a folder aap did not write, and one-family commands carry over the
// other outputs without following a link.
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
using test::snapshot;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

constexpr const char* kOnlyItsOwn =
    " ; aap ne remplace que ses propres sorties, telles qu’il les a écrites : déplacez ce qui doit être gardé ou "
    "choisissez un autre dossier. Rien n’a été écrit.\n";

std::vector<std::string> with_out(const std::string& command, const fs::path& out) {
  return {command, "--out", out.string(), "--quiet"};
}

// What a user keeps in a shared folder: files, a subfolder, a dotfile.
void fill_like_a_user(const fs::path& folder) {
  fs::create_directories(folder / "photos");
  std::ofstream(folder / "photos/ete.jpg") << "jpeg";
  std::ofstream(folder / "budget.ods") << "ods";
  std::ofstream(folder / ".profile") << "export A=1";
}

TEST(OutFolderRule, RunRefusesAFolderAapDidNotWriteAndLosesNothing) {
  TempDir tmp;
  fill_like_a_user(tmp / "Documents");
  const auto before = snapshot(tmp / "Documents");
  const auto r = run_aap(with_out("run", tmp / "Documents"), kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "aap : --out « " + (tmp / "Documents").string() +
                       " » n’est ni vide ni un dossier de sorties d’aap (il n’a pas de manifest.json) : il contient "
                       "« .profile » (et 2 autres éléments)" + kOnlyItsOwn);
  EXPECT_EQ(snapshot(tmp / "Documents"), before);
  EXPECT_TRUE(fs::exists(tmp / "Documents/.profile"));
}

TEST(OutFolderRule, EveryOneFamilyCommandRefusesItToo) {
  TempDir tmp;
  fill_like_a_user(tmp / "Documents");
  const auto before = snapshot(tmp / "Documents");
  for (const char* command : {"notice", "letters", "annexes", "deliberation"}) {
    const auto r = run_aap(with_out(command, tmp / "Documents"), kRoot);
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("n’est ni vide ni un dossier de sorties d’aap"), std::string::npos) << command << r.err;
  }
  EXPECT_EQ(snapshot(tmp / "Documents"), before);
}

TEST(OutFolderRule, AFileAddedToAnOutputFolderIsKeptAndTheRunRefused) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  std::ofstream(tmp / "out/courriers/a-relire.txt") << "notes de l’instructeur";
  for (const char* command : {"run", "letters", "annexes"}) {
    const auto r = run_aap(with_out(command, tmp / "out"), kRoot);
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_EQ(r.err, "aap : --out « " + (tmp / "out").string() +
                         " » contient « courriers/a-relire.txt », que son manifest.json ne liste pas" + kOnlyItsOwn)
        << command;
  }
  EXPECT_EQ(slurp(tmp / "out/courriers/a-relire.txt"), "notes de l’instructeur");
}

TEST(OutFolderRule, ADeliberationEditedInPlaceIsNotLost) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  std::ofstream(tmp / "out/deliberation.odt", std::ios::binary) << "édité dans LibreOffice";
  const auto r = run_aap(with_out("deliberation", tmp / "out"), kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "aap : --out « " + (tmp / "out").string() +
                       " » contient « deliberation.odt », modifié depuis qu’aap l’a écrit" + kOnlyItsOwn);
  EXPECT_EQ(slurp(tmp / "out/deliberation.odt"), "édité dans LibreOffice");
}

TEST(OutFolderRule, AnOutputFolderOfAapIsReplacedWholeKeepingItsGitkeep) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  std::ofstream(tmp / "out/.gitkeep") << "# gardé par git";
  ASSERT_TRUE(fs::exists(tmp / "out/courriers/2027-002.pdf"));
  const auto r = run_aap({"run", "--out", (tmp / "out/").string(), "--quiet", "--dossiers",
                          (kRoot / "fixtures/dossiers/2027-001.json").string()},
                         kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out/courriers/2027-002.pdf"));  // listed by the previous manifest
  EXPECT_TRUE(fs::exists(tmp / "out/courriers/2027-001.pdf"));
  EXPECT_EQ(slurp(tmp / "out/.gitkeep"), "# gardé par git");  // kept as it was, not emptied
}

TEST(OutFolderRule, SpellingsOfTheCurrentFolderAndOfAMountPointAreRefusedBeforeAnyWork) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  const auto before = snapshot(tmp.path());
  auto r = run_aap(with_out("run", tmp / "out/."), kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "aap : --out « " + (tmp / "out/.").string() +
                       " » se termine par « . » : nommez le dossier des sorties lui-même (« " + (tmp / "out").string() +
                       " »). Rien n’a été écrit.\n");
  r = run_aap(with_out("letters", "."), tmp / "out");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "aap : --out « . » est le dossier courant. Rien n’a été écrit.\n");
  r = run_aap(with_out("run", "/proc/"), kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "aap : --out « /proc/ » est un point de montage, qui ne peut pas être remplacé : indiquez un "
                   "dossier à l’intérieur. Rien n’a été écrit.\n");
  EXPECT_EQ(snapshot(tmp.path()), before);
}

TEST(OutFolderRule, OneFamilyCommandsCarryOverTheOtherOutputsByteForByte) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  const auto before = snapshot(tmp / "out");
  ASSERT_EQ(run_aap(with_out("notice", tmp / "out"), kRoot).exit_code, 0);
  auto after = snapshot(tmp / "out");
  ASSERT_EQ(after.size(), before.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].first, before[i].first);
    if (after[i].first != "manifest.json") {
      EXPECT_TRUE(after[i].second == before[i].second) << after[i].first;
    }
  }
  // The folder it leaves is still an output folder of aap: another one-family command accepts it.
  EXPECT_EQ(run_aap(with_out("letters", tmp / "out"), kRoot).exit_code, 0);
}

// A link planted in the output folder is never followed out of it, nor carried over.
TEST(OutFolderRule, ALinkInsideTheOutputFolderIsNeverFollowed) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  fs::create_directories(tmp / "ailleurs");
  std::ofstream(tmp / "ailleurs/secret.txt") << "secret";
  fs::create_symlink(tmp / "ailleurs/secret.txt", tmp / "out/lien.txt");
  fs::create_directory_symlink(tmp / "ailleurs", tmp / "out/courriers/lien-dossier");
  const auto outside = snapshot(tmp / "ailleurs");
  const auto r = run_aap(with_out("annexes", tmp / "out"), kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "aap : --out « " + (tmp / "out").string() +
                       " » contient « courriers/lien-dossier », un lien symbolique, qu’aap n’écrit jamais (et 1 autre "
                       "élément)" + kOnlyItsOwn);
  EXPECT_EQ(snapshot(tmp / "ailleurs"), outside);
  EXPECT_TRUE(fs::is_symlink(tmp / "out/lien.txt"));
}

}  // namespace
}  // namespace aap
