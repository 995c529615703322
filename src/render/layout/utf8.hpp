// Minimal UTF-8 stepping for the layout: decode at a byte offset, encode, classify letters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aap::render::utf8 {

struct Decoded {
  char32_t code_point;
  std::size_t length;  // bytes
};

/// The code point starting at byte `pos` of `s`; throws InvalidText on malformed UTF-8.
Decoded decode(std::string_view s, std::size_t pos);

void append(std::string& out, char32_t code_point);

/// Latin letters, accented or not (enough to find the words French hyphenation applies to).
bool is_letter(char32_t c);

/// Lower case for the Latin-1 and Latin Extended-A capitals French uses; other code points unchanged.
char32_t to_lower(char32_t c);

}  // namespace aap::render::utf8
