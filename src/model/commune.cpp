#include "model/commune.hpp"

#include <algorithm>

namespace aap {

namespace {
constexpr std::string_view kMarseille = "13055";
constexpr int kMarseilleArrondissements = 16;  // 13201–13216
}  // namespace

CommuneTable CommuneTable::from_rows(std::vector<Commune> rows) {
  CommuneTable table;
  for (auto& row : rows) {
    std::string code = row.insee_code;
    table.by_code_.emplace(std::move(code), std::move(row));
  }
  return table;
}

std::vector<Commune> CommuneTable::codes() const {
  std::vector<Commune> out;
  out.reserve(by_code_.size() + kMarseilleArrondissements);
  for (const auto& [code, commune] : by_code_) out.push_back(commune);
  if (const auto it = by_code_.find(std::string(kMarseille)); it != by_code_.end()) {
    for (int n = 1; n <= kMarseilleArrondissements; ++n) {
      const std::string number = n < 10 ? "0" + std::to_string(n) : std::to_string(n);
      if (by_code_.count("132" + number)) continue;  // a table that lists it itself
      out.push_back(Commune{"132" + number,
                            it->second.name + " " + std::to_string(n) + (n == 1 ? "er" : "e") + " arrondissement",
                            it->second.territory});
    }
  }
  std::sort(out.begin(), out.end(), [](const Commune& a, const Commune& b) { return a.insee_code < b.insee_code; });
  return out;
}

const Commune* CommuneTable::find(std::string_view insee_code) const {
  if (const auto it = by_code_.find(std::string(insee_code)); it != by_code_.end()) return &it->second;
  // Marseille's sixteen arrondissements have their own INSEE codes (13201–13216), but the commune, and so
  // the territory, is Marseille's.
  if (insee_code.size() == 5 && insee_code.substr(0, 3) == "132") {
    const int n = (insee_code[3] - '0') * 10 + (insee_code[4] - '0');
    if (insee_code[3] >= '0' && insee_code[3] <= '9' && insee_code[4] >= '0' && insee_code[4] <= '9' && n >= 1 &&
        n <= kMarseilleArrondissements) {
      if (const auto it = by_code_.find(std::string(kMarseille)); it != by_code_.end()) return &it->second;
    }
  }
  return nullptr;
}

}  // namespace aap
