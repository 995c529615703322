// The layout engine: a doc::Document becomes pages of positioned text and lines, independent of any PDF library.
#pragma once

#include <stdexcept>

#include "render/document/document.hpp"
#include "render/layout/page.hpp"
#include "render/layout/text_measurer.hpp"

namespace aap::render {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double mm(double millimetres) { return millimetres * kPointsPerMm; }

/// What cannot be laid out (an address too long for the envelope window).
class LayoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Page geometry and type sizes, in points. The defaults are the French A4 business letter (NF Z 11-001) with a window envelope.
struct LayoutStyle {
  double page_width_pt = mm(210);
  double page_height_pt = mm(297);
  double margin_left_pt = mm(20);
  double margin_right_pt = mm(20);
  double margin_top_pt = mm(15);
  double margin_bottom_pt = mm(20);
  double body_size_pt = 10.5;
  double leading = 1.3;  // line height over font size
  double paragraph_space_pt = 6;
  double table_size_pt = 9.5;
  double letterhead_size_pt = 9.5;
  double footer_size_pt = 8;
  double footer_baseline_from_bottom_pt = mm(12);
  // The window-envelope frame: 85 × 33 mm, 110 mm from the left, 55 mm from the top.
  double window_left_pt = mm(110);
  double window_top_pt = mm(55);
  double window_width_pt = mm(85);
  double window_height_pt = mm(33);
  double window_padding_pt = mm(4);
  double address_size_pt = 10;
  bool hyphenate = true;  // French patterns; off, only explicit and soft hyphens break words
};

/// Lays out every block, then adds the footer (`footer_left`, and "Page N/M" on the right) to every page.
/// Throws MissingGlyph (with the paragraph or cell text), InvalidText or LayoutError.
LaidOutDocument layout_document(const doc::Document& document, const TextMeasurer& measurer,
                                const LayoutStyle& style = {});

/// The widths in points of a table's columns across the text width: by weight, but never narrower than a
/// column's longest unbreakable run, so that an amount stays with its €. The ODT uses the same widths.
std::vector<double> table_column_widths(const doc::Table& table, const TextMeasurer& measurer,
                                        const LayoutStyle& style = {});

}  // namespace aap::render
