// Reads and validates dossiers (SPEC §3.2, §3.4): one object per file or an array of them.
#pragma once

#include <filesystem>
#include <string>
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
};

/// `inputs` are folders (their `*.json`, sorted by name) or files. Ids are checked unique across all.
DossierLoad read_dossiers(const std::vector<std::filesystem::path>& inputs);

/// Validates the dossiers of one file's text. `display_name` names the file in messages.
void parse_dossiers(std::string_view text, const std::string& display_name, DossierLoad& load);

}  // namespace aap
