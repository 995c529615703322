// Checks on the text fields of the inputs: valid UTF-8, no control characters, printable, not too long.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace aap::text {

/// A code point and the bytes its UTF-8 sequence takes; `length` 0 when no valid sequence starts there.
struct CodePointAt {
  char32_t value;
  std::size_t length;
};

/// The code point whose sequence starts at byte `pos` of `s` (`pos` < `s.size()`), strictly decoded: an
/// overlong form, a surrogate, a value above U+10FFFF, a stray or missing continuation byte give length 0.
/// The one decoder of the program: inline, because the layout steps through every character it measures.
inline CodePointAt decode_at(std::string_view s, std::size_t pos) noexcept {
  const auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) return {lead, 1};
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1Fu, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0Fu, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07u, min = 0x10000;
  } else {
    return {0, 0};
  }
  if (length > s.size() - pos) return {0, 0};
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  return {cp, length};
}

/// Appends `code_point` in UTF-8 (assumed valid: no surrogate, nothing above U+10FFFF).
void append_utf8(std::string& out, char32_t code_point);

/// Strict UTF-8: no overlong forms, no surrogates (U+D800–U+DFFF), nothing above U+10FFFF, no truncation.
bool is_valid_utf8(std::string_view s);

/// The length in bytes (1 to 4) of the valid UTF-8 sequence that `s` starts with, 0 when it starts with
/// none (or is empty).
std::size_t utf8_sequence_length(std::string_view s);

/// Number of code points (bytes that do not continue a sequence); meaningful on valid UTF-8.
std::size_t code_points(std::string_view s);

/// The code points of `s`, or nullopt when `s` is not valid UTF-8.
std::optional<std::u32string> decode_utf8(std::string_view s);

/// `text` in UTF-8 (code points are assumed valid: no surrogates, nothing above U+10FFFF).
std::string encode_utf8(std::u32string_view text);

/// Why `s` cannot be a text field, in French, or nullopt when it can. Checked in this order:
///   "texte qui n’est pas de l’UTF-8 valide"
///   "caractère de contrôle U+0007 interdit" (C0, DEL and C1; tab, CR and LF too unless allow_newlines)
///   "caractère U+1F600 hors du plan multilingue de base, que les PDF ne peuvent pas afficher"
///   "312 caractères, 300 au plus" (counted in code points)
std::optional<std::string> check_text(std::string_view s, std::size_t max_code_points,
                                      bool allow_newlines = false);

/// `s` without a leading UTF-8 byte-order mark (accepted and ignored).
std::string strip_bom(std::string_view s);

}  // namespace aap::text
