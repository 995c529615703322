// XML escaping and cleaning for the ODT parts.
#include "render/odt/xml_text.hpp"

#include "text/utf8.hpp"

namespace aap::render::odt {

namespace {

// Decodes one UTF-8 sequence at `i`; returns U+FFFD and advances one byte when the sequence is invalid.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const text::CodePointAt at = text::decode_at(s, i);
  if (at.length == 0) {
    ++i;
    return 0xFFFD;
  }
  i += at.length;
  return at.value;
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
      aap::text::append_utf8(out, cp);
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
