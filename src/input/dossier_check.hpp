// The one validation of a dossier, shared by the readers inside src/input (JSON, CSV, workbook): a JSON
// value in, a Dossier out. Kept out of dossier_reader.hpp, which the rest of the program includes, as a
// reader's own step.
#pragma once

#include <string>

#include "input/dossier_reader.hpp"
#include "json/fields.hpp"
#include "model/dossier.hpp"

namespace aap {

/// The dossier `value` (a JSON object shaped as a dossier file, its fields named from `prefix`), checked against
/// every rule of a dossier, each problem added to `report`; its id is recorded in `load.id_sources` as met
/// at `where`, and refused when already met. The one validation of every reader, JSON or CSV, so that a
/// dossier is the same, and refused for the same reasons, whatever the format it came in.
Dossier check_dossier(json::Node value, const std::string& prefix, const std::string& where, json::Report& report,
                      DossierLoad& load);

}  // namespace aap
