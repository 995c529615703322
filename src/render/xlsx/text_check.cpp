// Validation of UTF-8 text for the workbook (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
#include "render/xlsx/text_check.hpp"

#include <cstdint>
#include <cstdio>

namespace aap::xlsx {

namespace {

std::string code_point_name(std::uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

std::string at_byte(std::size_t offset) { return " à l'octet " + std::to_string(offset + 1); }

bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::optional<std::string> text_problem(std::string_view text) {
  // libxlsxwriter refuses longer strings (LXW_STR_MAX counts bytes), and only in the middle of the writing.
  constexpr std::size_t kMaxCellBytes = 32767;
  if (text.size() > kMaxCellBytes) {
    return "texte de " + std::to_string(text.size()) + " octets, plus que les 32767 d'une cellule";
  }
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::uint32_t cp = 0;
    std::size_t length = 1;
    // The second byte's range excludes overlong forms (E0, F0), surrogates (ED) and > U+10FFFF (F4).
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead < 0x80) {
      cp = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      cp = lead & 0x0Fu;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      cp = lead & 0x07u;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return "UTF-8 invalide" + at_byte(i);
    }
    if (i + length > text.size()) return "UTF-8 invalide (séquence tronquée)" + at_byte(i);
    for (std::size_t k = 1; k < length; ++k) {
      const auto c = static_cast<unsigned char>(text[i + k]);
      const bool in_range = k == 1 ? (c >= low && c <= high) : continuation(c);
      if (!in_range) return "UTF-8 invalide" + at_byte(i);
      cp = (cp << 6) | (c & 0x3Fu);
    }
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      return "caractère de contrôle " + code_point_name(cp) + at_byte(i);
    }
    if (cp == 0xFFFE || cp == 0xFFFF) return "caractère interdit " + code_point_name(cp) + at_byte(i);
    i += length;
  }
  return std::nullopt;
}

}  // namespace aap::xlsx
