// How a letter addresses its recipient: the NF Z10-011 address block, the salutation and closing formula,
// the signatory's name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/dossier.hpp"

namespace aap::letters {

/// The recipient's address block for the window envelope, and what had to be shortened to fit it.
struct AddressBlock {
  std::vector<std::string> lines;
  /// What the block abbreviates, leaves out or shortens, in French, for the mailing list's remark column:
  /// "« Asso. » pour « Association »", "civilité abrégée", "prénom réduit à l’initiale", "voie abrégée
  /// (bd, av…)", "nom court de l’association", "nom de l’association coupé", "fonction du destinataire
  /// omise", "complément d’adresse omis", "nom de l’association omis", "adresse incomplète". Empty when
  /// the block prints everything as the dossier writes it.
  std::vector<std::string> shortened;
  /// False when the addressee or the street alone exceed the window: the block cannot be printed whole.
  bool complete = true;
};

/// The one function that builds the address block, NF Z10-011: at most 6 lines of at most 38 characters
/// (code points), no blank line; the addressee (civility, first name, last name, ", role"), the
/// association's name, the address lines, then "13002 MARSEILLE" (postal code and locality in capitals
/// without accents, hyphens or apostrophes). No punctuation from the street line on (the standard's lines
/// 4 to 6 are the street, what follows it and the locality, wherever they land).
/// A line too long is wrapped at a space (a single word longer than a line is split with a hyphen); a
/// street line too long is first abbreviated ("bd", "av"…). When that makes more than 6 lines, what loses
/// nothing comes first: "Association" → "Asso.", then the association's `short_name` when it has one,
/// then the civility ("Mme", "M.") and the first name (its initial). Then the name gives way: the short
/// name, else the name cut after a whole word, in the room the other lines leave (one line at least). The
/// addressee and the street are kept; only when they, the complements and the locality alone exceed six
/// lines are the role's own line, then the complements dropped.
AddressBlock address_block(const Association& association);

/// address_block(association).lines.
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
