// Nothing is written outside --out, and --out keeps clear of the inputs (the output is safe and atomic).
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "input/identifiers.hpp"
#include "output/output_dir.hpp"
#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::snapshot;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

TEST(OutputPaths, PlainRelativePathsAreSafe) {
  EXPECT_TRUE(is_safe_relative_path("evaluation.json"));
  EXPECT_TRUE(is_safe_relative_path("courriers/2027-001.pdf"));
  EXPECT_TRUE(is_safe_relative_path("courriers/a..b.pdf"));
}

TEST(OutputPaths, PathsThatCouldLeaveTheOutputFolderAreNot) {
  for (const char* path : {"", "/etc/passwd", "..", "../x", "courriers/../../x", "courriers/..", "./x",
                           "courriers//x", "courriers/", "courriers/./x"}) {
    EXPECT_FALSE(is_safe_relative_path(path)) << path;
  }
  EXPECT_FALSE(is_safe_relative_path(std::string_view("a\0b", 3)));
}

TEST(OutputPaths, OutputDirRefusesToWriteOutsideItsFolder) {
  TempDir tmp;
  OutputDir out(tmp / "out");
  try {
    out.write("courriers/../../evil.pdf", "x");
    FAIL() << "written";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "chemin de sortie refusé courriers/../../evil.pdf : il sortirait du dossier des sorties");
  }
  EXPECT_THROW(out.write("/tmp/evil.pdf", "x"), std::runtime_error);
  EXPECT_THROW(out.record("../evil.pdf"), std::runtime_error);
  EXPECT_FALSE(fs::exists(tmp / "evil.pdf"));
  EXPECT_TRUE(out.written().empty());
}

// Dossier ids become file names (courriers/<id>.pdf): none can name another folder.
TEST(OutputPaths, DossierIdsThatAreNotPlainFileNamesAreRefused) {
  for (const char* id : {"../x", "..", ".", "/etc", "/etc/passwd", "a/b", "a\\b", ".cache", "-rf", "~root",
                         "2027 001", "é"}) {
    EXPECT_FALSE(input::is_valid_id(id)) << id;
  }
  EXPECT_FALSE(input::is_valid_id(std::string(65, 'a')));
  EXPECT_TRUE(input::is_valid_id(std::string(64, 'a')));
  EXPECT_TRUE(input::is_valid_id("2027-001.v2_b"));
}

struct Inputs {
  TempDir tmp;
  std::vector<InputPlace> places() const {
    return {{tmp / "dossiers", "le dossier d’entrée --dossiers", true},
            {tmp / "modeles", "le dossier des modèles", true},
            {tmp / "conf/campagne.json", "le fichier de campagne", false}};
  }
  Inputs() {
    fs::create_directories(tmp / "dossiers");
    fs::create_directories(tmp / "modeles");
    fs::create_directories(tmp / "conf");
    std::ofstream(tmp / "conf/campagne.json") << "{}";
  }
};

TEST(OutLocation, AFolderBesideTheInputsIsAccepted) {
  Inputs in;
  EXPECT_EQ(out_location_problem(in.tmp / "sorties", in.places()), "");
  EXPECT_EQ(out_location_problem(in.tmp / "dossiers-sorties", in.places()), "");  // a name sharing a prefix
  EXPECT_EQ(out_location_problem(in.tmp / "conf/sorties", in.places()), "");     // beside the campaign file
}

TEST(OutLocation, TheInputFolderItselfIsRefused) {
  Inputs in;
  const fs::path out = in.tmp / "dossiers/";
  EXPECT_EQ(out_location_problem(out, in.places()),
            "--out « " + out.string() + " » est le dossier d’entrée --dossiers « " + (in.tmp / "dossiers").string() +
                " » : les sorties ne s’écrivent jamais dans une entrée");
}

TEST(OutLocation, AFolderInsideTheTemplatesIsRefusedEvenSpelledRoundabout) {
  Inputs in;
  const fs::path out = in.tmp / "dossiers/../modeles/sorties";
  EXPECT_EQ(out_location_problem(out, in.places()),
            "--out « " + out.string() + " » se trouve dans le dossier des modèles « " + (in.tmp / "modeles").string() +
                " » : les sorties ne s’écrivent jamais dans une entrée");
}

TEST(OutLocation, ASymbolicLinkToAnInputFolderIsRefused) {
  Inputs in;
  fs::create_directory_symlink(in.tmp / "dossiers", in.tmp / "lien");
  EXPECT_NE(out_location_problem(in.tmp / "lien/sorties", in.places()).find("se trouve dans le dossier d’entrée"),
            std::string::npos);
}

TEST(OutLocation, AFolderHoldingAnInputIsRefusedSinceReplacingItWouldDeleteTheInput) {
  Inputs in;
  EXPECT_EQ(out_location_problem(in.tmp / "conf", in.places()),
            "--out « " + (in.tmp / "conf").string() + " » contient le fichier de campagne « " +
                (in.tmp / "conf/campagne.json").string() + " » : remplacer le dossier des sorties l’effacerait");
  EXPECT_NE(out_location_problem(in.tmp.path(), in.places()).find("contient le dossier d’entrée --dossiers"),
            std::string::npos);
  EXPECT_NE(out_location_problem("/", in.places()), "");
}

TEST(OutLocation, AnEmptyOutIsRefused) {
  Inputs in;
  EXPECT_EQ(out_location_problem("", in.places()), "--out est vide : indiquez le dossier des sorties");
}

// End to end: refused with exit code 2 before anything is read or written.
TEST(OutLocation, RunRefusesAnOutInsideTheDossiersFolderAndWritesNothing) {
  TempDir tmp;
  fs::copy(kRoot / "fixtures/dossiers", tmp / "dossiers");
  const auto before = snapshot(tmp / "dossiers");
  const fs::path out = tmp / "dossiers/sorties";
  const auto r = run_aap({"run", "--dossiers", (tmp / "dossiers").string(), "--out", out.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "aap : --out « " + out.string() + " » se trouve dans le dossier d’entrée --dossiers « " +
                       (tmp / "dossiers").string() +
                       " » : les sorties ne s’écrivent jamais dans une entrée. Rien n’a été écrit.\n");
  EXPECT_EQ(snapshot(tmp / "dossiers"), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(tmp / "dossiers"), fs::directory_iterator()),
            std::distance(fs::directory_iterator(kRoot / "fixtures/dossiers"), fs::directory_iterator()));
}

TEST(OutLocation, RunRefusesAnOutThatHoldsTheTemplatesAndLeavesThemAlone) {
  TempDir tmp;
  fs::copy(kRoot / "templates", tmp / "modeles");
  const auto before = snapshot(tmp.path());
  const auto r = run_aap({"notice", "--templates", (tmp / "modeles").string(), "--out", tmp.path().string()}, kRoot);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("contient le dossier des modèles"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(tmp.path()), before);
}

TEST(OutLocation, CheckWritesNothingSoItsOutIsNotLookedAt) {
  const auto r = run_aap({"check", "--quiet", "--out", "fixtures/dossiers"}, kRoot);
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

}  // namespace
}  // namespace aap
