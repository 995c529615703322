// Reduction of a deliberation number to the @ctes internal number ([0-9A-Z_], at most 15 characters).
#include "input/actes_number.hpp"

#include <optional>
#include <string_view>

#include "text/latin.hpp"
#include "text/utf8.hpp"

namespace aap::input {
namespace {

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
    if (const std::string_view folded = text::plain_capitals(c); !folded.empty()) {
      if (pending_separator && !out.value.empty()) out.value += '_';
      pending_separator = false;
      out.value += folded;
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
