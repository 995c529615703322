// The layout's use of the one UTF-8 decoder (text/utf8.hpp): here malformed text is an error that stops the
// document (InvalidText), never a character skipped; letters and case come from text/latin.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/latin.hpp"
#include "text/utf8.hpp"

namespace aap::render::utf8 {

struct Decoded {
  char32_t code_point;
  std::size_t length;  // bytes
};

/// Throws InvalidText naming the start of `s`.
[[noreturn]] void invalid(std::string_view s);

/// The code point starting at byte `pos` of `s`; throws InvalidText on malformed UTF-8.
inline Decoded decode(std::string_view s, std::size_t pos) {
  const text::CodePointAt at = text::decode_at(s, pos);
  if (at.length == 0) invalid(s);
  return {at.value, at.length};
}

inline void append(std::string& out, char32_t code_point) { text::append_utf8(out, code_point); }

/// Latin letters, accented or not (enough to find the words French hyphenation applies to).
inline bool is_letter(char32_t c) { return text::is_latin_letter(c); }

inline char32_t to_lower(char32_t c) { return text::to_lower(c); }

}  // namespace aap::render::utf8
