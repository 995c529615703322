// The staging folder records what each writer put there, with the checksum the manifest prints.
#include "output/output_dir.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "input/sha256.hpp"
#include "render/json/manifest.hpp"
#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::slurp;
using test::TempDir;

// SHA-256 of "abc" (FIPS 180-2, appendix B.1).
constexpr const char* kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

TEST(OutputDir, WrittenFilesCarryTheChecksumOfTheirBytes) {
  TempDir tmp;
  OutputDir out(tmp / "out");
  out.write("courriers/a.pdf", "abc");
  const auto sums = out.checksums();
  ASSERT_EQ(sums.size(), 1U);
  EXPECT_EQ(sums[0].first, "courriers/a.pdf");
  EXPECT_EQ(sums[0].second, kAbc);
  EXPECT_EQ(slurp(out.staging() / "courriers/a.pdf"), "abc");
}

// A writer that wrote its file itself (libxlsxwriter) is hashed from the file, as it is on disk.
TEST(OutputDir, RecordedFilesAreHashedFromWhatIsOnDisk) {
  TempDir tmp;
  OutputDir out(tmp / "out");
  std::ofstream(out.staging() / "annexes.xlsx", std::ios::binary) << "abc";
  out.record("annexes.xlsx");
  EXPECT_EQ(out.checksums().at(0).second, kAbc);
}

// A file written again keeps only its last checksum, and is listed once.
TEST(OutputDir, AFileWrittenTwiceIsListedOnceWithItsLastBytes) {
  TempDir tmp;
  OutputDir out(tmp / "out");
  out.write("evaluation.json", "first");
  out.write("evaluation.json", "abc");
  ASSERT_EQ(out.written(), std::vector<std::string>{"evaluation.json"});
  EXPECT_EQ(out.checksums().at(0).second, kAbc);
  std::ofstream(out.staging() / "evaluation.json", std::ios::binary) << "rewritten";
  out.record("evaluation.json");
  EXPECT_EQ(out.checksums().at(0).second, sha256_hex("rewritten"));
}

// The letters are written from --jobs threads at once: every file is there, listed once, in order.
TEST(OutputDir, ThreadsWritingAtOnceLoseNoFile) {
  TempDir tmp;
  OutputDir out(tmp / "out");
  constexpr int kThreads = 4;
  constexpr int kFiles = 300;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&out, t] {
      for (int i = 0; i < kFiles; ++i) {
        const std::string name = std::to_string(t) + "-" + std::to_string(1000 + i);
        out.write("courriers/" + std::to_string(i % 3) + "/" + name + ".pdf", name);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const auto sums = out.checksums();
  ASSERT_EQ(sums.size(), static_cast<std::size_t>(kThreads * kFiles));
  for (std::size_t i = 1; i < sums.size(); ++i) EXPECT_LT(sums[i - 1].first, sums[i].first);
  for (const auto& [relative, sha256] : sums) {
    const std::string bytes = slurp(out.staging() / relative);
    EXPECT_EQ(sha256, sha256_hex(bytes)) << relative;
    EXPECT_EQ(relative.substr(relative.rfind('/') + 1), bytes + ".pdf");
  }
}

}  // namespace
}  // namespace aap

namespace aap {
namespace {

// A one-family command copies the other outputs; a link planted among them is refused, never followed
// (fs::relative would resolve it to a path outside the folder).
TEST(OutputDirCarryOver, ALinkAmongThePreviousOutputsIsRefusedNotFollowed) {
  TempDir tmp;
  fs::create_directories(tmp / "out/courriers");
  fs::create_directories(tmp / "ailleurs");
  std::ofstream(tmp / "out/evaluation.json") << "{}";
  std::ofstream(tmp / "ailleurs/secret.txt") << "secret";
  fs::create_symlink(tmp / "ailleurs/secret.txt", tmp / "out/courriers/lien.pdf");
  OutputDir out(tmp / "out");
  try {
    out.carry_over([](const std::string&) { return true; });
    FAIL() << "carried over";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "impossible de reprendre " + (tmp / "out/courriers/lien.pdf").string() +
                                         " : c’est un lien symbolique, qu’aap ne suit jamais");
  }
  EXPECT_FALSE(fs::exists(out.staging() / "courriers/lien.pdf"));
  EXPECT_EQ(test::slurp(tmp / "ailleurs/secret.txt"), "secret");
}

TEST(OutputDirCarryOver, FilesAndFoldersAreCopiedByTheirOwnNames) {
  TempDir tmp;
  fs::create_directories(tmp / "out/courriers/emails");
  std::ofstream(tmp / "out/evaluation.json") << "{}";
  std::ofstream(tmp / "out/courriers/emails/2027-001.eml") << "eml";
  std::ofstream(tmp / "out/.gitkeep").close();
  OutputDir out(tmp / "out");
  out.carry_over([](const std::string& relative) { return relative != "evaluation.json"; });
  EXPECT_EQ(out.written(), std::vector<std::string>{"courriers/emails/2027-001.eml"});
  EXPECT_EQ(test::slurp(out.staging() / "courriers/emails/2027-001.eml"), "eml");
  EXPECT_FALSE(fs::exists(out.staging() / ".gitkeep"));  // commit() keeps it
}

}  // namespace
}  // namespace aap
