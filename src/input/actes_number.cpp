// Reduction of a deliberation number to the @ctes internal number ([0-9A-Z_], at most 15 characters).
#include "input/actes_number.hpp"

#include <optional>

#include "text/utf8.hpp"

namespace aap::input {
namespace {

// The capital (or pair of capitals) a Latin letter folds to; nullopt when `c` is not a Latin letter.
std::optional<std::string> fold_letter(char32_t c) {
  if (c >= U'a' && c <= U'z') return std::string(1, static_cast<char>(c - U'a' + U'A'));
  if (c >= U'A' && c <= U'Z') return std::string(1, static_cast<char>(c));
  if (c >= U'0' && c <= U'9') return std::string(1, static_cast<char>(c));
  switch (c) {
    case U'À': case U'Á': case U'Â': case U'Ã': case U'Ä': case U'Å':
    case U'à': case U'á': case U'â': case U'ã': case U'ä': case U'å': return "A";
    case U'Ç': case U'ç': return "C";
    case U'È': case U'É': case U'Ê': case U'Ë': case U'è': case U'é': case U'ê': case U'ë': return "E";
    case U'Ì': case U'Í': case U'Î': case U'Ï': case U'ì': case U'í': case U'î': case U'ï': return "I";
    case U'Ñ': case U'ñ': return "N";
    case U'Ò': case U'Ó': case U'Ô': case U'Õ': case U'Ö': case U'Ø':
    case U'ò': case U'ó': case U'ô': case U'õ': case U'ö': case U'ø': return "O";
    case U'Ù': case U'Ú': case U'Û': case U'Ü': case U'ù': case U'ú': case U'û': case U'ü': return "U";
    case U'Ý': case U'ý': case U'ÿ': case U'Ÿ': return "Y";
    case U'Œ': case U'œ': return "OE";
    case U'Æ': case U'æ': return "AE";
    case U'ß': return "SS";
    default: return std::nullopt;
  }
}

bool is_separator(char32_t c) {
  if (c < 0x80) return c > 0x20 ? !((c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'))
                                 : c == U' ' || c == U'\t';
  switch (c) {
    case 0x00A0: case 0x202F: case 0x2009: case 0x2007:  // no-break, narrow, thin, figure spaces
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:  // hyphens, dashes
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x00AB: case 0x00BB:  // quotes, « »
    case 0x00B0: case 0x00BA: case 0x2116: case 0x00B7: case 0x2022: case 0x2026:  // ° º № · • …
      return true;
    default: return false;
  }
}

std::string hex_code_point(char32_t c) {
  static const char* kHex = "0123456789ABCDEF";
  std::string digits;
  for (int shift = c > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) digits += kHex[(c >> shift) & 0xF];
  return "U+" + digits;
}

}  // namespace

ActesNumber reduce_actes_number(std::string_view number) {
  ActesNumber out;
  const auto code_points = text::decode_utf8(number);
  if (!code_points) {
    out.problem = "n’est pas de l’UTF-8 valide";
    return out;
  }
  bool pending_separator = false;
  for (char32_t c : *code_points) {
    if (auto folded = fold_letter(c)) {
      if (pending_separator && !out.value.empty()) out.value += '_';
      pending_separator = false;
      out.value += *folded;
    } else if (is_separator(c)) {
      pending_separator = true;
    } else {
      out.value.clear();
      out.problem = "contient le caractère « " + text::encode_utf8(std::u32string(1, c)) + " » (" + hex_code_point(c) +
                    "), sans équivalent dans [0-9A-Z_] : le numéro interne @ctes serait ambigu";
      return out;
    }
  }
  if (out.value.empty()) {
    out.problem = "ne contient ni lettre ni chiffre : le numéro interne @ctes serait vide";
  } else if (out.value.size() > kActesNumberMaxLength) {
    out.problem = "donne le numéro interne @ctes " + out.value + ", de " + std::to_string(out.value.size()) +
                  " caractères ; @ctes en admet 15 au plus (raccourcir le numéro plutôt que le tronquer, "
                  "qui pourrait le confondre avec un autre)";
    out.value.clear();
  }
  return out;
}

}  // namespace aap::input
