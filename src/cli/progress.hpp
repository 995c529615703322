// One updating progress line per stage on a terminal's standard error; silent otherwise.
#pragma once

#include <atomic>
#include <cstdint>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace aap::cli {

/// "courriers : 1 234/10 000 (2 345/s, reste 4 s)": the stage, items done of total, rate and time left
/// from the rate so far (no rate nor time left before the first item or the first tenth of a second).
std::string progress_line(const std::string& stage, std::size_t done, std::size_t total, double elapsed_seconds);

/// Counts a stage's items from any thread and redraws its line at most ten times a second.
class Progress {
 public:
  /// Draws on `sink`, or nothing at all when `sink` is null.
  Progress(std::string stage, std::size_t total, std::ostream* sink);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();

  /// Standard error when it is a terminal and `quiet` is false; otherwise nothing is ever written.
  static Progress on_terminal(std::string stage, std::size_t total, bool quiet);

  void advance(std::size_t items = 1);
  /// Draws the final count and ends the line; called by the destructor if not before.
  void finish();

 private:
  void draw(std::size_t done);

  std::string stage_;
  std::size_t total_;
  std::ostream* sink_;
  std::chrono::steady_clock::time_point start_;
  std::atomic<std::size_t> done_{0};
  std::atomic<std::int64_t> last_draw_ms_{-1000};
  std::mutex draw_mutex_;
  bool finished_ = false;
};

}  // namespace aap::cli
