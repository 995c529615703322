// Where a byte offset falls in a text, as an editor shows it: for the messages about JSON inputs and
// templates alike.
#pragma once

#include <cstddef>
#include <string_view>

namespace aap::text {

/// 1-based line and column; columns count characters (UTF-8 continuation bytes do not advance).
struct TextPosition {
  int line = 1;
  int column = 1;
};

/// The position of the 0-based byte `offset` of `text` (its end when `offset` is past it).
TextPosition position_of_offset(std::string_view text, std::size_t offset);

}  // namespace aap::text
