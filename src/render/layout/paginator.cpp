// Paginates prepared units: page breaks, keep-with-next, widows and orphans, repeated table headers,
// the flow kept clear of the address window.
#include <algorithm>
#include <type_traits>

#include "render/layout/units.hpp"

namespace aap::render::detail {

namespace {

constexpr double kEpsilonPt = 1e-6;

struct Zone {
  double x0, y0, x1, y1;
};

class Paginator {
 public:
  Paginator(const std::vector<Unit>& units, const LayoutStyle& style)
      : units_(units),
        style_(style),
        top_(style.margin_top_pt),
        bottom_(style.page_height_pt - style.margin_bottom_pt),
        window_drawn_(units.size(), false),
        window_page_(units.size(), 0) {}

  std::vector<Page> run() {
    new_page(0);
    for (std::size_t i = 0; i < units_.size(); ++i) {
      std::visit(
          [&](const auto& u) {
            using T = std::decay_t<decltype(u)>;
            if constexpr (std::is_same_v<T, LinesUnit>) {
              place(u, i);
            } else if constexpr (std::is_same_v<T, TableUnit>) {
              place(u, i);
            } else if constexpr (std::is_same_v<T, WindowUnit>) {
              // What follows the address in the document goes below the window, as on a real letter.
              // Drawn when reached rather than when reserved: the content stream keeps the reading order.
              auto& page_ops = pages_[window_page_[i] - 1].ops;
              page_ops.insert(page_ops.end(), u.ops.begin(), u.ops.end());
              if (window_page_[i] == pages_.size()) {
                y_ = std::max(y_, u.zone_y1_pt);
                pending_after_ = 0;
              }
            } else if constexpr (std::is_same_v<T, BreakUnit>) {
              // A break on a page that an overflow has just opened would leave it blank: ignored. Two breaks
              // in a row do give a blank page (a print batch starting letters on odd pages needs one).
              if (has_content_ || opened_by_break_) {
                new_page(i + 1);
                opened_by_break_ = true;
              }
            }
          },
          units_[i]);
    }
    return std::move(pages_);
  }

 private:
  void new_page(std::size_t from_unit) {
    pages_.emplace_back();
    y_ = top_;
    has_content_ = false;
    opened_by_break_ = false;
    pending_after_ = 0;
    zones_.clear();
    // The address window belongs to the page its block falls on: reserve it before anything above it is placed.
    for (std::size_t i = from_unit; i < units_.size() && !std::holds_alternative<BreakUnit>(units_[i]); ++i) {
      const auto* w = std::get_if<WindowUnit>(&units_[i]);
      if (w == nullptr || window_drawn_[i]) continue;
      window_drawn_[i] = true;
      window_page_[i] = pages_.size();
      zones_.push_back({w->zone_x0_pt, w->zone_y0_pt, w->zone_x1_pt, w->zone_y1_pt});
    }
  }

  void emit(const Row& row, double y) {
    for (const auto& op : row.ops) pages_.back().ops.push_back(shifted(op, 0, y));
  }

  /// A table's header row again on a page the table continues on: an artifact, read once.
  void emit_repeated(const Row& row, double y) {
    for (const auto& op : row.ops) {
      DrawOp moved = shifted(op, 0, y);
      if (auto* text = std::get_if<TextOp>(&moved)) text->node = kPaginationArtifact;
      pages_.back().ops.push_back(std::move(moved));
    }
  }

  double clear_zones(double y, double height, double x0, double x1) const {
    bool moved = true;
    while (moved) {
      moved = false;
      for (const auto& z : zones_) {
        if (y < z.y1 && y + height > z.y0 && x0 < z.x1 && x1 > z.x0) {
          y = z.y1;
          moved = true;
        }
      }
    }
    return y;
  }

  double gap_before(double space_before) const {
    return has_content_ ? std::max(pending_after_, space_before) : 0;
  }

  /// The height that must fit with a unit kept with its successor: its first lines, or a table's header
  /// and first row (and so on along a chain of headings).
  double first_chunk(std::size_t index) const {
    if (index >= units_.size()) return 0;
    if (const auto* l = std::get_if<LinesUnit>(&units_[index])) {
      const std::size_t n = l->keep_together ? l->lines.size() : std::min(l->lines.size(), l->min_first);
      double h = l->space_before_pt;
      for (std::size_t i = 0; i < n; ++i) h += l->lines[i].height_pt;
      if (l->keep_with_next) h += first_chunk(index + 1);
      return h;
    }
    if (const auto* t = std::get_if<TableUnit>(&units_[index])) {
      double h = t->space_before_pt;
      for (const auto& r : t->header) h += r.height_pt;
      return h + first_rows_height(*t);
    }
    return 0;
  }

  /// A table does not start at the foot of a page with its header and a single row.
  static double first_rows_height(const TableUnit& t) {
    double h = 0;
    for (std::size_t i = 0; i < std::min<std::size_t>(t.rows.size(), 2); ++i) h += t.rows[i].height_pt;
    return h;
  }

