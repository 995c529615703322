// Maps each field path of a JSON text ("training.sessions[1].women", "[2].id") to its line, since
// nlohmann-json keeps no positions; also finds duplicate keys, which nlohmann silently collapses.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/position.hpp"

namespace aap::json {

/// A key written twice in the same object: the second occurrence.
struct DuplicateKey {
  std::string path;  // "training.title", or "[1].training.title" in an array file
  int line = 0;
};

class JsonLocator {
 public:
  /// Scans `text` once. Meant for text nlohmann accepted, but never fails or reads out of bounds on any
  /// input: what it cannot make sense of it simply does not record.
  explicit JsonLocator(std::string_view text);

  /// The 1-based line of `path`: the line of its key for an object member, of the value's first
  /// character for an array element or the root (""). 0 when the path is not in the text.
  int line_of(std::string_view path) const;
  /// The line of `path`, else of its nearest enclosing path present ("a.b[2].c" → "a.b[2]" → "a.b" →
  /// "a" → ""): where a missing field should have been.
  int line_of_nearest(std::string_view path) const;

  const std::vector<DuplicateKey>& duplicates() const { return duplicates_; }

 private:
  std::unordered_map<std::string, int> lines_;
  std::vector<DuplicateKey> duplicates_;
};

/// The path one level up: "a.b[2].c" → "a.b[2]" → "a.b" → "a" → ""; "[3]" → "".
std::string parent_path(std::string_view path);

using text::position_of_offset;
using text::TextPosition;

}  // namespace aap::json
