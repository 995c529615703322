#include "text/latin.hpp"

namespace aap::text {

namespace {

// Latin Extended-A alternates capital and small letter; the capital is on the even code point in its
// first and third runs, on the odd one in the other two.
bool even_capital_run(char32_t c) { return (c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177); }
bool odd_capital_run(char32_t c) { return (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E); }

}  // namespace

bool is_latin_letter(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  if (c == 0xD7 || c == 0xF7) return false;  // × and ÷
  return c >= 0xC0 && c <= 0x24F;
}

char32_t to_lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if ((even_capital_run(c) && c % 2 == 0) || (odd_capital_run(c) && c % 2 == 1)) return c + 1;
  if (c == 0x178) return 0xFF;  // Ÿ
  return c;
}

char32_t to_upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
  if (c == 0xFF) return 0x178;  // ÿ
  if ((even_capital_run(c) && c % 2 == 1) || (odd_capital_run(c) && c % 2 == 0)) return c - 1;
  return c;
}

std::string_view plain_capitals(char32_t c) {
  static constexpr std::string_view kAscii = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  if (c >= U'0' && c <= U'9') return kAscii.substr(c - U'0', 1);
  if (c >= U'A' && c <= U'Z') return kAscii.substr(10 + (c - U'A'), 1);
  if (c >= U'a' && c <= U'z') return kAscii.substr(10 + (c - U'a'), 1);
  switch (to_upper(c)) {
    case U'À': case U'Á': case U'Â': case U'Ã': case U'Ä': case U'Å': return "A";
    case U'Ç': return "C";
    case U'È': case U'É': case U'Ê': case U'Ë': return "E";
    case U'Ì': case U'Í': case U'Î': case U'Ï': return "I";
    case U'Ñ': return "N";
    case U'Ò': case U'Ó': case U'Ô': case U'Õ': case U'Ö': case U'Ø': return "O";
    case U'Ù': case U'Ú': case U'Û': case U'Ü': return "U";
    case U'Ý': case U'Ÿ': return "Y";
    case U'Œ': return "OE";
    case U'Æ': return "AE";
    case U'ß': return "SS";
    default: return {};
  }
}

}  // namespace aap::text
