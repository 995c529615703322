// The result of the layout: pages of positioned drawing operations, replayed on any Canvas, and the
// document's logical structure that the text belongs to (a tagged PDF's structure tree).
#pragma once

#include <cstdint>
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
  NodeId node = kPaginationArtifact;  // the structure element the text belongs to, or an artifact
};

/// Rules and shading: always artifacts (borders, a header row's background).
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

/// What a structure element is (ISO 32000-1 14.8.4).
enum class StructRole : std::uint8_t { document, div, h1, h2, h3, p, l, li, lbl, lbody, table, tr, th, td };
enum class ListNumbering : std::uint8_t { none, decimal, disc };

/// A node of the logical structure; its children are the nodes that name it as parent, in their order.
struct StructNode {
  StructRole role = StructRole::p;
  NodeId parent = 0;
  ListNumbering numbering = ListNumbering::none;  // for L
};

struct LaidOutDocument {
  double width_pt = 0;
  double height_pt = 0;
  std::vector<Page> pages;
  /// In document order, node 0 the Document. A node's text comes in the page order of its operations.
  std::vector<StructNode> structure;
};

/// Replays every page on `canvas`, in order.
void paint(const LaidOutDocument& laid_out, Canvas& canvas);

}  // namespace aap::render
