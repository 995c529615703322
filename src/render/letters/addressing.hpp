// How a letter addresses its recipient: the NF Z10-011 address block, the salutation and closing formula,
// the signatory's name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/dossier.hpp"

namespace aap::letters {

/// The recipient's address for the window envelope, NF Z10-011: at most 6 lines of at most 38
/// characters (code points), no blank line; the addressee (civility, first name, last name, ", role"),
/// the association's name, the address lines, then "13002 MARSEILLE" (postal code and locality in
/// capitals without accents, hyphens or apostrophes); from line 4 on, no punctuation.
/// A line too long is wrapped at a space (a single word longer than a line is split with a hyphen), never
/// cut (a street line too long is first abbreviated: "bd", "av"…). When that makes more than 6 lines,
/// abbreviations are added one at a time until it fits: "Association" ("Asso."), the civility ("Mme",
/// "M."), then the first name (its initial); if still more than 6, lines are
/// dropped in this order: the role (when on its own line), the address complements (every address line
/// but the street — the first one starting with a digit, else the last), the addressee, then the end of
/// the association's name. The street and the last line are never dropped.
std::vector<std::string> postal_address_lines(const Association& association);

/// "Madame la Présidente", "Monsieur le Directeur", "Madame le Président" (the role as the person
/// gives it); a role this code does not know gives "Madame" / "Monsieur"; an unknown civility gives
/// "Madame, Monsieur".
std::string form_of_address(const Representative& representative);
/// The form of address followed by a comma: "Madame la Présidente,".
std::string salutation(const Representative& representative);
/// "Je vous prie d’agréer, Madame la Présidente, l’assurance de ma considération distinguée."
std::string closing_formula(const Representative& representative);

/// First name then LAST NAME in capitals: "Jean-Marc Dupont" → "Jean-Marc DUPONT",
/// "Anne de la Tour" → "Anne DE LA TOUR"; a name that already has a word in capitals, or a single word,
/// is kept as written.
std::string signatory_name(std::string_view name);

/// Capitals, accents kept (French typography accents capitals): "Élodie" → "ÉLODIE".
std::string to_upper(std::string_view text);

}  // namespace aap::letters
