// The shapes of the identifiers found in the inputs (see identifiers.hpp).
#include "input/identifiers.hpp"

#include <algorithm>
#include <string>

namespace aap::input {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool all_digits(std::string_view s) { return std::all_of(s.begin(), s.end(), is_digit); }

}  // namespace

bool is_valid_id(std::string_view id) {
  if (id.empty() || id.size() > 64 || !is_alnum(id.front())) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string folded_id(std::string_view id) {
  std::string folded(id);
  for (char& c : folded)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return folded;
}

std::optional<std::string> reserved_id_reason(std::string_view id) {
  const std::string folded = folded_id(id);
  // The files aap writes beside the letters, by the stem a letter or an e-mail would take.
  if (folded == "courriers-a-imprimer")
    return "c’est le nom du lot d’impression courriers/courriers-a-imprimer.pdf, que sa lettre écraserait";
  if (folded == "envoi") return "c’est le nom de la liste d’envoi courriers/envoi.csv, écrite à côté des lettres";
  if (folded == "emails") return "c’est le nom du dossier des e-mails courriers/emails, écrit à côté des lettres";
  // Windows takes these for devices whatever the extension ("CON.pdf" included).
  const std::string_view stem = std::string_view(folded).substr(0, folded.find('.'));
  const bool device = stem == "con" || stem == "prn" || stem == "aux" || stem == "nul" ||
                      (stem.size() == 4 && (stem.substr(0, 3) == "com" || stem.substr(0, 3) == "lpt") &&
                       is_digit(stem[3]));
  if (device) return "c’est un nom que Windows réserve à un périphérique : les partages des services ne pourraient pas "
                     "enregistrer son courrier";
  return std::nullopt;
}

SiretCheck check_siret(std::string_view siret) {
  if (siret.size() != 14 || !all_digits(siret)) return SiretCheck::not_fourteen_digits;
  // The head office (…00048) is the one La Poste SIRET numbered the ordinary way.
  if (siret.substr(0, 9) == "356000000" && siret != "35600000000048") {
    int sum = 0;
    for (const char c : siret) sum += c - '0';
    return sum % 5 == 0 ? SiretCheck::valid : SiretCheck::bad_checksum;
  }
  // Luhn: from the right, every second digit doubled (minus 9 when above 9); the total is a multiple of 10.
  int sum = 0;
  for (std::size_t i = 0; i < siret.size(); ++i) {
    int d = siret[siret.size() - 1 - i] - '0';
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 == 0 ? SiretCheck::valid : SiretCheck::bad_checksum;
}

std::optional<std::string> siret_problem(std::string_view siret) {
  switch (check_siret(siret)) {
    case SiretCheck::valid: return std::nullopt;
    case SiretCheck::not_fourteen_digits: return "n’est pas un SIRET valide (14 chiffres attendus)";
    case SiretCheck::bad_checksum: return "n’est pas un SIRET valide (clé de contrôle)";
  }
  return std::nullopt;
}

bool is_valid_insee_code(std::string_view code) {
  if (code.size() != 5) return false;
  if (all_digits(code)) return true;
  return code[0] == '2' && (code[1] == 'A' || code[1] == 'B') && all_digits(code.substr(2));
}

bool is_valid_postal_code(std::string_view code) { return code.size() == 5 && all_digits(code); }

bool is_valid_qpv_code(std::string_view code) {
  if (code.size() != 8 || code[0] != 'Q' || (code[1] != 'P' && code[1] != 'N')) return false;
  if (!all_digits(code.substr(2, 3))) return false;
  return std::all_of(code.begin() + 5, code.end(), [](char c) { return is_digit(c) || (c >= 'A' && c <= 'Z'); });
}

}  // namespace aap::input
