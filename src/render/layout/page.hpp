// The result of the layout: pages of positioned drawing operations, replayed on any Canvas.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "render/layout/canvas.hpp"
#include "render/layout/text_measurer.hpp"

namespace aap::render {

struct TextOp {
  double x_pt = 0;
  double baseline_pt = 0;
  std::string text;
  Face face = Face::regular;
  double size_pt = 0;
};

struct LineOp {
  double x0_pt = 0, y0_pt = 0, x1_pt = 0, y1_pt = 0;
  double width_pt = 0.5;
};

struct RectOp {
  double x_pt = 0, y_pt = 0, width_pt = 0, height_pt = 0;
  double gray = 0.9;
};

using DrawOp = std::variant<TextOp, LineOp, RectOp>;

struct Page {
  std::vector<DrawOp> ops;
};

struct LaidOutDocument {
  double width_pt = 0;
  double height_pt = 0;
  std::vector<Page> pages;
};

/// Replays every page on `canvas`, in order.
void paint(const LaidOutDocument& laid_out, Canvas& canvas);

}  // namespace aap::render
