// Breaks rich text into lines of a given width: greedy fill, French hyphenation, alignment, justification.
#pragma once

#include <string>
#include <vector>

#include "render/document/document.hpp"
#include "render/layout/hyphenator.hpp"
#include "render/layout/text_measurer.hpp"

namespace aap::render {

/// A run of text in one face, `x_pt` from the left edge of the line's box.
struct PlacedText {
  double x_pt = 0;
  std::string text;
  Face face = Face::regular;
  double width_pt = 0;
  bool superscript = false;  // drawn at doc::kSuperscriptScale of the size, raised by doc::kSuperscriptRise
  bool space_after = false;  // a word space follows (before the next piece, or where the line breaks)
};

struct TextLine {
  std::vector<PlacedText> pieces;
  double natural_width_pt = 0;  // before justification
};

struct LineBreakOptions {
  double width_pt = 0;
  double size_pt = 10.5;
  doc::Align align = doc::Align::justify;
  bool force_bold = false;
  /// Null: no dictionary hyphenation (explicit and soft hyphens still break; over-long words are cut).
  const Hyphenator* hyphenator = nullptr;
};

/// Lines of `content`, none wider than `width_pt`. Breaks at U+0020 (never at U+00A0 or U+202F), after a
/// hyphen inside a word, at U+00AD (drawn as "-" only there) and at the dictionary's points when a line
/// would otherwise stay loose; '\n' forces a break. A word wider than a whole line is hyphenated, or cut
/// between characters as a last resort. A word holding a `keep_whole` span (a name, a figure in words) is
/// never hyphenated: it moves to the next line whole, and only one wider than a whole line is broken, after
/// its own hyphens or else between characters. Justified lines spread the spare width over their spaces; the last
/// line and lines ended by '\n' are left-aligned. A MissingGlyph is rethrown with the whole text.
std::vector<TextLine> break_lines(const doc::Inline& content, const LineBreakOptions& options,
                                  const TextMeasurer& measurer);

/// The spans' text joined, for messages.
std::string plain_text(const doc::Inline& content);

}  // namespace aap::render
