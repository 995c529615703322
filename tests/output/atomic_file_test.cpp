// One file written whole or not at all, and never over a file it must not replace.
#include "output/atomic_file.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "support/process.hpp"

namespace aap::output {
namespace {

namespace fs = std::filesystem;
using test::slurp;
using test::TempDir;

void write_file(const fs::path& file, const std::string& bytes) { std::ofstream(file, std::ios::binary) << bytes; }

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(AtomicFile, WritesTheBytesAndLeavesNoTemporary) {
  TempDir tmp;
  write_file_atomically(tmp / "a.csv", std::string_view("un;deux\n"));
  EXPECT_EQ(slurp(tmp / "a.csv"), "un;deux\n");
  write_file_atomically(tmp / "a.csv", std::string_view("trois\n"));
  EXPECT_EQ(slurp(tmp / "a.csv"), "trois\n");
  EXPECT_EQ(entries(tmp.path()), 1U);
}

TEST(AtomicFile, TheWriterGetsAHiddenTemporaryWithTheExtension) {
  TempDir tmp;
  fs::path seen;
  write_file_atomically(tmp / "classeur.xlsx", [&](const fs::path& temporary) {
    seen = temporary;
    write_file(temporary, "octets");
  });
  EXPECT_EQ(seen.parent_path(), tmp.path());
  EXPECT_EQ(seen.filename().string().front(), '.');
  EXPECT_EQ(seen.extension(), ".xlsx");
  EXPECT_EQ(seen.filename().string().find(".classeur.xlsx.tmp-"), 0U) << seen;
  EXPECT_EQ(slurp(tmp / "classeur.xlsx"), "octets");
  EXPECT_FALSE(fs::exists(seen));
}

TEST(AtomicFile, ALinkPlantedUnderAGuessableNameIsNeverFollowed) {
  TempDir tmp;
  write_file(tmp / "victime.txt", "à garder");
  // The names a predictable writer would use: the process id, with and without the extension.
  const std::string pid = std::to_string(::getpid());
  for (const std::string& name : {".sortie.csv.tmp-" + pid + ".csv", ".sortie.csv.tmp-" + pid, "sortie.csv.tmp-" + pid})
    fs::create_symlink(tmp / "victime.txt", tmp / name);
  write_file_atomically(tmp / "sortie.csv", std::string_view("nouveau"));
  EXPECT_EQ(slurp(tmp / "sortie.csv"), "nouveau");
  EXPECT_EQ(slurp(tmp / "victime.txt"), "à garder");
}

TEST(AtomicFile, AFailedWriterLeavesNothing) {
  TempDir tmp;
  EXPECT_THROW(write_file_atomically(tmp / "b.xlsx",
                                     [](const fs::path& temporary) {
                                       write_file(temporary, "moitié");
                                       throw std::runtime_error("disque plein");
                                     }),
               std::runtime_error);
  EXPECT_EQ(entries(tmp.path()), 0U);
}

TEST(AtomicFile, AnExistingFileIsKeptWhenItMustNotBeReplaced) {
  TempDir tmp;
  write_file(tmp / "dossiers-2028.xlsx", "le classeur de l’instructeur");
  try {
    write_file_atomically(tmp / "dossiers-2028.xlsx", std::string_view("vierge"), Existing::refuse);
    FAIL() << "an existing file was replaced";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "impossible d’écrire " + (tmp / "dossiers-2028.xlsx").string() +
                                         " : le fichier existe déjà, aap ne le remplace pas");
  }
  EXPECT_EQ(slurp(tmp / "dossiers-2028.xlsx"), "le classeur de l’instructeur");
  EXPECT_EQ(entries(tmp.path()), 1U);
}

TEST(AtomicFile, AMissingFolderIsReportedInFrenchByTheFile) {
  TempDir tmp;
  try {
    write_file_atomically(tmp / "absent/c.csv", std::string_view("x"));
    FAIL() << "wrote into a missing folder";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("impossible d’écrire " + (tmp / "absent").string()), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace aap::output
