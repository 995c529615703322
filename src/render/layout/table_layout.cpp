// Prepares a table: column widths from weights and unbreakable runs, wrapped cells, borders, header rows, over-tall rows split.
#include <algorithm>
#include <numeric>

#include "render/layout/hyphenator.hpp"
#include "render/layout/units.hpp"
#include "render/layout/utf8.hpp"

namespace aap::render::detail {

namespace {

constexpr double kCellPaddingXPt = 4;
constexpr double kCellPaddingYPt = 3;
constexpr double kTableLeading = 1.25;
constexpr double kHeaderGray = 0.88;
constexpr double kBorderPt = 0.5;

constexpr char32_t kSoftHyphen = 0x00AD;

// The widest stretch of `cell` the line breaker may not break: words joined by U+00A0 or U+202F stay one
// run ("12 500,50 €"); a run ends at a space, a forced break, after a hyphen, or at a soft hyphen (where
// a "-" is drawn). A column narrower than this would cut an amount from its € or a SIRET in two. A name from
// the data is one run across its hyphens: "Aix-en-Provence" is not broken after "Aix-en-".
double longest_run(const doc::Inline& cell, bool header, const TextMeasurer& measurer, double size_pt) {
  double longest = 0;
  double run = 0;
  for (const auto& span : cell) {
    const Face face = face_of(header || span.bold, span.italic);
    const std::string_view text = span.text;
    // A piece is a slice of the span's text, measured as it is; only a soft hyphen's piece is copied, to
    // measure it with the "-" drawn in its place.
    std::size_t piece_start = 0;
    const auto end_run = [&](std::size_t piece_end, bool soft_hyphen) {
      if (soft_hyphen) {
        run += measurer.width(std::string(text.substr(piece_start, piece_end - piece_start)) + '-', face, size_pt);
      } else if (piece_end > piece_start) {
        run += measurer.width(text.substr(piece_start, piece_end - piece_start), face, size_pt);
      }
      longest = std::max(longest, run);
      run = 0;
    };
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t at = pos;
      const auto d = utf8::decode(text, pos);
      pos += d.length;
      if (d.code_point == U' ' || d.code_point == U'\n') {
        end_run(at, false);
        piece_start = pos;
      } else if (d.code_point == kSoftHyphen) {
        end_run(at, true);
        piece_start = pos;
      } else if (d.code_point == U'-' && !span.keep_whole) {
        end_run(pos, false);
        piece_start = pos;
      }
    }
    if (text.size() > piece_start) run += measurer.width(text.substr(piece_start), face, size_pt);
  }
  return std::max(longest, run);
}

// When the minima exceed the width, it is the widest that give way: each is lowered to one common ceiling,
// found so that the minima then fill the width, while the narrow ones (amounts, ranks, SIRET) keep theirs.
// A 300-character word in a title column is then broken inside, not the grant beside it digit by digit.
std::vector<double> capped_minima(std::vector<double> minima, double width) {
  const double needed = std::accumulate(minima.begin(), minima.end(), 0.0);
  if (needed <= width || minima.empty()) return minima;
  std::vector<double> sorted = minima;
  std::sort(sorted.begin(), sorted.end());
  // Columns below the ceiling keep their minimum; the k widest share what is left equally.
  double below = 0;
  double ceiling = 0;
  const std::size_t n = sorted.size();
  for (std::size_t i = 0; i < n; ++i) {
    const double candidate = (width - below) / static_cast<double>(n - i);
    if (candidate <= sorted[i]) {
      ceiling = candidate;
      break;
    }
    below += sorted[i];
  }
  // Even equal shares cannot hold the narrow columns: the caller shrinks everything in proportion.
  if (ceiling <= 0) return minima;
  for (double& m : minima) m = std::min(m, ceiling);
  return minima;
}

// Widths by weight, but never below a column's minimum: columns the weights would make too narrow get
// their minimum and the others share what is left by weight, until every column fits. When the minima
// alone exceed the width, they are shrunk in proportion (breaking inside runs cannot then be avoided).
std::vector<double> column_widths(const std::vector<int>& weights, const std::vector<double>& minima,
                                  double width) {
  const std::size_t n = weights.size();
  std::vector<double> out(n, 0);
  const double needed = std::accumulate(minima.begin(), minima.end(), 0.0);
  if (needed >= width) {
    for (std::size_t c = 0; c < n; ++c) {
      out[c] = needed > 0 ? width * minima[c] / needed : width / static_cast<double>(n);
    }
    return out;
  }
  std::vector<bool> pinned(n, false);
  for (bool changed = true; changed;) {
    changed = false;
    double free_width = width;
    long free_weight = 0;
    for (std::size_t c = 0; c < n; ++c) {
      if (pinned[c]) {
        free_width -= minima[c];
      } else {
        free_weight += weights[c];
      }
    }
    for (std::size_t c = 0; c < n; ++c) {
      if (pinned[c]) {
        out[c] = minima[c];
        continue;
      }
      out[c] = free_width * static_cast<double>(weights[c]) / static_cast<double>(free_weight);
      if (out[c] < minima[c]) {
        pinned[c] = true;
        changed = true;
      }
    }
  }
  return out;
}

class TableBuilder {
 public:
  TableBuilder(const doc::Table& table, const TextMeasurer& measurer, const LayoutStyle& style,
               std::vector<StructNode>& structure, NodeId table_node)
      : table_(table),
        measurer_(measurer),
        style_(style),
        structure_(structure),
        table_node_(table_node),
        size_(style.table_size_pt),
        line_h_(size_ * kTableLeading) {
    double x = style.margin_left_pt;
    edges_.push_back(x);
    for (double w : table_column_widths(table, measurer, style)) {
      x += w;
      edges_.push_back(x);
    }
  }

