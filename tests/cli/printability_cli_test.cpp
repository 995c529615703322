// The built `aap`: what a letter or the deliberation could not print is found by `check` and by `run`
// before anything is written, tied to its dossier (array index and line), and --skip-invalid leaves only
// that dossier out.
#include "test_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using test::run_aap;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

/// The fixture dossiers in `dir`/in, plus zz-lot.json: three more dossiers in an array, the second one
/// with an association name that no envelope window can hold. Returns the line of that name.
int prepare(const fs::path& dir) {
  fs::create_directories(dir / "in");
  for (const auto& e : fs::directory_iterator(kRoot / "fixtures/dossiers"))
    fs::copy_file(e.path(), dir / "in" / e.path().filename());
  const json base = json::parse(slurp(kRoot / "fixtures/dossiers/2027-001.json"));
  json lot = json::array();
  for (const char* id : {"2027-201", "2027-202", "2027-203"}) {
    json d = base;
    d["id"] = id;
    lot.push_back(d);
  }
  lot[1]["association"]["name"] = std::string(300, 'W');
  const std::string text = lot.dump(2);
  std::ofstream(dir / "in/zz-lot.json") << text;
  const auto at = text.find(std::string(300, 'W'));
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

TEST(PrintabilityCli, CheckNamesTheElementLineAndFieldAndExitsOne) {
  TempDir tmp;
  const int line = prepare(tmp.path());
  const auto r = run_aap({"check", "--dossiers", (tmp / "in").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find((tmp / "in/zz-lot.json").string() + ":" + std::to_string(line) +
                       ": [1].association.name : « WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW… » : l’adresse ne tient pas "
                       "dans la fenêtre de l’enveloppe (85 × 33 mm), même abrégée ; couper ce mot par des espaces "
                       "ou le raccourcir"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("aap : 1 dossier invalide."), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("23 dossiers lus, 22 valides"), std::string::npos) << r.out;
}

TEST(PrintabilityCli, RunRefusesBeforeWritingAndSkipInvalidLeavesOnlyThatDossierOut) {
  TempDir tmp;
  prepare(tmp.path());
  const auto refused = run_aap({"run", "--quiet", "--dossiers", (tmp / "in").string(), "--out",
                                (tmp / "out").string()},
                               kRoot);
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_NE(refused.err.find("rien n’a été écrit (--skip-invalid pour les écarter)"), std::string::npos)
      << refused.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));

  const auto r = run_aap({"run", "--quiet", "--skip-invalid", "--dossiers", (tmp / "in").string(), "--out",
                          (tmp / "out").string()},
                         kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("aap : 1 dossier invalide écarté (--skip-invalid)."), std::string::npos) << r.err;
  const json ev = json::parse(slurp(tmp / "out/evaluation.json"));
  EXPECT_EQ(ev["dossiers"].size(), 22u);
  ASSERT_EQ(ev["invalid"].size(), 1u);
  EXPECT_TRUE(fs::exists(tmp / "out/courriers/2027-201.pdf"));
  EXPECT_FALSE(fs::exists(tmp / "out/courriers/2027-202.pdf"));
  EXPECT_TRUE(fs::exists(tmp / "out/courriers/2027-203.pdf"));
}

}  // namespace
}  // namespace aap
