#include "text/position.hpp"

namespace aap::text {

TextPosition position_of_offset(std::string_view text, std::size_t offset) {
  TextPosition p;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((byte & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

}  // namespace aap::text
