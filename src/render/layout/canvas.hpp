// What the layout draws on: pages of text, lines and grey rectangles. The PDF backend implements it.
#pragma once

#include <cstdint>
#include <string_view>

#include "render/layout/text_measurer.hpp"

namespace aap::render {

/// The structure element a piece of text belongs to (an index into LaidOutDocument::structure), or one
/// of the two kinds of artifact: running footers, page numbers and repeated table headers (pagination),
/// and rules and shading (layout, which lines and rectangles always are).
using NodeId = std::uint32_t;
inline constexpr NodeId kPaginationArtifact = 0xFFFFFFFEU;
inline constexpr NodeId kLayoutArtifact = 0xFFFFFFFFU;

/// Coordinates are points from the top-left corner of the page, y growing downwards.
class Canvas {
 public:
  virtual ~Canvas() = default;
  virtual void begin_page(double width_pt, double height_pt) = 0;
  /// `text` starts at `x_pt` on the baseline `baseline_pt`; it belongs to `node`.
  virtual void text(double x_pt, double baseline_pt, std::string_view text, Face face, double size_pt,
                    NodeId node) = 0;
  virtual void line(double x0_pt, double y0_pt, double x1_pt, double y1_pt, double width_pt) = 0;
  /// `gray` from 0 (black) to 1 (white).
  virtual void fill_rect(double x_pt, double y_pt, double width_pt, double height_pt, double gray) = 0;
  virtual void end_page() = 0;
};

}  // namespace aap::render
