// ZIP archives through libzip, its only home: the ODT written in memory, and the archives read back or
// checked (annexes.xlsx for the cross-document check, an instructor's workbook before it is parsed).
#pragma once

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct zip;  // libzip's zip_t, kept out of every other folder

namespace aap::zip {

struct EntrySize {
  std::string name;
  std::uint64_t size = 0;  // as the archive declares it, before anything is inflated
};

enum class ReadProblem { none, absent, unreadable, truncated };

/// An archive opened for reading; it keeps no copy of bytes it was opened from, which must outlive it.
class Reader {
 public:
  /// nullopt when the bytes hold no readable archive; `check_consistency` also compares each entry's
  /// local header with the central directory (a damaged or crafted archive is refused up front).
  static std::optional<Reader> from_bytes(std::string_view bytes, bool check_consistency);
  static std::optional<Reader> from_file(const std::filesystem::path& file);

  /// Every entry with its declared size; nullopt when an entry does not declare its size.
  std::optional<std::vector<EntrySize>> entries() const;
  bool contains(const std::string& name) const;
  /// The entry's bytes, or the problem (and an empty string) when it is absent, unreadable or shorter than
  /// it declares.
  std::string read(const std::string& name, ReadProblem& problem) const;

 private:
  struct Discard {
    void operator()(::zip* archive) const;
  };
  explicit Reader(::zip* archive) : archive_(archive) {}
  std::unique_ptr<::zip, Discard> archive_;
};

struct NewEntry {
  std::string name;
  std::string_view bytes;  // alive until write_archive returns
  bool stored = false;     // left uncompressed (ODF's mimetype), else deflated
};

/// The bytes of an archive holding `entries` in that order, each dated `mtime` (libzip converts it to a DOS
/// date with localtime). Throws std::runtime_error « `context` : what : libzip's reason ».
std::string write_archive(const std::vector<NewEntry>& entries, std::time_t mtime, const std::string& context);

}  // namespace aap::zip
