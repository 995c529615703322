// `aap verify`: proves that an output folder comes from the inputs its manifest names.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "input/input_file.hpp"

namespace aap::cli {

enum class FileState { identical, changed, missing, not_regenerated };

/// "identique", "modifié", "absent", "non régénéré".
const char* state_label(FileState state);

/// One output file compared with its regeneration.
struct FileCheck {
  std::string path;  // relative to the output folder
  FileState state = FileState::identical;
  std::string problem;  // why it could not be compared: "illisible : …", "lien symbolique, qu’aap n’écrit jamais"
};

/// Compares every regular file of `folder` with `regenerated`, byte for byte and a block at a time (an
/// output of any size is never loaded whole), sorted by path: in both (identical or changed, or changed
/// with a `problem` when one cannot be read), only regenerated (missing from `folder`), only in `folder`
/// (not regenerated).
/// Hidden files are compared too (an added `.cache` is not regenerated); only the top `.gitkeep`, the
/// repository's placeholder, is not an output. Links and special files are never followed: in both, changed.
std::vector<FileCheck> compare_folders(const std::filesystem::path& folder,
                                       const std::filesystem::path& regenerated);

/// `aap verify [--out DIR]`: reads DIR/manifest.json, checks the hashes of the inputs, templates and
/// reference data, runs the recorded command again with the recorded date into a private temporary
/// folder (the same families as `run`, DIR untouched) and compares every file. Prints each difference
/// (every file unless --quiet); 0 when all is identical, 1 otherwise.
int verify_command(const Options& options);

}  // namespace aap::cli
