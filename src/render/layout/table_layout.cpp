// Prepares a table: column widths from weights, wrapped cells, borders, header rows, over-tall rows split.
#include <algorithm>
#include <numeric>

#include "render/layout/hyphenator.hpp"
#include "render/layout/units.hpp"

namespace aap::render::detail {

namespace {

constexpr double kCellPaddingXPt = 4;
constexpr double kCellPaddingYPt = 3;
constexpr double kTableLeading = 1.25;
constexpr double kHeaderGray = 0.88;
constexpr double kBorderPt = 0.5;

class TableBuilder {
 public:
  TableBuilder(const doc::Table& table, const TextMeasurer& measurer, const LayoutStyle& style)
      : table_(table), measurer_(measurer), style_(style), size_(style.table_size_pt), line_h_(size_ * kTableLeading) {
    std::size_t columns = table.columns.size();
    for (const auto& r : table.header) columns = std::max(columns, r.size());
    for (const auto& r : table.rows) columns = std::max(columns, r.size());
    std::vector<int> weights;
    for (std::size_t c = 0; c < columns; ++c) {
      const int w = c < table.columns.size() ? table.columns[c].width_weight : 1;
      weights.push_back(std::max(w, 1));
    }
    const double total = static_cast<double>(std::accumulate(weights.begin(), weights.end(), 0));
    const double width = style.page_width_pt - style.margin_left_pt - style.margin_right_pt;
    double x = style.margin_left_pt;
    edges_.push_back(x);
    for (int w : weights) {
      x += width * static_cast<double>(w) / total;
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

  doc::Align align(std::size_t c) const {
    const doc::Align a = c < table_.columns.size() ? table_.columns[c].align : doc::Align::left;
    // Justified cells would stretch a few words across a narrow column: left is easier to read.
    return a == doc::Align::justify ? doc::Align::left : a;
  }

  void add_rows(std::vector<Row>& out, const std::vector<doc::Inline>& cells, bool header, bool top_border,
                double max_h) const {
    std::vector<std::vector<TextLine>> cell_lines(columns());
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
      out.push_back(make_row(cell_lines, first, count, header, top_border && first == 0));
    }
  }

  Row make_row(const std::vector<std::vector<TextLine>>& cell_lines, std::size_t first, std::size_t count,
               bool header, bool top_border) const {
    Row row;
    row.height_pt = static_cast<double>(count) * line_h_ + 2 * kCellPaddingYPt;
    if (header) {
      row.ops.push_back(RectOp{edges_.front(), 0, edges_.back() - edges_.front(), row.height_pt, kHeaderGray});
    }
    for (std::size_t c = 0; c < columns(); ++c) {
      for (std::size_t i = first; i < std::min(first + count, cell_lines[c].size()); ++i) {
        const Row line = text_row(cell_lines[c][i], edges_[c] + kCellPaddingXPt, line_h_, size_);
        const double y = kCellPaddingYPt + static_cast<double>(i - first) * line_h_;
        for (const auto& op : line.ops) row.ops.push_back(shifted(op, 0, y));
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
  double size_;
  double line_h_;
  std::vector<double> edges_;
};

}  // namespace

TableUnit prepare_table(const doc::Table& table, const TextMeasurer& measurer, const LayoutStyle& style) {
  return TableBuilder(table, measurer, style).run();
}

}  // namespace aap::render::detail
