// Runs a program for end-to-end tests and captures its exit code, standard output and error.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace aap::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// Runs `argv` (argv[0] a path) from `cwd`, waiting for it. No shell is involved.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::filesystem::path& cwd = std::filesystem::current_path());

/// Runs the built `aap` with `args`.
ProcessResult run_aap(const std::vector<std::string>& args,
                      const std::filesystem::path& cwd = std::filesystem::current_path());

/// A fresh empty folder under the system's temporary folder, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string slurp(const std::filesystem::path& file);

/// The output folder of one `aap run --quiet` on the shipped fixtures, made once per test process and
/// shared by its tests (a run takes a few seconds); a failed run fails the test that asked first.
const std::filesystem::path& fixture_run_output();

/// Every regular file below `dir` with its content, keyed by relative path: to compare folders.
std::vector<std::pair<std::string, std::string>> snapshot(const std::filesystem::path& dir);

}  // namespace aap::test
