#include "model/territory.hpp"

namespace aap {

bool is_known_territory(std::string_view key) {
  for (const Territory& t : kTerritories)
    if (t.key == key) return true;
  return false;
}

std::string territory_label(std::string_view key) {
  for (const Territory& t : kTerritories)
    if (t.key == key) return std::string(t.label);
  return std::string(key);
}

std::string territory_keys_listed() {
  std::string out;
  for (const Territory& t : kTerritories) {
    if (!out.empty()) out += ", ";
    out += t.key;
  }
  return out;
}

}  // namespace aap
