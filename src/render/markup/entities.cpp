// Character entities, decoded as md4c reports them in the documents and as the plain-text templates use them.
#include "render/markup/entities.hpp"

#include <array>
#include <utility>

#include "text/utf8.hpp"

namespace aap::markup {

namespace {

// The longest entity decode_entity knows: "&#x10FFFF;" and "&hellip;" are shorter.
constexpr std::size_t kLongestEntity = 12;

bool is_entity_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#';
}

}  // namespace

std::string decode_entity(std::string_view e) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kNamed = {{
      {"&nbsp;", "\u00A0"}, {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
      {"&apos;", "’"}, {"&laquo;", "«"}, {"&raquo;", "»"}, {"&euro;", "€"}, {"&hellip;", "…"},
      {"&ndash;", "–"}, {"&mdash;", "—"}, {"&rsquo;", "’"}, {"&oelig;", "œ"},
  }};
  for (const auto& [name, text] : kNamed) {
    if (e == name) return std::string(text);
  }
  if (e.substr(0, 2) == "&#" && e.back() == ';' && e.size() > 3) {
    const bool hex = e[2] == 'x' || e[2] == 'X';
    const std::string_view digits = e.substr(hex ? 3 : 2, e.size() - (hex ? 4 : 3));
    char32_t cp = 0;
    for (const char c : digits) {
      int d = -1;
      if (c >= '0' && c <= '9') d = c - '0';
      if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
      if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
      if (d < 0 || cp > 0x10FFFF) return std::string(e);
      cp = cp * (hex ? 16u : 10u) + static_cast<char32_t>(d);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::string(e);
    return text::encode_utf8(std::u32string(1, cp));
  }
  return std::string(e);
}

std::string decode_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  for (std::size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
    if (amp < copied) continue;  // inside an entity already decoded
    std::size_t end = amp + 1;
    while (end < text.size() && end - amp < kLongestEntity && is_entity_char(text[end])) ++end;
    if (end >= text.size() || text[end] != ';') continue;
    const std::string_view entity = text.substr(amp, end + 1 - amp);
    std::string decoded = decode_entity(entity);
    if (decoded == entity) continue;
    out.append(text, copied, amp - copied);
    out += decoded;
    copied = end + 1;
  }
  out.append(text, copied, std::string_view::npos);
  return out;
}

}  // namespace aap::markup
