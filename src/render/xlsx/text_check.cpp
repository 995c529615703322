// Validation of UTF-8 text for the workbook (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF).
#include "render/xlsx/text_check.hpp"

#include <cstdint>
#include <cstdio>

#include "text/utf8.hpp"

namespace aap::xlsx {

namespace {

std::string code_point_name(std::uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

std::string at_byte(std::size_t offset) { return " à l'octet " + std::to_string(offset + 1); }

}  // namespace

std::optional<std::string> text_problem(std::string_view text) {
  // libxlsxwriter refuses longer strings (LXW_STR_MAX counts bytes), and only in the middle of the writing.
  constexpr std::size_t kMaxCellBytes = 32767;
  if (text.size() > kMaxCellBytes) {
    return "texte de " + std::to_string(text.size()) + " octets, plus que les 32767 d'une cellule";
  }
  for (std::size_t i = 0; i < text.size();) {
    const aap::text::CodePointAt at = aap::text::decode_at(text, i);
    if (at.length == 0) {
      const auto lead = static_cast<unsigned char>(text[i]);
      const std::size_t expected = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
      const bool truncated = lead >= 0xC2 && lead <= 0xF4 && i + expected > text.size();
      return (truncated ? "UTF-8 invalide (séquence tronquée)" : "UTF-8 invalide") + at_byte(i);
    }
    const char32_t cp = at.value;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      return "caractère de contrôle " + code_point_name(cp) + at_byte(i);
    }
    if (cp == 0xFFFE || cp == 0xFFFF) return "caractère interdit " + code_point_name(cp) + at_byte(i);
    i += at.length;
  }
  return std::nullopt;
}

}  // namespace aap::xlsx
