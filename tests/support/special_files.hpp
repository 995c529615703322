// Special files for the input-limit tests: huge sparse files, FIFOs read without hanging the suite, and
// the process's peak memory, to show a large file was not loaded whole.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <cstddef>
#include <fstream>
#include <future>
#include <string>

namespace aap::test {

inline constexpr std::size_t kFiveGigabytes = std::size_t{5} * 1024 * 1024 * 1024;

/// A line of /proc/self/status ("VmHWM:", "VmRSS:"), in bytes.
inline std::size_t memory_status(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) return std::stoul(line.substr(field.size())) * 1024;
  }
  return 0;
}

/// What was resident at the last reset_peak_memory(): the test binary itself, and under AddressSanitizer
/// some 200 Mo before any test starts (196 Mo at -O2, 208 Mo at -O1, measured on 2026-12-03).
inline std::size_t resident_at_reset = 0;

/// Whether the resident memory of an `aap` started by a test is the program's own: under AddressSanitizer, freed
/// blocks stay resident in its quarantine (256 Mo by default) and every block has red zones, so a bound set
/// for the program measures the sanitizer instead. The bound is checked in the normal build only.
#ifdef AAP_SANITIZED
inline constexpr bool kResidentMemoryIsTheProgramsOwn = false;
#else
inline constexpr bool kResidentMemoryIsTheProgramsOwn = true;
#endif

/// The peak is process-wide: other tests run before may have raised it.
inline void reset_peak_memory() {
  std::ofstream("/proc/self/clear_refs") << "5";
  resident_at_reset = memory_status("VmRSS:");
}

/// How far the resident memory of this process rose above what it was at the last reset_peak_memory(),
/// in bytes: what the code run since then held at its peak.
inline std::size_t peak_memory() {
  const std::size_t peak = memory_status("VmHWM:");
  return peak > resident_at_reset ? peak - resident_at_reset : 0;
}

/// A file of `size` zero bytes that takes no disk: its blocks are holes.
inline std::filesystem::path sparse_file(const std::filesystem::path& path, std::size_t size) {
  std::ofstream(path, std::ios::binary).close();
  std::filesystem::resize_file(path, size);
  return path;
}

/// Runs `read` on another thread; when it is still blocked after a few seconds (opening `fifo` waits for a
/// writer), a writer is opened to release it, so that the failure is reported instead of the suite hanging.
template <class Read>
auto without_hanging(const std::filesystem::path& fifo, Read read) {
  auto result = std::async(std::launch::async, read);
  if (result.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    ADD_FAILURE() << "the read waited for a writer on " << fifo;
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
  }
  return result.get();
}

}  // namespace aap::test
