// Internal to the layout: blocks prepared into rows of drawing operations, then paginated.
#pragma once

#include <cstddef>
#include <variant>
#include <vector>

#include "render/document/document.hpp"
#include "render/layout/layout.hpp"
#include "render/layout/line_breaker.hpp"
#include "render/layout/page.hpp"

namespace aap::render::detail {

/// A line of text or a table row: operations with y relative to the row's top.
struct Row {
  double height_pt = 0;
  std::vector<DrawOp> ops;
};

/// A paragraph, heading, list item or letter block: lines that may break between pages.
struct LinesUnit {
  std::vector<Row> lines;
  double space_before_pt = 0;
  double space_after_pt = 0;
  std::size_t min_first = 2;  // orphans: lines kept at the foot of a page
  std::size_t min_last = 2;   // widows: lines carried to the next page
  bool keep_together = false;
  bool keep_with_next = false;
  bool beside_previous = false;  // level with the previous unit's top (the date beside the timbre)
  double x0_pt = 0;
  double x1_pt = 0;
};

struct TableUnit {
  std::vector<Row> header;
  std::vector<Row> rows;
  double space_before_pt = 0;
  double space_after_pt = 0;
  double x0_pt = 0;
  double x1_pt = 0;
  double border_pt = 0.5;
};

struct BreakUnit {};

/// Drawn at a fixed place of the page its block falls on; the flow keeps clear of `zone`.
struct WindowUnit {
  std::vector<DrawOp> ops;
  double zone_x0_pt = 0, zone_y0_pt = 0, zone_x1_pt = 0, zone_y1_pt = 0;
};

using Unit = std::variant<LinesUnit, TableUnit, BreakUnit, WindowUnit>;

/// One row per line of text, the text starting at `x_left_pt`, belonging to structure node `node`.
Row text_row(const TextLine& line, double x_left_pt, double line_height_pt, double size_pt, NodeId node);
/// Moves an operation by (dx, dy).
DrawOp shifted(const DrawOp& op, double dx_pt, double dy_pt);
/// The same, for an operation the caller no longer needs: its text is moved, not copied.
DrawOp shifted(DrawOp&& op, double dx_pt, double dy_pt);

/// The units of `document`, and its logical structure into `structure` (node 0 the Document).
std::vector<Unit> prepare_blocks(const doc::Document& document, const TextMeasurer& measurer,
                                 const LayoutStyle& style, std::vector<StructNode>& structure);
/// A Table node under `parent`, a TR per row, a TH (header rows) or TD per cell, empty cells included.
TableUnit prepare_table(const doc::Table& table, const TextMeasurer& measurer, const LayoutStyle& style,
                        std::vector<StructNode>& structure, NodeId parent);
/// Adds a node to `structure`, returns its id.
NodeId add_node(std::vector<StructNode>& structure, StructRole role, NodeId parent,
                ListNumbering numbering = ListNumbering::none);
std::vector<Page> paginate(const std::vector<Unit>& units, const LayoutStyle& style);

}  // namespace aap::render::detail
