// Whole input files read with their size bounded: refused from the descriptor's size before any read,
// capped during the read, and never waited on.
#include "input/input_file.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <string>

#include "json/parse.hpp"
#include "text/sizes.hpp"
#include "support/special_files.hpp"
#include "support/process.hpp"

namespace aap::input {
namespace {

namespace fs = std::filesystem;
using json::kJsonLimitScope;
using json::kMaxJsonBytes;
using test::TempDir;
using test::kFiveGigabytes;
using test::sparse_file;
using test::without_hanging;
using test::peak_memory;
using test::reset_peak_memory;

TEST(InputFile, AFileExactlyAtTheLimitIsReadWhole) {
  TempDir tmp;
  const fs::path file = sparse_file(tmp / "juste.json", kMaxJsonBytes);
  const InputFile read = read_input_file(file, kMaxJsonBytes, kJsonLimitScope);
  EXPECT_TRUE(read.ok()) << read.problem;
  EXPECT_EQ(read.bytes, std::string(kMaxJsonBytes, '\0'));
}

TEST(InputFile, OneByteOverTheLimitIsRefused) {
  TempDir tmp;
  const fs::path file = sparse_file(tmp / "trop.json", kMaxJsonBytes + 1);
  const InputFile read = read_input_file(file, kMaxJsonBytes, kJsonLimitScope);
  EXPECT_EQ(read.problem,
            "fichier trop volumineux (plus de 32 Mo) : la limite est de 32 Mo par fichier JSON ; répartissez les "
            "dossiers en plusieurs fichiers");
  EXPECT_FALSE(read.missing);
  EXPECT_TRUE(read.bytes.empty());
}

TEST(InputFile, AFiveGigabyteFileIsRefusedBeforeAnyOfItIsRead) {
  TempDir tmp;
  const fs::path file = sparse_file(tmp / "enorme.csv", kFiveGigabytes);
  reset_peak_memory();
  const auto start = std::chrono::steady_clock::now();
  const InputFile read = read_input_file(file, kMaxCsvBytes, kCsvLimitScope);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(read.problem,
            "fichier trop volumineux (5120,0 Mo) : la limite est de 32 Mo par fichier CSV, comme pour un fichier "
            "JSON ; répartissez les dossiers en plusieurs fichiers");
  EXPECT_LT(peak_memory(), std::size_t{200} * 1024 * 1024);
  EXPECT_LT(seconds, 1.0);
}

TEST(InputFile, AFifoIsRefusedWithoutWaitingForAWriter) {
  TempDir tmp;
  const fs::path fifo = tmp / "dossiers.json";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const InputFile read = without_hanging(fifo, [&] { return read_input_file(fifo, kMaxJsonBytes, kJsonLimitScope); });
  EXPECT_EQ(read.problem, "n’est pas un fichier ordinaire");
}

TEST(InputFile, ADeviceIsRefusedRatherThanReadForEver) {
  EXPECT_EQ(read_input_file("/dev/zero", kMaxJsonBytes, kJsonLimitScope).problem, "n’est pas un fichier ordinaire");
}

// /proc files are regular files that report a size of 0: only the read itself can bound them.
TEST(InputFile, AFileLargerThanItsAnnouncedSizeIsStillBounded) {
  const fs::path maps = "/proc/self/maps";
  ASSERT_EQ(fs::file_size(maps), 0u);
  EXPECT_EQ(read_input_file(maps, 16, kCampaignLimitScope).problem,
            "fichier trop volumineux : la limite est de 16 octets par fichier de campagne");
  const InputFile status = read_input_file("/proc/self/status", kMaxCampaignBytes, kCampaignLimitScope);
  ASSERT_TRUE(status.ok()) << status.problem;
  EXPECT_NE(status.bytes.find("\nVmHWM:"), std::string::npos);
}

TEST(InputFile, AMissingFileIsSaidMissing) {
  TempDir tmp;
  for (const fs::path& path : {tmp / "absent.json", tmp / "absent/dossiers.json"}) {
    const InputFile read = read_input_file(path, kMaxJsonBytes, kJsonLimitScope);
    EXPECT_TRUE(read.missing) << path;
    EXPECT_EQ(read.problem, "fichier introuvable");
  }
}

TEST(InputFile, AFolderIsRefused) {
  TempDir tmp;
  const InputFile read = read_input_file(tmp.path(), kMaxJsonBytes, kJsonLimitScope);
  EXPECT_EQ(read.problem, "est un dossier, pas un fichier");
  EXPECT_FALSE(read.missing);
}

TEST(InputFile, AnEmptyFileIsReadAsNothing) {
  TempDir tmp;
  std::ofstream(tmp / "vide.csv").close();
  const InputFile read = read_input_file(tmp / "vide.csv", kMaxCsvBytes, kCsvLimitScope);
  EXPECT_TRUE(read.ok());
  EXPECT_TRUE(read.bytes.empty());
}

TEST(InputFile, TheSizeIsShownInMegabytesUnlessItWouldReadAsTheLimit) {
  EXPECT_EQ(text::too_large_message(std::size_t{40} * 1024 * 1024, kMaxJsonBytes, kJsonLimitScope),
            "fichier trop volumineux (40,0 Mo) : la limite est de 32 Mo par fichier JSON ; répartissez les dossiers "
            "en plusieurs fichiers");
  EXPECT_EQ(text::too_large_message(kMebibyte * 4 + 10, kMebibyte * 4, "par modèle"),
            "fichier trop volumineux (plus de 4 Mo) : la limite est de 4 Mo par modèle");
  EXPECT_EQ(text::too_large_message(0, kMebibyte * 4, "par modèle"),
            "fichier trop volumineux : la limite est de 4 Mo par modèle");
}

}  // namespace
}  // namespace aap::input
