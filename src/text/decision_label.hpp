// The French wording of each decision, one table for every output that names it (envoi.csv, the
// workbook), so that finance and the instructors read the same words.
#pragma once

#include <string>
#include <string_view>

#include "model/evaluation.hpp"

namespace aap::fr {

/// « financé », « partiellement financé », « non financé », « inéligible ».
std::string_view decision_label(Decision decision);

/// The same words with a capital first letter, for a table cell: « Partiellement financé ».
std::string decision_label_capitalised(Decision decision);

}  // namespace aap::fr
