// The Métropole's six territories: the key used in data files and the campaign, and the name printed.
// One table for the communes' reader, the campaign's reader, the criteria and every document.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace aap {

struct Territory {
  std::string_view key;    // "pays-d-aix", as written in communes-metropole.csv and campaign.json
  std::string_view label;  // « Pays d’Aix », as printed
};

inline constexpr std::array<Territory, 6> kTerritories = {{
    {"marseille-provence", "Marseille Provence"},
    {"pays-d-aix", "Pays d’Aix"},
    {"pays-salonais", "Pays salonais"},
    {"pays-d-aubagne-et-de-l-etoile", "Pays d’Aubagne et de l’Étoile"},
    {"istres-ouest-provence", "Istres-Ouest Provence"},
    {"pays-de-martigues", "Pays de Martigues"},
}};

bool is_known_territory(std::string_view key);

/// « Marseille Provence », « Pays d’Aix »… for a territory key; the key itself when unknown.
std::string territory_label(std::string_view key);

/// "marseille-provence, pays-d-aix, …": the keys, for a message that refuses another one.
std::string territory_keys_listed();

}  // namespace aap
