// Checks on the text fields of the inputs: valid UTF-8, no control characters, printable, not too long.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace aap::text {

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
