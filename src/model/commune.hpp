// A commune of the Métropole and the table of them by INSEE code, as the criteria and the allocation use
// them; reading the table from its CSV file is the input layer's (input/communes.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace aap {

struct Commune {
  std::string insee_code;
  std::string name;
  std::string territory;  // a key of kTerritories (model/territory.hpp)
};

class CommuneTable {
 public:
  static CommuneTable from_rows(std::vector<Commune> rows);

  /// The commune of an INSEE code; Marseille's arrondissements 13201–13216 resolve to Marseille (13055).
  const Commune* find(std::string_view insee_code) const;
  std::size_t size() const { return by_code_.size(); }
  /// Every code `find` resolves, by code: the communes, and Marseille's arrondissements named as such
  /// (« Marseille 1er arrondissement ») when Marseille is in the table; for lists users choose from.
  std::vector<Commune> codes() const;

 private:
  std::unordered_map<std::string, Commune> by_code_;
};

}  // namespace aap
