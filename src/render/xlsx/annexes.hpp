// The finance workbook annexes.xlsx: Synthèse, Dossiers, Sessions, Répartition, Paramètres.
#pragma once

#include <filesystem>

#include "model/campaign.hpp"
#include "model/date.hpp"
#include "model/evaluation.hpp"

namespace aap {

/// Writes the workbook to `file`, byte-identical for the same inputs and `documents_date` (its creation
/// date, at 00:00 UTC). Every string is checked first; a bad one, or any failure to write, throws
/// std::runtime_error "Impossible d'écrire <file> : dossier <id>, champ <field> : <reason>".
void write_annexes(const std::filesystem::path& file, const Campaign& campaign, const Evaluation& evaluation,
                   Date documents_date);

}  // namespace aap
