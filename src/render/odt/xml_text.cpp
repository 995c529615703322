// XML escaping and cleaning for the ODT parts.
#include "render/odt/xml_text.hpp"
#include "text/utf8.hpp"

#include <cstdint>

namespace aap::render::odt {

namespace {

// Decodes one UTF-8 sequence at `i`; returns U+FFFD and advances one byte when the sequence is invalid.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, cp = b0 & 0x1Fu, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, cp = b0 & 0x0Fu, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, cp = b0 & 0x07u, min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(length) > s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k < length; ++k) {
    const unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += static_cast<std::size_t>(length);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  out += text::encode_utf8(std::u32string(1, static_cast<char32_t>(cp)));
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(text, i);
    switch (cp) {
      case '&': out += "&amp;"; continue;
      case '<': out += "&lt;"; continue;
      case '>': out += "&gt;"; continue;
      case '"': out += "&quot;"; continue;
      case '\'': out += "&apos;"; continue;
      default: break;
    }
    // XML 1.0 forbids most C0 controls; C1 controls and the two non-characters are legal but meaningless
    // in a document and break some readers.
    const bool control = (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) || cp == 0xFFFE ||
                         cp == 0xFFFF;
    if (control) continue;
    if (cp == 0xFFFD && text.substr(start, i - start) != "\uFFFD") {
      append_utf8(out, cp);
      continue;
    }
    out.append(text.substr(start, i - start));
  }
  return out;
}

std::string mm_text(long hundredths) {
  const bool negative = hundredths < 0;
  const long v = negative ? -hundredths : hundredths;
  const long cents = v % 100;
  return (negative ? "-" : "") + std::to_string(v / 100) + "." + (cents < 10 ? "0" : "") + std::to_string(cents) + "mm";
}

}  // namespace aap::render::odt
