// Golden contents: what a reader gets from the fixtures' documents (pdftotext's text of the notice, the
// deliberation and one letter of each decision; every cell of annexes.xlsx through openpyxl), compared
// with the texts committed in tests/data/golden/. Any change of wording, figure or layout order shows
// here as a diff to review. To accept one on purpose: AAP_REFRESH_GOLDEN=1 ctest --test-dir build -R Golden
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "support/process.hpp"

namespace aap {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kGolden = fs::path(AAP_TEST_DATA) / "golden";

std::map<std::string, std::string> texts_in(const fs::path& dir) {
  std::map<std::string, std::string> texts;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file()) texts[entry.path().filename().string()] = test::slurp(entry.path());
  return texts;
}

// The first line that differs, with its number: enough to find the change in the committed file.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected), b(actual);
  std::string la, lb;
  for (int line = 1;; ++line) {
    const bool more_a = static_cast<bool>(std::getline(a, la));
    const bool more_b = static_cast<bool>(std::getline(b, lb));
    if (!more_a && !more_b) return "same lines, different line ends";
    if (!more_a || !more_b || la != lb)
      return "line " + std::to_string(line) + ":\n  committed: " + (more_a ? la : "(end)") +
             "\n  now:       " + (more_b ? lb : "(end)");
  }
}

TEST(Golden, FixtureDocumentsReadAsCommitted) {
  test::TempDir tmp;
  const auto run = test::run_aap({"run", "--quiet", "--date", "2027-03-20", "--out", (tmp / "out").string()}, kRoot);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto extracted = test::run_process(
      {AAP_PYTHON, (kRoot / "tests/golden/extract.py").string(), (tmp / "out").string(), (tmp / "text").string()},
      kRoot);
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  const auto now = texts_in(tmp / "text");
  // Notice, deliberation, the four decisions' letters, the five sheets.
  ASSERT_EQ(now.size(), 11U);

  const char* refresh = std::getenv("AAP_REFRESH_GOLDEN");
  if (refresh != nullptr && std::string(refresh) == "1") {
    fs::remove_all(kGolden);
    fs::create_directories(kGolden);
    for (const auto& [name, text] : now) fs::copy_file(tmp / "text" / name, kGolden / name);
    EXPECT_EQ(texts_in(kGolden), now);
    std::cout << "golden texts rewritten in " << kGolden << ": review them with git diff\n";
    return;
  }
  ASSERT_TRUE(fs::is_directory(kGolden)) << kGolden << " is missing";
  const auto committed = texts_in(kGolden);
  for (const auto& [name, text] : committed)
    EXPECT_TRUE(now.count(name)) << name << " is committed but no longer produced";
  for (const auto& [name, text] : now) {
    const auto it = committed.find(name);
    if (it == committed.end()) {
      ADD_FAILURE() << name << " is produced but not committed in " << kGolden;
      continue;
    }
    EXPECT_TRUE(it->second == text) << name << " differs from the committed text, "
                                    << first_difference(it->second, text)
                                    << "\n(if intended: AAP_REFRESH_GOLDEN=1 ctest --test-dir build -R Golden)";
  }
}

}  // namespace
}  // namespace aap
