// Progress lines for long stages, drawn on a terminal only (issue 7).
#include "cli/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <iostream>

namespace aap::cli {

namespace {

/// 12345 → "12 345" (a plain space: a terminal line, not a document).
std::string grouped(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(' ');
    out.push_back(digits[i]);
  }
  return out;
}

std::string duration(double seconds) {
  const auto s = static_cast<std::size_t>(std::ceil(seconds));
  if (s < 60) return std::to_string(s) + " s";
  return std::to_string(s / 60) + " min " + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) + " s";
}

}  // namespace

std::string progress_line(const std::string& stage, std::size_t done, std::size_t total, double elapsed_seconds) {
  std::string line = stage + " : " + grouped(done) + "/" + grouped(total);
  if (done == 0 || elapsed_seconds < 0.1) return line;
  const double rate = static_cast<double>(done) / elapsed_seconds;
  line += " (" + grouped(static_cast<std::size_t>(std::llround(rate))) + "/s";
  if (done < total) line += ", reste " + duration(static_cast<double>(total - done) / rate);
  return line + ")";
}

Progress::Progress(std::string stage, std::size_t total, std::ostream* sink)
    : stage_(std::move(stage)), total_(total), sink_(sink), start_(std::chrono::steady_clock::now()) {}

Progress::~Progress() {
  try {
    finish();
  } catch (...) {  // a progress line is never worth an exception out of a destructor
  }
}

Progress Progress::on_terminal(std::string stage, std::size_t total, bool quiet) {
  const bool terminal = !quiet && isatty(STDERR_FILENO) == 1;
  return Progress(std::move(stage), total, terminal ? &std::cerr : nullptr);
}

void Progress::advance(std::size_t items) {
  const std::size_t done = done_.fetch_add(items) + items;
  if (sink_ == nullptr) return;
  const auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start_).count();
  std::int64_t last = last_draw_ms_.load();
  if (now_ms - last < 100 || !last_draw_ms_.compare_exchange_strong(last, now_ms)) return;
  draw(done);
}

void Progress::finish() {
  if (sink_ == nullptr || finished_) return;
  finished_ = true;
  draw(done_.load());
  const std::lock_guard<std::mutex> lock(draw_mutex_);
  *sink_ << "\n" << std::flush;
}

void Progress::draw(std::size_t done) {
  const std::lock_guard<std::mutex> lock(draw_mutex_);
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // Carriage return, the line, then erase what a longer previous line left.
  *sink_ << "\r" << progress_line(stage_, done, total_, elapsed) << "\x1b[K" << std::flush;
}

}  // namespace aap::cli
