// Reads and validates the campaign file.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "model/campaign.hpp"
#include "model/diagnostic.hpp"

namespace aap {

/// Every problem goes to `diags`; the campaign is returned only when there is none. `sha256`, when given,
/// receives the SHA-256 of the very bytes parsed (for the manifest), whenever the file could be read.
std::optional<Campaign> read_campaign(const std::filesystem::path& file, Diagnostics& diags,
                                      std::string* sha256 = nullptr);
/// Same, from text already in memory (`display_name` is used in messages).
std::optional<Campaign> parse_campaign(std::string_view text, const std::string& display_name,
                                       Diagnostics& diags);

}  // namespace aap