  TableUnit run() {
    TableUnit unit;
    unit.x0_pt = edges_.front();
    unit.x1_pt = edges_.back();
    unit.border_pt = kBorderPt;
    unit.space_before_pt = style_.paragraph_space_pt;
    unit.space_after_pt = style_.paragraph_space_pt * 1.5;
    for (std::size_t i = 0; i < table_.header.size(); ++i) {
      add_rows(unit.header, table_.header[i], true, i == 0, 0);
    }
    double header_h = 0;
    for (const auto& r : unit.header) header_h += r.height_pt;
    // A row taller than a page (below the repeated header) is split between lines, never inside one.
    const double max_h = style_.page_height_pt - style_.margin_top_pt - style_.margin_bottom_pt - header_h - 1;
    for (const auto& r : table_.rows) add_rows(unit.rows, r, false, false, max_h);
    return unit;
  }

 private:
  std::size_t columns() const { return edges_.size() - 1; }

  double longest_run_pt(const doc::Inline& cell, bool header) const {
    try {
      return longest_run(cell, header, measurer_, size_);
    } catch (const MissingGlyph& e) {
      throw MissingGlyph(e.code_point(), plain_text(cell));
    }
  }

  doc::Align align(std::size_t c) const {
    const doc::Align a = c < table_.columns.size() ? table_.columns[c].align : doc::Align::left;
    // Justified cells would stretch a few words across a narrow column: left is easier to read.
    return a == doc::Align::justify ? doc::Align::left : a;
  }

  void add_rows(std::vector<Row>& out, const std::vector<doc::Inline>& cells, bool header, bool top_border,
                double max_h) const {
    std::vector<std::vector<TextLine>> cell_lines(columns());
    // A row, and a cell in every column (empty ones too: the table stays regular for a screen reader).
    const NodeId row_node = add_node(structure_, StructRole::tr, table_node_);
    std::vector<NodeId> cell_nodes(columns());
    for (auto& n : cell_nodes) n = add_node(structure_, header ? StructRole::th : StructRole::td, row_node);
    std::size_t tallest = 0;
    for (std::size_t c = 0; c < columns(); ++c) {
      if (c >= cells.size()) continue;
      LineBreakOptions o;
      o.width_pt = edges_[c + 1] - edges_[c] - 2 * kCellPaddingXPt;
      o.size_pt = size_;
      o.align = align(c);
      o.force_bold = header;
      o.hyphenator = style_.hyphenate ? &Hyphenator::french() : nullptr;
      cell_lines[c] = break_lines(cells[c], o, measurer_);
      tallest = std::max(tallest, cell_lines[c].size());
    }
    tallest = std::max<std::size_t>(tallest, 1);
    std::size_t per_chunk = tallest;
    if (max_h > 0) {
      const auto fit = static_cast<std::size_t>((max_h - 2 * kCellPaddingYPt) / line_h_);
      per_chunk = std::max<std::size_t>(fit, 1);
    }
    for (std::size_t first = 0; first < tallest; first += per_chunk) {
      const std::size_t count = std::min(per_chunk, tallest - first);
      out.push_back(make_row(cell_lines, cell_nodes, first, count, header, top_border && first == 0));
    }
  }

