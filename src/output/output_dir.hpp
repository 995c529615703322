// Writes a run's outputs into a temporary folder beside --out and swaps it into place only when
// everything succeeded (the output is atomic): a failed run leaves the previous output folder as it was.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aap {

class OutputDir {
 public:
  /// Prepares `<parent>/.<name>.tmp-<pid>` beside `out`, after removing the temporary folders that
  /// runs which died (SIGKILL, power loss) left behind. Throws std::runtime_error in French on failure.
  explicit OutputDir(std::filesystem::path out);
  ~OutputDir();  // removes the temporary folder unless committed
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  const std::filesystem::path& staging() const { return staging_; }
  const std::filesystem::path& target() const { return out_; }

  /// Writes `bytes` to `relative` (e.g. "courriers/2027-001.pdf") in the temporary folder and records it
  /// with its SHA-256, computed from the bytes in hand (the manifest does not read the file back).
  /// Several threads may write at once, to different files.
  void write(const std::string& relative, std::string_view bytes);
  /// Records a file that a writer put into the staging folder by itself (its checksum is read later).
  void record(const std::string& relative);
  /// Copies the previous output folder's files into the staging folder (for a one-family command),
  /// except those for which `keep` returns false, and the `.gitkeep` that commit() keeps. Links are never
  /// followed: a symbolic link or a special file below `out` throws (the output-folder rule refused them).
  void carry_over(const std::function<bool(const std::string&)>& keep);
  /// The relative paths written so far, sorted.
  std::vector<std::string> written() const;
  /// Each file written so far with its SHA-256 (hex), sorted by path; a file recorded without its bytes
  /// (`record`, `carry_over`) is read from the staging folder to be hashed.
  std::vector<std::pair<std::string, std::string>> checksums() const;

  /// Moves the temporary folder into place: an atomic exchange with the previous folder when there is
  /// one (renameat2 RENAME_EXCHANGE), then removes the previous one.
  void commit();

 private:
  std::filesystem::path out_;
  std::filesystem::path staging_;
  void make_parent(const std::filesystem::path& path);
  void carry_folder(const std::string& prefix, const std::function<bool(const std::string&)>& keep);
  void remember(const std::string& relative, std::optional<std::string> sha256);

  mutable std::mutex mutex_;
  std::map<std::string, std::optional<std::string>> written_;  // path → SHA-256 when known
  std::set<std::filesystem::path> folders_;                    // created in the staging folder
  bool committed_ = false;
};

/// Whether `relative` names a file inside the output folder: not empty, not absolute, every component a
/// plain name (no "", "." or ".."). OutputDir refuses any other path, so that nothing is written outside.
bool is_safe_relative_path(std::string_view relative);

/// One input of the run, which the output folder must stay clear of.
struct InputPlace {
  std::filesystem::path path;  // as given on the command line
  std::string what;            // "le dossier des modèles", "la campagne"…
  bool folder = false;         // a folder given as input (the dossiers, the templates)
};

/// Why `out` cannot be the output folder of a run reading `inputs`, in French, or "" when it can:
/// `out` is (or is inside) an input folder — outputs never go into an input folder —, or `out` holds an
/// input, which replacing the output folder would delete. Paths are compared once made absolute with
/// symbolic links resolved, so that "a/../b" or a link to an input folder are caught too.
std::string out_location_problem(const std::filesystem::path& out, const std::vector<InputPlace>& inputs);

}  // namespace aap
