// Reads and validates dossiers: one object per file or an array of them.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/dossier.hpp"
#include "model/evaluation.hpp"

namespace aap {

struct DossierLoad {
  std::vector<Dossier> dossiers;               // the valid ones, in file then array order
  std::vector<InvalidDossier> invalid;         // one entry per file (or array element) refused
  Diagnostics diagnostics;                     // every problem found, for the terminal
  std::vector<std::filesystem::path> files;    // every file read, for the manifest
  std::vector<std::string> files_sha256;       // parallel to `files`: the SHA-256 of the very bytes parsed
  /// Every well-formed id met so far, valid dossier or not, with where it was first met
  /// ("fixtures/dossiers/a.json", or "….json, élément [2]"): ids are unique across the whole run.
  std::map<std::string, std::string> id_sources;
  /// The same ids in lower case, with the id as written: ids that differ only in case are refused.
  std::map<std::string, std::string> folded_ids;
  /// What was left unread in a --dossiers folder (a subfolder, a « .JSON » file), said as a warning.
  std::vector<std::string> warnings;

  /// Records a file read for the manifest, with the SHA-256 of the bytes parsed (input::InputFile::sha256):
  /// the file is never read again to be hashed, since it may have changed meanwhile.
  void add_file(const std::filesystem::path& path, std::string sha256) {
    files.push_back(path);
    files_sha256.push_back(std::move(sha256));
  }
};

/// `inputs` are folders (their `*.json`, sorted by name, not recursive) or files. Ids are checked unique
/// across all. Files are named in messages as given (`fixtures/dossiers/2027-004.json`), never made
/// absolute. A problem that is no dossier's (a path that does not exist, a folder without `*.json`) is in
/// `diagnostics` only; a file that cannot be read or parsed, and each dossier refused, is also in `invalid`.
DossierLoad read_dossiers(const std::vector<std::filesystem::path>& inputs);

/// Validates the dossiers of one file's text. `display_name` names the file in messages. In a file holding
/// an array, each element is a dossier on its own (refused without refusing the others), and its field
/// paths start with its index: `[2].training.title`.
void parse_dossiers(std::string_view text, const std::string& display_name, DossierLoad& load);

/// Same as above, and a `.csv` input is a spreadsheet export (csv_dossiers.hpp) whose sessions are read from
/// `sessions_file` when given, else from the `sessions.csv` beside it.
DossierLoad read_dossiers(const std::vector<std::filesystem::path>& inputs,
                          const std::optional<std::filesystem::path>& sessions_file);

}  // namespace aap