  void place(const LinesUnit& u, std::size_t index) {
    double total = 0;
    for (const auto& l : u.lines) total += l.height_pt;
    if (u.lines.empty()) return;
    if (u.beside_previous && last_page_ == pages_.size() && last_x1_ < u.x0_pt) {
      double y = last_top_;
      for (const auto& l : u.lines) {
        emit(l, y);
        y += l.height_pt;
      }
      if (y > y_) {
        y_ = y;
        pending_after_ = u.space_after_pt;
      }
      return;
    }
    double y = clear_zones(y_ + gap_before(u.space_before_pt), total, u.x0_pt, u.x1_pt);
    if (has_content_ && (u.keep_together || u.keep_with_next)) {
      double need = 0;
      const std::size_t n = u.keep_together ? u.lines.size() : std::min(u.lines.size(), u.min_first);
      for (std::size_t i = 0; i < n; ++i) need += u.lines[i].height_pt;
      if (u.keep_with_next) need += first_chunk(index + 1);
      if (y + need > bottom_ + kEpsilonPt) {
        new_page(index);
        y = clear_zones(y_, total, u.x0_pt, u.x1_pt);
      }
    }
    last_top_ = y;
    last_page_ = pages_.size();
    last_x1_ = u.x1_pt;
    const std::size_t n = u.lines.size();
    std::size_t i = 0;
    while (true) {
      std::size_t fit = 0;
      double h = 0;
      while (i + fit < n && y + h + u.lines[i + fit].height_pt <= bottom_ + kEpsilonPt) {
        h += u.lines[i + fit].height_pt;
        ++fit;
      }
      std::size_t take = fit;
      if (i + fit < n) {
        if (u.keep_together) {
          take = 0;
        } else {
          const std::size_t rest = n - i;
          if (rest - take < u.min_last) take = rest > u.min_last ? rest - u.min_last : 0;
          if (i == 0 && take < u.min_first) take = 0;
        }
        // Nothing placed yet on this page: another page would not do better, so break where it must.
        if (take == 0 && !has_content_) take = std::max<std::size_t>(fit, 1);
      }
      for (std::size_t k = 0; k < take; ++k) {
        emit(u.lines[i + k], y);
        y += u.lines[i + k].height_pt;
      }
      i += take;
      if (take > 0) has_content_ = true;
      if (i >= n) break;
      new_page(index);
      y = y_;
    }
    y_ = y;
    pending_after_ = u.space_after_pt;
  }

  void place(const TableUnit& t, std::size_t index) {
    double header_h = 0;
    for (const auto& r : t.header) header_h += r.height_pt;
    const double first_h = header_h + first_rows_height(t);
    double y = clear_zones(y_ + gap_before(t.space_before_pt), first_h, t.x0_pt, t.x1_pt);
    if (has_content_ && y + first_h > bottom_ + kEpsilonPt) {
      new_page(index);
      y = clear_zones(y_, first_h, t.x0_pt, t.x1_pt);
    }
    bool repeated = false;
    auto put_header = [&]() {
      for (const auto& r : t.header) {
        if (repeated) {
          emit_repeated(r, y);
        } else {
          emit(r, y);
        }
        y += r.height_pt;
      }
      repeated = true;
    };
    put_header();
    bool first_on_page = true;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const Row& r = t.rows[i];
      // Widows: the last row (often the total) is not carried alone to a new page; the one before it goes too.
      const bool widow = !first_on_page && i + 2 == t.rows.size() &&
                         y + r.height_pt + t.rows[i + 1].height_pt > bottom_ + kEpsilonPt;
      if ((y + r.height_pt > bottom_ + kEpsilonPt || widow) &&
          !(first_on_page && !has_content_ && t.header.empty())) {
        new_page(index);
        y = y_;
        put_header();
        first_on_page = true;
      }
      if (first_on_page && t.header.empty()) {
        pages_.back().ops.push_back(LineOp{t.x0_pt, y, t.x1_pt, y, t.border_pt});
      }
      emit(r, y);
      y += r.height_pt;
      first_on_page = false;
      has_content_ = true;
    }
    has_content_ = true;
    y_ = y;
    pending_after_ = t.space_after_pt;
  }

  const std::vector<Unit>& units_;
  const LayoutStyle& style_;
  double top_;
  double bottom_;
  std::vector<bool> window_drawn_;
  std::vector<std::size_t> window_page_;  // 1-based page number the window was drawn on
  std::vector<Page> pages_;
  std::vector<Zone> zones_;
  double y_ = 0;
  double pending_after_ = 0;
  bool has_content_ = false;
  bool opened_by_break_ = false;
  double last_top_ = 0;
  std::size_t last_page_ = 0;
  double last_x1_ = 0;
};

}  // namespace

std::vector<Page> paginate(const std::vector<Unit>& units, const LayoutStyle& style) {
  return Paginator(units, style).run();
}

}  // namespace aap::render::detail
