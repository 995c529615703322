// An organisation's name inside a French sentence: the article its first word calls for.
#pragma once

#include <string>
#include <string_view>

namespace aap::fr {

/// The name after the preposition « à », with the article French puts before a name that starts with a
/// common noun: "à l’Association pour…", "à la Fédération…", "au Comité…", "aux Ateliers…"; a name's own
/// « Le » / « Les » contracted ("Les Connecteurs du 14e" → "aux Connecteurs du 14e"), its « La » / « L’ »
/// kept ("à L’Atelier…", as « à La Poste »); any other name as given ("à Données Solidaires",
/// "à A | B *C* #1").
std::string after_a(std::string_view name);

}  // namespace aap::fr
