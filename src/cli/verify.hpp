// `aap verify`: proves that an output folder comes from the inputs its manifest names.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/options.hpp"

namespace aap::cli {

enum class FileState { identical, changed, missing, not_regenerated };

/// "identique", "modifié", "absent", "non régénéré".
const char* state_label(FileState state);

/// One output file compared with its regeneration.
struct FileCheck {
  std::string path;  // relative to the output folder
  FileState state = FileState::identical;
};

/// Compares every regular file of `folder` with `regenerated`, byte for byte, sorted by path: in both
/// (identical or changed), only regenerated (missing from `folder`), only in `folder` (not regenerated).
/// Hidden files at the top of `folder` (.gitkeep) are not outputs and are skipped.
std::vector<FileCheck> compare_folders(const std::filesystem::path& folder,
                                       const std::filesystem::path& regenerated);

/// `aap verify [--out DIR]`: reads DIR/manifest.json, checks the hashes of the inputs, templates and
/// reference data, runs the recorded command again with the recorded date into a private temporary
/// folder (the same families as `run`, DIR untouched) and compares every file. Prints each difference
/// (every file unless --quiet); 0 when all is identical, 1 otherwise.
int verify_command(const Options& options);

}  // namespace aap::cli
