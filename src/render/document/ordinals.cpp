// Finding ordinals in figures and setting their letters apart.
#include "render/document/ordinals.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

namespace aap::doc {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The code point whose first byte is at `i` (the text is valid UTF-8: the markup checked it).
char32_t code_point_at(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  const auto next = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F) : 0;
  };
  if (b < 0x80) return b;
  if (b < 0xE0) return (static_cast<char32_t>(b & 0x1F) << 6) | next(1);
  if (b < 0xF0) return (static_cast<char32_t>(b & 0x0F) << 12) | (next(1) << 6) | next(2);
  return (static_cast<char32_t>(b & 0x07) << 18) | (next(1) << 12) | (next(2) << 6) | next(3);
}

// Letters and digits continue a word; spaces, punctuation and symbols (U+00A0–U+00BF, ×, ÷, U+2000 on) end it.
bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  return c < 0x2000;
}

bool word_char_before(std::string_view s, std::size_t i) {
  if (i == 0) return false;
  std::size_t k = i - 1;
  while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
  return is_word_char(code_point_at(s, k));
}

bool word_char_at(std::string_view s, std::size_t i) { return i < s.size() && is_word_char(code_point_at(s, i)); }

// The ordinal suffix starting at `at`, longest first; 0 when none.
std::size_t suffix_length(std::string_view s, std::size_t at) {
  static constexpr std::array<std::string_view, 6> kSuffixes = {"ers", "res", "er", "re", "es", "e"};
  for (std::string_view suffix : kSuffixes) {
    if (s.substr(at, suffix.size()) == suffix && !word_char_at(s, at + suffix.size())) return suffix.size();
  }
  return 0;
}

// Where, in `text`, the ordinals' letters are: [begin, end) byte ranges.
std::vector<std::pair<std::size_t, std::size_t>> ordinal_letters(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    // The figures start a word: not "A4e", nor the decimals of "1,5e" or "10.5e".
    const bool decimals = i >= 2 && (text[i - 1] == ',' || text[i - 1] == '.') && is_digit(text[i - 2]);
    if (!word_char_before(text, i) && !decimals) {
      if (const std::size_t n = suffix_length(text, j); n > 0) out.emplace_back(j, j + n);
    }
    i = j;
  }
  return out;
}

}  // namespace

void mark_ordinals(Inline& spans) {
  // Most blocks have no figure at all: nothing to join nor to look for.
  const bool figures = std::any_of(spans.begin(), spans.end(), [](const Span& s) {
    return std::any_of(s.text.begin(), s.text.end(), is_digit);
  });
  if (!figures) return;
  // Found on the joined text, so that "{{rang}}e" (a value, then the template's letter) is found too.
  std::string joined;
  for (const Span& s : spans) joined += s.text;
  const auto ranges = ordinal_letters(joined);
  if (ranges.empty()) return;
  Inline out;
  out.reserve(spans.size() + 2 * ranges.size());
  std::size_t span_start = 0;
  std::size_t r = 0;
  for (Span& span : spans) {
    const std::size_t span_end = span_start + span.text.size();
    std::size_t from = span_start;
    while (from < span_end) {
      while (r < ranges.size() && ranges[r].second <= from) ++r;
      std::size_t to = span_end;
      bool superscript = false;
      if (r < ranges.size() && ranges[r].first <= from) {
        superscript = true;
        to = std::min(span_end, ranges[r].second);
      } else if (r < ranges.size() && ranges[r].first < span_end) {
        to = ranges[r].first;
      }
      Span piece = span;
      piece.text = joined.substr(from, to - from);
      piece.superscript = span.superscript || superscript;
      out.push_back(std::move(piece));
      from = to;
    }
    span_start = span_end;
  }
  spans = std::move(out);
}

Inline with_ordinals(const std::string& text, bool keep_whole) {
  Span span;
  span.text = text;
  span.keep_whole = keep_whole;
  Inline spans{std::move(span)};
  mark_ordinals(spans);
  return spans;
}

}  // namespace aap::doc
