// simulation.xlsx: the table of `aap simulate` for the legal service, one row per envelope.
#pragma once

#include <filesystem>
#include <string>

#include "allocation/simulation.hpp"
#include "model/date.hpp"

namespace aap {

/// Writes one sheet « Simulation » (envelope, counts by decision, tier 2, allocated, remaining, marginal
/// dossier and what it lacks; money cells as numbers in a euro format), then the envelopes that fund
/// every tier-1 cap and every eligible cap. Byte-identical for the same simulation and `date` (its
/// creation date). Throws std::runtime_error "Impossible d'écrire <file> : <reason>".
void write_simulation_workbook(const std::filesystem::path& file, const Simulation& simulation,
                               const std::string& campaign_id, Date date);

}  // namespace aap
