// --jobs: the fork-join loop, and whole runs whose files are the same bytes whatever the thread count.
#include "test_paths.hpp"
#include "cli/parallel.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "cli/progress.hpp"
#include "support/process.hpp"

namespace aap::cli {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = AAP_SOURCE_DIR;

TEST(ParallelFor, CallsEveryIndexExactlyOnce) {
  std::vector<std::atomic<int>> calls(1000);
  parallel_for(calls.size(), 4, [&](std::size_t i) { ++calls[i]; });
  for (std::size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i].load(), 1) << i;
}

TEST(ParallelFor, RethrowsTheFailureOfTheLowestIndex) {
  for (unsigned jobs : {1U, 2U, 8U}) {
    try {
      parallel_for(500, jobs, [](std::size_t i) {
        if (i == 123 || i == 124 || i == 400) throw std::runtime_error("dossier " + std::to_string(i));
      });
      FAIL() << "no exception with " << jobs << " jobs";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "dossier 123") << jobs << " jobs";
    }
  }
}

TEST(ParallelRun, EveryOutputIsTheSameBytesWithOneOrTwoJobs) {
  test::TempDir tmp;
  // Every fixture dossier: each decision, so both threads render letters of every kind.
  fs::create_directories(tmp / "in");
  for (const auto& entry : fs::directory_iterator(kRoot / "fixtures/dossiers")) {
    if (entry.path().extension() != ".json") continue;
    fs::copy_file(entry.path(), tmp / ("in/" + entry.path().filename().string()));
  }
  auto run = [&](const std::string& jobs) {
    const auto r = test::run_aap({"run", "--quiet", "--jobs", jobs, "--date", "2027-03-20", "--dossiers",
                                  (tmp / "in").string(), "--out", (tmp / ("out" + jobs)).string()},
                                 kRoot);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return test::snapshot(tmp / ("out" + jobs));
  };
  const auto one = run("1");
  const auto two = run("2");
  ASSERT_GT(one.size(), 5U);
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].first, two[i].first);
    EXPECT_TRUE(one[i].second == two[i].second) << one[i].first << " differs between --jobs 1 and --jobs 2";
  }
}

// Letters go a slice of 256 at a time, each slice's pages into the print batch while the next is painted:
// 600 dossiers make three slices, so that hand-over runs on two threads and must change no byte.
TEST(ParallelRun, SeveralSlicesOfLettersAreTheSameBytesWithOneOrTwoJobs) {
  test::TempDir tmp;
  const auto generated = test::run_process(
      {"/usr/bin/python3", (kRoot / "bench/generate_dossiers.py").string(), "600", (tmp / "in").string()}, kRoot);
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  auto run = [&](const std::string& jobs) {
    const auto r = test::run_aap({"run", "--quiet", "--jobs", jobs, "--date", "2027-03-20", "--dossiers",
                                  (tmp / "in").string(), "--out", (tmp / ("out" + jobs)).string()},
                                 kRoot);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return test::snapshot(tmp / ("out" + jobs));
  };
  const auto one = run("1");
  const auto two = run("2");
  const auto letters = std::count_if(one.begin(), one.end(), [](const auto& file) {
    return file.first.rfind("courriers/", 0) == 0 && file.first.ends_with(".pdf");
  });
  ASSERT_GT(letters, 512) << "fewer letters than three slices";
  ASSERT_EQ(one.size(), two.size());
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i].first, two[i].first);
    EXPECT_TRUE(one[i].second == two[i].second) << one[i].first << " differs between --jobs 1 and --jobs 2";
  }
}

TEST(Progress, LineGivesCountRateAndTimeLeft) {
  EXPECT_EQ(progress_line("courriers", 0, 10000, 0.0), "courriers : 0/10 000");
  EXPECT_EQ(progress_line("courriers", 2500, 10000, 2.0), "courriers : 2 500/10 000 (1 250/s, reste 6 s)");
  EXPECT_EQ(progress_line("courriers", 100, 10000, 10.0), "courriers : 100/10 000 (10/s, reste 16 min 30 s)");
  EXPECT_EQ(progress_line("courriers", 10000, 10000, 4.0), "courriers : 10 000/10 000 (2 500/s)");
}

TEST(Progress, NothingOnStandardErrorWhenItIsNotATerminal) {
  test::TempDir tmp;
  // run_process captures standard error through a pipe: not a terminal, so no progress line.
  const auto r = test::run_aap({"letters", "--date", "2027-03-20", "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

TEST(Progress, DrawsOneUpdatingLineAndEndsIt) {
  std::ostringstream sink;
  {
    Progress p("courriers", 2, &sink);
    p.advance();  // the first draw happens at once
    p.advance();
  }
  const std::string out = sink.str();
  EXPECT_EQ(out.rfind("\rcourriers : 1/2", 0), 0U) << out;
  EXPECT_NE(out.find("\rcourriers : 2/2"), std::string::npos) << out;
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
}

}  // namespace
}  // namespace aap::cli
