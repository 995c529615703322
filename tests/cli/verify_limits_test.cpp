// `aap verify` on hostile folders: a manifest too large or not a regular file is refused by name, outputs
// of any size are compared without being loaded, and an input swapped for a FIFO never blocks it.
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli/verify.hpp"
#include "support/process.hpp"
#include "support/special_files.hpp"

namespace aap::cli {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::sparse_file;
using test::TempDir;
using test::without_hanging;
using test::peak_memory;
using test::reset_peak_memory;

const fs::path kRoot = AAP_SOURCE_DIR;

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

TEST(VerifyLimits, AManifestThatIsAFifoIsRefusedWithoutWaitingForAWriter) {
  TempDir tmp;
  fs::create_directory(tmp / "out");
  const fs::path manifest = tmp / "out/manifest.json";
  ASSERT_EQ(::mkfifo(manifest.c_str(), 0600), 0);
  const auto r = without_hanging(manifest, [&] { return run_aap({"verify", "--out", (tmp / "out").string()}, kRoot); });
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "aap : " + manifest.generic_string() + " : n’est pas un fichier ordinaire ; rien n’a été vérifié.\n");
}

TEST(VerifyLimits, AFiveGigabyteManifestIsRefusedWithoutBeingRead) {
  TempDir tmp;
  fs::create_directory(tmp / "out");
  const fs::path manifest = sparse_file(tmp / "out/manifest.json", test::kFiveGigabytes);
  const auto r = run_aap({"verify", "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "aap : " + manifest.generic_string() +
                       " : fichier trop volumineux (5120,0 Mo) : la limite est de 64 Mo pour un manifeste ; rien n’a "
                       "été vérifié.\n");
}

TEST(VerifyLimits, AnInputSwappedForAFifoIsReportedUnreadableWithoutBlocking) {
  TempDir tmp;
  fs::copy(kRoot / "fixtures/dossiers", tmp / "dossiers", fs::copy_options::recursive);
  const auto run = run_aap({"run", "--dossiers", (tmp / "dossiers").string(), "--out", (tmp / "out").string(),
                            "--quiet"},
                           kRoot);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const fs::path swapped = tmp / "dossiers/2027-001.json";
  fs::remove(swapped);
  ASSERT_EQ(::mkfifo(swapped.c_str(), 0600), 0);

  const auto r = without_hanging(swapped, [&] { return run_aap({"verify", "--out", (tmp / "out").string()}, kRoot); });
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(has_line(r.out, "  entrée illisible : " + swapped.generic_string() + " (n’est pas un fichier ordinaire)"))
      << r.out;
  // The regeneration reads that input too: it is refused there, not waited on.
  EXPECT_NE(r.err.find(swapped.string() + ": n’est pas un fichier ordinaire"), std::string::npos) << r.err;
}

TEST(CompareFolders, ComparesLargeOutputsABlockAtATime) {
  TempDir tmp;
  fs::create_directories(tmp / "a");
  fs::create_directories(tmp / "b");
  // Read whole, the two print batches alone would take 512 Mo.
  constexpr std::size_t kBatch = std::size_t{256} * 1024 * 1024;
  constexpr std::size_t kOther = std::size_t{64} * 1024 * 1024;
  sparse_file(tmp / "a/lot.pdf", kBatch);
  sparse_file(tmp / "b/lot.pdf", kBatch);
  sparse_file(tmp / "a/autre.pdf", kOther);
  sparse_file(tmp / "b/autre.pdf", kOther);
  std::fstream(tmp / "b/autre.pdf", std::ios::in | std::ios::out | std::ios::binary).seekp(kOther - 1).put('x');
  reset_peak_memory();
  const auto checks = compare_folders(tmp / "a", tmp / "b");
  EXPECT_LT(peak_memory(), std::size_t{200} * 1024 * 1024);
  ASSERT_EQ(checks.size(), 2u);
  EXPECT_EQ(checks[0].path, "autre.pdf");
  EXPECT_EQ(checks[0].state, FileState::changed);
  EXPECT_EQ(checks[0].problem, "");
  EXPECT_EQ(checks[1].path, "lot.pdf");
  EXPECT_EQ(checks[1].state, FileState::identical);
}

}  // namespace
}  // namespace aap::cli
