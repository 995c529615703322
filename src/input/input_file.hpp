// Reading a whole input file into memory with its size bounded: checked on the open descriptor before a
// byte is read, and the read itself capped, so that no input can exhaust memory or block the run. Files of
// any size (outputs, for verify) are hashed or compared a block at a time, with the same care.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace aap::input {

inline constexpr std::size_t kMebibyte = std::size_t{1024} * 1024;
/// dossiers.csv and sessions.csv: the same room as a JSON dossier file (json::kMaxJsonBytes).
inline constexpr std::size_t kMaxCsvBytes = 32 * kMebibyte;
/// A campaign is a few kilobytes; the limit only keeps a wrong file from filling memory.
inline constexpr std::size_t kMaxCampaignBytes = 32 * kMebibyte;
/// Every commune of France (some 35,000) would take under 2 Mo.
inline constexpr std::size_t kMaxCommunesBytes = 32 * kMebibyte;

/// The end of "la limite est de 32 Mo …" for each kind of input.
inline constexpr std::string_view kCsvLimitScope =
    "par fichier CSV, comme pour un fichier JSON ; répartissez les dossiers en plusieurs fichiers";
inline constexpr std::string_view kCampaignLimitScope = "par fichier de campagne";
inline constexpr std::string_view kCommunesLimitScope = "pour le référentiel des communes";

/// A file read whole, or why it was not.
struct InputFile {
  std::string bytes;    // the whole content when `problem` is empty
  std::string sha256;   // lower-case hex SHA-256 of `bytes`, taken as they were read: what the manifest names
  std::string problem;  // French, without the file name: "n’est pas un fichier ordinaire"
  bool missing = false; // the file (or a folder on its path) does not exist: callers keep their own wording
  bool ok() const { return problem.empty(); }
};

/// Reads the regular file `path` whole when it holds at most `max_bytes` bytes.
/// The file is opened without blocking (a FIFO is refused, not waited on), its type and size are taken
/// from the open descriptor, and a file above the limit is refused before anything is read. At most
/// `max_bytes` + 1 bytes are ever read, so a file growing meanwhile, or one reporting size 0 (/proc), stays
/// bounded too. Problems: "fichier introuvable" (with `missing`), "est un dossier, pas un fichier",
/// "n’est pas un fichier ordinaire", "fichier illisible : <raison>", and
/// text::too_large_message(size, max_bytes, limit_scope) — `limit_scope` is one of the k…LimitScope.
InputFile read_input_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view limit_scope);

/// A file as a reader took it, for the manifest: the SHA-256 is that of the very bytes parsed, never of the
/// file as it is later on disk (it may change while the run works).
struct FileDigest {
  std::filesystem::path path;  // as given, never made absolute
  std::string sha256;          // lower-case hex
};

/// The SHA-256 of a file read a block at a time, or why it could not be read.
struct FileHash {
  std::string sha256;   // lower-case hex, when `problem` is empty
  std::string problem;  // as InputFile::problem
  bool missing = false;
  bool ok() const { return problem.empty(); }
};

/// Hashes the regular file `path` however large, holding one block at a time: opened as read_input_file
/// opens (a FIFO or a device is refused, not waited on), with its problems but no size limit.
FileHash hash_input_file(const std::filesystem::path& path);

/// Whether the regular files `a` and `b` hold the same bytes, compared a block at a time (sizes first), so
/// that outputs of any size are compared without being loaded; a FIFO is refused, not waited on.
struct SameBytes {
  bool same = false;
  std::filesystem::path unreadable;  // `a` or `b` when one could not be read (then `same` is false)
  std::string problem;               // why, as InputFile::problem: "n’est pas un fichier ordinaire"
};
SameBytes same_file_bytes(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace aap::input
