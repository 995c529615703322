#include "model/commune.hpp"

namespace aap {

namespace {
constexpr std::string_view kMarseille = "13055";
}  // namespace

CommuneTable CommuneTable::from_rows(std::vector<Commune> rows) {
  CommuneTable table;
  for (auto& row : rows) {
    std::string code = row.insee_code;
    table.by_code_.emplace(std::move(code), std::move(row));
  }
  return table;
}

const Commune* CommuneTable::find(std::string_view insee_code) const {
  if (const auto it = by_code_.find(std::string(insee_code)); it != by_code_.end()) return &it->second;
  // Marseille's sixteen arrondissements have their own INSEE codes (13201–13216), but the commune, and so
  // the territory, is Marseille's.
  if (insee_code.size() == 5 && insee_code.substr(0, 3) == "132") {
    const int n = (insee_code[3] - '0') * 10 + (insee_code[4] - '0');
    if (insee_code[3] >= '0' && insee_code[3] <= '9' && insee_code[4] >= '0' && insee_code[4] <= '9' && n >= 1 &&
        n <= 16) {
      if (const auto it = by_code_.find(std::string(kMarseille)); it != by_code_.end()) return &it->second;
    }
  }
  return nullptr;
}

}  // namespace aap
