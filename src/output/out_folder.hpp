// Which folders a run may replace with its outputs: none that holds anything aap did not write.
#pragma once

#include <filesystem>
#include <string>

namespace aap {

/// `out` without its trailing separators ("output/" → "output"), the name the folder is swapped under.
std::filesystem::path named_folder(const std::filesystem::path& out);

/// `path` made absolute, its links resolved as far as it exists, normalised, without a trailing separator
/// ("a/b/" → "a/b"): the one form in which two spellings of a folder compare equal.
std::filesystem::path resolved(const std::filesystem::path& path);

/// Why the folder `out` must not be replaced by a run's outputs, in French, or "" when it may.
/// A folder is replaced only when it is absent, empty (a `.gitkeep` aside), or an output folder of aap:
/// its manifest.json lists every file below it (folders, links, FIFOs are never outputs) and each listed
/// file still holds the bytes aap wrote — a file edited or added by hand is never lost silently.
/// Refused before that: `/`, a mount point, the current folder or one holding it, the home folder or one
/// holding it, a path ending in "." or "..", a symbolic link, a file.
/// `compare_bytes` false checks names and types only (the last look just before the swap).
std::string out_replacement_problem(const std::filesystem::path& out, bool compare_bytes = true);

}  // namespace aap
