// Backslash-escaping of template values for the Markdown-subset markup.
#include "render/markup/escape.hpp"

#include <algorithm>
#include <array>

namespace aap::markup {

namespace {

constexpr bool is_ascii_punctuation(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

constexpr bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// U+E000–U+E00F in UTF-8: the private markers the parser puts in place of "->", "<-" and line starts.
bool is_marker(std::string_view s, std::size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEE &&
         static_cast<unsigned char>(s[i + 1]) == 0x80 && (static_cast<unsigned char>(s[i + 2]) & 0xF0) == 0x80;
}

// The bytes escape() copies as they are: neither ASCII punctuation, nor a blank other than the space, nor
// the lead byte 0xEE of a marker.
constexpr std::array<bool, 256> kPlain = [] {
  std::array<bool, 256> plain{};
  for (int b = 0; b < 256; ++b) {
    const auto c = static_cast<char>(b);
    plain[static_cast<std::size_t>(b)] = (c == ' ' || !is_blank(c)) && !is_ascii_punctuation(c) && b != 0xEE;
  }
  return plain;
}();

}  // namespace

std::string escape(std::string_view value) {
  std::size_t first = 0;
  std::size_t last = value.size();
  while (first < last && is_blank(value[first])) ++first;
  while (last > first && is_blank(value[last - 1])) --last;
  value = value.substr(first, last - first);

  // At most two bytes out for each byte in: written through a pointer, then cut to length. Runs of bytes
  // that need nothing are copied whole (most of a value: letters, digits, spaces, UTF-8).
  std::string out(2 * value.size(), '\0');
  char* o = out.data();
  for (std::size_t i = 0; i < value.size();) {
    std::size_t plain = i;
    while (plain < value.size() && kPlain[static_cast<unsigned char>(value[plain])]) ++plain;
    o = std::copy(value.data() + i, value.data() + plain, o);
    i = plain;
    if (i == value.size()) break;
    const char c = value[i];
    if (is_marker(value, i)) {
      i += 3;
    } else if (is_ascii_punctuation(c)) {
      *o++ = '\\';
      *o++ = c;
      ++i;
    } else if (is_blank(c)) {
      *o++ = ' ';
      ++i;
    } else {
      *o++ = c;
      ++i;
    }
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return out;
}

std::string escape_value(std::string_view value) {
  std::string escaped = escape(value);
  if (escaped.empty()) return escaped;
  std::string out;
  out.reserve(escaped.size() + kValueStart.size() + kValueEnd.size());
  out += kValueStart;
  out += escaped;
  out += kValueEnd;
  return out;
}

}  // namespace aap::markup
