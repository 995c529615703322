// Files the output folder did not write from bytes in hand (recorded, carried over) are hashed a block at a
// time: a carried-over print batch of hundreds of megabytes is never loaded whole for the manifest.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "output/output_dir.hpp"
#include "input/sha256.hpp"
#include "render/json/manifest.hpp"
#include "support/process.hpp"
#include "support/special_files.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::TempDir;
using test::peak_memory;
using test::reset_peak_memory;

TEST(OutputDirChecksums, ALargeRecordedFileIsHashedWithoutBeingLoaded) {
  TempDir tmp;
  constexpr std::size_t kSize = std::size_t{256} * 1024 * 1024;
  const std::string expected = [] { return sha256_hex(std::string(kSize, '\0')); }();
  OutputDir out(tmp / "out");
  test::sparse_file(out.staging() / "lot-impression.pdf", kSize);
  out.record("lot-impression.pdf");
  reset_peak_memory();
  const auto sums = out.checksums();
  EXPECT_LT(peak_memory(), std::size_t{200} * 1024 * 1024);
  ASSERT_EQ(sums.size(), 1U);
  EXPECT_EQ(sums[0].second, expected);
}

TEST(OutputDirChecksums, ARecordedFileSwappedForAFifoFailsByNameWithoutWaiting) {
  TempDir tmp;
  OutputDir out(tmp / "out");
  const fs::path fifo = out.staging() / "annexes.xlsx";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  out.record("annexes.xlsx");
  const std::string message = test::without_hanging(fifo, [&] {
    try {
      out.checksums();
    } catch (const std::runtime_error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  });
  EXPECT_EQ(message, "impossible de lire " + fifo.string() + " : n’est pas un fichier ordinaire");
}

}  // namespace
}  // namespace aap
