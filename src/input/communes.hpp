// The Métropole's communes by territory, read from a `;`-separated CSV (insee_code;name;territory).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "model/commune.hpp"
#include "model/diagnostic.hpp"

namespace aap {

/// Reads `insee_code;name;territory` with a header line; problems go to `diags`. `sha256`, when given,
/// receives the SHA-256 of the very bytes parsed (for the manifest), whenever the file could be read.
std::optional<CommuneTable> load_communes(const std::filesystem::path& file, Diagnostics& diags,
                                          std::string* sha256 = nullptr);

}  // namespace aap
