// `aap run` killed with SIGKILL while it writes: the previous output folder is left exactly as it was,
// and the next run removes the dead run's temporary folder (the output is atomic).
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/process.hpp"

extern char** environ;

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::snapshot;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

// Starts `aap args…` without waiting, its output thrown away; returns its pid.
pid_t spawn_aap(const std::vector<std::string>& args) {
  std::vector<std::string> argv{AAP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_argv;
  for (std::string& a : argv) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, c_argv[0], &actions, nullptr, c_argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

std::vector<std::string> temporary_folders(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find(".tmp-") != std::string::npos) names.push_back(name);
  }
  return names;
}

TEST(KilledRun, LeavesThePreviousOutputIntactAndTheNextRunCleansUp) {
  TempDir tmp;
  const fs::path out = tmp / "sorties";
  const std::vector<std::string> small{"run", "--out", out.string(), "--quiet", "--jobs", "1"};
  const auto first = run_aap(small, kRoot);
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto before = snapshot(out);
  ASSERT_GT(before.size(), 20u);  // evaluation, manifest, notice, 20 letters and the batch, annexes…

  // Enough dossiers for the writing to last well beyond the moment of the kill.
  const auto generated = run_process(
      {AAP_PYTHON, (kRoot / "bench/generate_dossiers.py").string(), "400", (tmp / "dossiers").string()}, kRoot);
  ASSERT_EQ(generated.exit_code, 0) << generated.err;
  const pid_t pid = spawn_aap({"run", "--out", out.string(), "--quiet", "--jobs", "1", "--dossiers",
                               (tmp / "dossiers").string()});
  ASSERT_GT(pid, 0);
  // Killed once it has begun writing its outputs aside: its first file is in the staging folder.
  const fs::path staging = tmp / (".sorties.tmp-" + std::to_string(pid));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (!fs::exists(staging / "evaluation.json") && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "aap ended before it was killed";
  EXPECT_TRUE(fs::exists(staging));  // what the dead run left behind

  EXPECT_EQ(snapshot(out), before);  // same files, same bytes
  EXPECT_EQ(temporary_folders(tmp.path()), std::vector<std::string>{staging.filename().string()});

  const auto next = run_aap(small, kRoot);
  ASSERT_EQ(next.exit_code, 0) << next.err;
  EXPECT_TRUE(temporary_folders(tmp.path()).empty());
  EXPECT_EQ(snapshot(out), before);  // the same inputs give the same bytes
}

}  // namespace
}  // namespace aap
