// UTF-8 decoding and the checks every input text field goes through.
#include "text/utf8.hpp"

#include <cstdint>
#include <cstdio>

namespace aap::text {

namespace {

// Decodes the code point at `pos` and advances `pos`; nullopt on any malformed sequence.
std::optional<char32_t> decode(std::string_view s, std::size_t& pos) {
  const CodePointAt at = decode_at(s, pos);
  if (at.length == 0) return std::nullopt;
  pos += at.length;
  return at.value;
}

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    if (!decode(s, pos)) return false;
  }
  return true;
}

std::size_t utf8_sequence_length(std::string_view s) {
  std::size_t pos = 0;
  return !s.empty() && decode(s, pos) ? pos : 0;
}

std::optional<std::u32string> decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto cp = decode(s, pos);
    if (!cp) return std::nullopt;
    out += *cp;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  const auto byte = [](char32_t v) { return static_cast<char>(v); };
  if (cp < 0x80) {
    out += byte(cp);
  } else if (cp < 0x800) {
    out += byte(0xC0 | (cp >> 6));
    out += byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += byte(0xE0 | (cp >> 12));
    out += byte(0x80 | ((cp >> 6) & 0x3F));
    out += byte(0x80 | (cp & 0x3F));
  } else {
    out += byte(0xF0 | (cp >> 18));
    out += byte(0x80 | ((cp >> 12) & 0x3F));
    out += byte(0x80 | ((cp >> 6) & 0x3F));
    out += byte(0x80 | (cp & 0x3F));
  }
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char32_t cp : text) append_utf8(out, cp);
  return out;
}

std::size_t code_points(std::string_view s) {
  std::size_t count = 0;
  for (char c : s) {
    if ((static_cast<std::uint8_t>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::optional<std::string> check_text(std::string_view s, std::size_t max_code_points,
                                      bool allow_newlines) {
  if (!is_valid_utf8(s)) return "texte qui n’est pas de l’UTF-8 valide";
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = *decode(s, pos);
    const bool newline = cp == U'\t' || cp == U'\n' || cp == U'\r';
    if (is_control(cp) && !(newline && allow_newlines)) {
      return "caractère de contrôle " + code_point_name(cp) + " interdit";
    }
    // PoDoFo 0.9.8 drops such characters without a word: refuse them before they vanish
    // from a letter.
    if (cp > 0xFFFF) {
      return "caractère " + code_point_name(cp) +
             " hors du plan multilingue de base, que les PDF ne peuvent pas afficher";
    }
  }
  const std::size_t count = code_points(s);
  if (count > max_code_points) {
    return std::to_string(count) + (count > 1 ? " caractères, " : " caractère, ") +
           std::to_string(max_code_points) + " au plus";
  }
  return std::nullopt;
}

std::string strip_bom(std::string_view s) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (s.substr(0, kBom.size()) == kBom) s.remove_prefix(kBom.size());
  return std::string(s);
}

}  // namespace aap::text
