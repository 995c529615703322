// Reading a FIFO in a test without the suite hanging when the code under test waits for a writer.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>

namespace aap::test {

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
