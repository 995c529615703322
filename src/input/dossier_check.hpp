// The one validation of a dossier, shared by the readers inside src/input (JSON, CSV, workbook): a JSON
// value in, a Dossier out. Kept out of dossier_reader.hpp, which the rest of the program includes: only the
// readers call it.
#pragma once

#include <cstddef>
#include <string>

#include "input/dossier_reader.hpp"
#include "json/fields.hpp"
#include "model/dossier.hpp"

namespace aap {

namespace input {
/// At most 5 000 characters for the instructors' notes (other texts: json::kMaxTextLength).
inline constexpr std::size_t kMaxNotesLength = 5000;
/// Sessions per dossier: a training runs a few a year; more is a pasting mistake. With json::kMaxCount
/// trainees each, a dossier's totals stay below 10^9 (summed in 64 bits all the same).
inline constexpr std::size_t kMaxSessions = 500;
}  // namespace input

/// The dossier `value` (a JSON object shaped as a dossier file, its fields named from `prefix`), checked against
/// every rule of a dossier, each problem added to `report`; its id is recorded in `load.id_sources` as met
/// at `where`, and refused when already met. The one validation of every reader, JSON or CSV, so that a
/// dossier is the same, and refused for the same reasons, whatever the format it came in.
Dossier check_dossier(json::Node value, const std::string& prefix, const std::string& where, json::Report& report,
                      DossierLoad& load);

}  // namespace aap