  Row make_row(const std::vector<std::vector<TextLine>>& cell_lines, const std::vector<NodeId>& cell_nodes,
               std::size_t first, std::size_t count, bool header, bool top_border) const {
    Row row;
    row.height_pt = static_cast<double>(count) * line_h_ + 2 * kCellPaddingYPt;
    if (header) {
      row.ops.push_back(RectOp{edges_.front(), 0, edges_.back() - edges_.front(), row.height_pt, kHeaderGray});
    }
    for (std::size_t c = 0; c < columns(); ++c) {
      for (std::size_t i = first; i < std::min(first + count, cell_lines[c].size()); ++i) {
        Row line = text_row(cell_lines[c][i], edges_[c] + kCellPaddingXPt, line_h_, size_, cell_nodes[c]);
        const double y = kCellPaddingYPt + static_cast<double>(i - first) * line_h_;
        for (auto& op : line.ops) row.ops.push_back(shifted(std::move(op), 0, y));
      }
    }
    if (top_border) row.ops.push_back(LineOp{edges_.front(), 0, edges_.back(), 0, kBorderPt});
    row.ops.push_back(LineOp{edges_.front(), row.height_pt, edges_.back(), row.height_pt, kBorderPt});
    for (double x : edges_) row.ops.push_back(LineOp{x, 0, x, row.height_pt, kBorderPt});
    return row;
  }

  const doc::Table& table_;
  const TextMeasurer& measurer_;
  const LayoutStyle& style_;
  std::vector<StructNode>& structure_;
  NodeId table_node_;
  double size_;
  double line_h_;
  std::vector<double> edges_;
};

}  // namespace

TableUnit prepare_table(const doc::Table& table, const TextMeasurer& measurer, const LayoutStyle& style,
                        std::vector<StructNode>& structure, NodeId parent) {
  return TableBuilder(table, measurer, style, structure, parent).run();
}

}  // namespace aap::render::detail

namespace aap::render {

std::vector<double> table_column_widths(const doc::Table& table, const TextMeasurer& measurer,
                                        const LayoutStyle& style) {
  using namespace detail;
  // LibreOffice and Word measure a bold word a little wider than our metrics do (hinting, rounding) and
  // take the cell border from the content width: without this margin they broke the header "Rang" as
  // "Ran/g" in the ODT. Two points are invisible in the PDF.
  constexpr double kColumnSlackPt = 2;
  const double size = style.table_size_pt;
  std::size_t columns = table.columns.size();
  for (const auto& r : table.header) columns = std::max(columns, r.size());
  for (const auto& r : table.rows) columns = std::max(columns, r.size());
  std::vector<int> weights;
  for (std::size_t c = 0; c < columns; ++c) {
    const int w = c < table.columns.size() ? table.columns[c].width_weight : 1;
    weights.push_back(std::max(w, 1));
  }
  std::vector<double> minima(columns, 0);
  const auto widen = [&](const std::vector<doc::Inline>& row, bool header) {
    for (std::size_t c = 0; c < row.size() && c < columns; ++c) {
      double run = 0;
      try {
        run = longest_run(row[c], header, measurer, size);
      } catch (const MissingGlyph& e) {
        throw MissingGlyph(e.code_point(), plain_text(row[c]));
      }
      minima[c] = std::max(minima[c], run + 2 * kCellPaddingXPt + kColumnSlackPt);
    }
  };
  for (const auto& r : table.header) widen(r, true);
  for (const auto& r : table.rows) widen(r, false);
  const double width = style.page_width_pt - style.margin_left_pt - style.margin_right_pt;
  return column_widths(weights, capped_minima(std::move(minima), width), width);
}

}  // namespace aap::render
