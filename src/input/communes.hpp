// The Métropole's communes by territory (SPEC §3.3), read from a `;`-separated CSV.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "model/diagnostic.hpp"

namespace aap {

struct Commune {
  std::string insee_code;
  std::string name;
  std::string territory;  // "marseille-provence", "pays-d-aix"…
};

class CommuneTable {
 public:
  /// Reads `insee_code;name;territory` with a header line; problems go to `diags`. `sha256`, when given,
  /// receives the SHA-256 of the very bytes parsed (for the manifest), whenever the file could be read.
  static std::optional<CommuneTable> load(const std::filesystem::path& file, Diagnostics& diags,
                                          std::string* sha256 = nullptr);
  static CommuneTable from_rows(std::vector<Commune> rows);

  /// The commune of an INSEE code; Marseille's arrondissements 13201–13216 resolve to Marseille (13055).
  const Commune* find(std::string_view insee_code) const;
  std::size_t size() const { return by_code_.size(); }

 private:
  std::unordered_map<std::string, Commune> by_code_;
};

/// The territory keys of SPEC §3.3.
bool is_known_territory(std::string_view key);

}  // namespace aap
