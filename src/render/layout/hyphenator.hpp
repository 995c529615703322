// French hyphenation with libhyphen: loaded once, shared read-only by every document and thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

typedef struct _HyphenDict HyphenDict;

namespace aap::render {

class Hyphenator {
 public:
  /// Loads a libhyphen pattern file; throws std::runtime_error when it cannot.
  explicit Hyphenator(const std::string& dictionary_path);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Byte offsets inside `word` (UTF-8 letters only) after which a hyphen may be inserted,
  /// ascending; at least 2 letters before a break and 3 after.
  std::vector<std::size_t> break_points(std::string_view word) const;

  /// The French patterns of /usr/share/hyphen/hyph_fr.dic, loaded on first use.
  static const Hyphenator& french();

 private:
  HyphenDict* dict_;
};

}  // namespace aap::render
