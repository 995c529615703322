// Every text of the campaign must be printable with the documents' fonts (the dossiers' texts are checked
// as each dossier is read: render/checks/printable_dossier.hpp).
#pragma once

#include <vector>

#include "model/campaign.hpp"
#include "model/diagnostic.hpp"

namespace aap::cli {

/// One diagnostic per text field holding a character the fonts cannot draw, naming file and field,
/// so that a letter never shows an empty box where a name should be.
Diagnostics check_printable(const Campaign& campaign, const std::string& campaign_file);

}  // namespace aap::cli
