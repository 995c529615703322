// The shapes of the identifiers found in the inputs: dossier ids, SIRET, INSEE, postal and QPV codes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aap::input {

/// `[A-Za-z0-9][A-Za-z0-9._-]{0,63}`: ids become file names (courriers/<id>.pdf).
bool is_valid_id(std::string_view id);

/// Why `id`, a valid id, still cannot name a dossier, or nullopt: its letter courriers/<id>.pdf or e-mail
/// courriers/emails/<id>.eml would be, or overwrite, another output in the same folder (the print batch
/// courriers-a-imprimer.pdf, the mailing list envoi.csv, the folder emails), or a name Windows reserves for
/// a device (CON, NUL, COM1…), which the services' shares cannot hold. Compared without regard to case,
/// as those shares do.
std::optional<std::string> reserved_id_reason(std::string_view id);

/// `id` in lower case (ids are ASCII): two ids equal once folded name the same file on a Windows share.
std::string folded_id(std::string_view id);

enum class SiretCheck { valid, not_fourteen_digits, bad_checksum };
/// 14 digits whose Luhn checksum holds; La Poste's establishments (SIREN 356000000) are numbered past what
/// Luhn allows, and INSEE checks them instead by the sum of their digits being a multiple of 5 (all but the
/// head office, 35600000000048, which follows Luhn).
SiretCheck check_siret(std::string_view siret);
/// What the readers say after the value when `siret` is no SIRET ("n’est pas un SIRET valide (clé de
/// contrôle)"), or nullopt: the campaign's and a dossier's SIRET are refused in the same words.
std::optional<std::string> siret_problem(std::string_view siret);

/// `\d{5}` or `2[AB]\d{3}` (Corsica).
bool is_valid_insee_code(std::string_view code);
/// Five digits.
bool is_valid_postal_code(std::string_view code);
/// `Q[PN]\d{3}[0-9A-Z]{3}`: QP for the 2015 map, QN for the 2024 one.
bool is_valid_qpv_code(std::string_view code);

}  // namespace aap::input
