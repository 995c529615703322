// Prepares the document's blocks for pagination: lines broken, letter blocks placed in their zones.
#include <algorithm>
#include <string>
#include <type_traits>

#include "render/document/ordinals.hpp"
#include "render/document/outline.hpp"
#include "render/layout/hyphenator.hpp"
#include "render/layout/units.hpp"

namespace aap::render::detail {

namespace {

constexpr double kLetterheadLeading = 1.25;
constexpr double kAddressLeading = 1.2;
constexpr double kAddressMinSizePt = 9;  // 9 to 12 pt in the window
constexpr double kWindowGapAbovePt = mm(2);
constexpr double kWindowGapBelowPt = mm(8);
constexpr double kColumnGapPt = mm(6);
constexpr double kListLabelPt = mm(4);
constexpr double kListTextPt = mm(9);
constexpr double kListItemSpacePt = 2;
constexpr double kSignatureSpaceBeforePt = 14;
constexpr double kHandSignaturePt = mm(15);

struct HeadingStyle {
  double size_pt;
  bool italic;
  double before_pt;
  double after_pt;
};

HeadingStyle heading_style(int level) {
  if (level <= 1) return {13, false, 14, 6};
  if (level == 2) return {11.5, false, 10, 4};
  return {10.5, true, 8, 3};
}

class Preparer {
 public:
  Preparer(const TextMeasurer& measurer, const LayoutStyle& style, std::vector<StructNode>& structure)
      : structure_(structure),
        measurer_(measurer),
        style_(style),
        hyphenator_(style.hyphenate ? &Hyphenator::french() : nullptr),
        left_(style.margin_left_pt),
        width_(style.page_width_pt - style.margin_left_pt - style.margin_right_pt) {}

  std::vector<Unit> run(const doc::Document& document) {
    std::vector<Unit> units;
    structure_.clear();
    structure_.push_back({StructRole::document, 0});
    const doc::Block* previous = nullptr;
    const doc::Block* before_previous = nullptr;
    for (std::size_t index = 0; index < document.blocks.size(); ++index) {
      const doc::Block& block = document.blocks[index];
      const bool before_signature = index + 1 < document.blocks.size() &&
                                    std::holds_alternative<doc::Signature>(document.blocks[index + 1]);
      // A paragraph that introduces a list or a table (« … les résultats suivants : ») is never left
      // alone at the foot of a page.
      const bool introduces = std::holds_alternative<doc::Paragraph>(block) && index + 1 < document.blocks.size() &&
                              (std::holds_alternative<doc::ListBlock>(document.blocks[index + 1]) ||
                               std::holds_alternative<doc::Table>(document.blocks[index + 1]));
      std::visit(
          [&](const auto& b) {
            using T = std::decay_t<decltype(b)>;
            if constexpr (std::is_same_v<T, doc::PlaceDate>) {
              // French business letters put the date top right, level with the timbre, when it follows it.
              const bool after_letterhead =
                  (previous != nullptr && std::holds_alternative<doc::Letterhead>(*previous)) ||
                  (previous != nullptr && std::holds_alternative<doc::AddressWindow>(*previous) &&
                   before_previous != nullptr && std::holds_alternative<doc::Letterhead>(*before_previous));
              units.push_back(place_date(b, after_letterhead));
            } else if constexpr (std::is_same_v<T, doc::Table>) {
              const NodeId table = add_node(structure_, StructRole::table, 0);
              units.emplace_back(std::in_place_type<TableUnit>, prepare_table(b, measurer_, style_, structure_, table));
            } else if constexpr (std::is_same_v<T, doc::ListBlock>) {
              list(b, units);
            } else {
              units.push_back(prepare(b));
              // The closing formula does not stay behind when the signature moves to the next page.
              if (auto* lines = std::get_if<LinesUnit>(&units.back()); lines != nullptr && (before_signature || introduces)) {
                lines->keep_with_next = true;
              }
            }
          },
          block);
      before_previous = previous;
      previous = &block;
    }
    return units;
  }

 private:
  double line_height(double size_pt) const { return size_pt * style_.leading; }

  std::vector<TextLine> lines(const doc::Inline& content, double width_pt, double size_pt, doc::Align align,
                              bool hyphenate, bool force_bold = false) const {
    LineBreakOptions o;
    o.width_pt = width_pt;
    o.size_pt = size_pt;
    o.align = align;
    o.force_bold = force_bold;
    o.hyphenator = hyphenate ? hyphenator_ : nullptr;
    return break_lines(content, o, measurer_);
  }

  void add_rows(LinesUnit& unit, const std::vector<TextLine>& text, double x_pt, double line_h, double size_pt,
                NodeId node) const {
    for (const auto& l : text) unit.lines.push_back(text_row(l, x_pt, line_h, size_pt, node));
  }

  NodeId node(StructRole role, NodeId parent = 0) const { return add_node(structure_, role, parent); }

  Unit prepare(const doc::Paragraph& p) const {
    LinesUnit u;
    const auto text = lines(p.content, width_, style_.body_size_pt, p.align, true);
    add_rows(u, text, left_, line_height(style_.body_size_pt), style_.body_size_pt,
             text.empty() ? kLayoutArtifact : node(StructRole::p));
    u.space_after_pt = style_.paragraph_space_pt;
    u.x0_pt = left_;
    u.x1_pt = left_ + width_;
    return u;
  }

  Unit prepare(const doc::Heading& h) {
    const HeadingStyle hs = heading_style(h.level);
    // A letter's « Voies et délais de recours » is a level 3 of the templates, and its outline's H1.
    const int level = doc::outline_level(h.level, outline_level_);
    outline_level_ = level;
    const StructRole role = level == 1 ? StructRole::h1 : level == 2 ? StructRole::h2 : StructRole::h3;
    doc::Inline content = h.content;
    for (auto& span : content) span.italic = span.italic || hs.italic;
    LinesUnit u;
    add_rows(u, lines(content, width_, hs.size_pt, doc::Align::left, false, true), left_, hs.size_pt * 1.25,
             hs.size_pt, node(role));
    u.space_before_pt = hs.before_pt;
    u.space_after_pt = hs.after_pt;
    u.keep_together = true;
    u.keep_with_next = true;
    u.x0_pt = left_;
    u.x1_pt = left_ + width_;
    return u;
  }

  void list(const doc::ListBlock& l, std::vector<Unit>& units) {
    const double size = style_.body_size_pt;
    const double line_h = line_height(size);
    const double text_x = left_ + kListTextPt;
    const NodeId list =
        add_node(structure_, StructRole::l, 0, l.ordered ? ListNumbering::decimal : ListNumbering::disc);
    for (std::size_t i = 0; i < l.items.size(); ++i) {
      const NodeId item = node(StructRole::li, list);
      const NodeId label_node = node(StructRole::lbl, item);
      const NodeId body = node(StructRole::lbody, item);
      LinesUnit u;
      add_rows(u, lines(l.items[i], width_ - kListTextPt, size, doc::Align::justify, true), text_x, line_h, size,
               body);
      if (u.lines.empty()) u.lines.push_back(Row{line_h, {}});
      const std::string label = l.ordered ? std::to_string(l.start + static_cast<int>(i)) + "." : "\u2022";
      const double label_w = measurer_.width(label, Face::regular, size);
      // Numbers end at the same place, bullets sit at the label position.
      const double label_x = l.ordered ? text_x - mm(2) - label_w : left_ + kListLabelPt;
      TextLine label_line;
      label_line.pieces.push_back({0, label, Face::regular, label_w});
      // The label first: the content stream keeps the reading order.
      auto& first = u.lines.front().ops;
      const auto label_ops = text_row(label_line, label_x, line_h, size, label_node).ops;
      first.insert(first.begin(), label_ops.begin(), label_ops.end());
      // Orphans and widows counted in items: a list neither starts nor ends with a lone item on a page.
      u.keep_with_next = l.items.size() > 1 && (i == 0 || i + 2 == l.items.size());
      u.space_before_pt = i == 0 ? 0 : kListItemSpacePt;
      u.space_after_pt = i + 1 == l.items.size() ? style_.paragraph_space_pt : kListItemSpacePt;
      u.x0_pt = left_;
      u.x1_pt = left_ + width_;
      units.emplace_back(std::in_place_type<LinesUnit>, std::move(u));
    }
  }

  Unit prepare(const doc::PageBreak&) const { return BreakUnit{}; }

  Unit prepare(const doc::Letterhead& l) const {
    const double size = style_.letterhead_size_pt;
    const double line_h = size * kLetterheadLeading;
    // The timbre stays in the left column, clear of the address window on the right.
    const double column = style_.window_left_pt - left_ - kColumnGapPt;
    LinesUnit u;
    const NodeId block = node(StructRole::div);
    for (const auto& line : l.lines) {
      if (plain_text(line).empty()) {
        u.lines.push_back(Row{line_h / 2, {}});
        continue;
      }
      add_rows(u, lines(line, column, size, doc::Align::left, false), left_, line_h, size,
               node(StructRole::p, block));
    }
    u.keep_together = true;
    u.space_after_pt = style_.paragraph_space_pt * 2;
    u.x0_pt = left_;
    u.x1_pt = left_ + column;
    return u;
  }

  Unit place_date(const doc::PlaceDate& p, bool beside_letterhead) const {
    const double size = style_.body_size_pt;
    LinesUnit u;
    const auto text = lines(doc::with_ordinals(p.text), width_, size, doc::Align::right, false);
    add_rows(u, text, left_, line_height(size), size, node(StructRole::p));
    double natural = 0;
    for (const auto& l : text) natural = std::max(natural, l.natural_width_pt);
    u.keep_together = true;
    u.beside_previous = beside_letterhead;
    u.space_before_pt = style_.paragraph_space_pt;
    u.space_after_pt = style_.paragraph_space_pt * 2;
    u.x0_pt = left_ + width_ - natural;
    u.x1_pt = left_ + width_;
    return u;
  }

  Unit prepare(const doc::Signature& s) const {
    const double size = style_.body_size_pt;
    const double line_h = line_height(size);
    const double x = left_ + width_ / 2;
    LinesUnit u;
    const NodeId block = node(StructRole::div);
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
      // Room for the hand signature between the title and the name.
      if (i + 1 == s.lines.size()) u.lines.push_back(Row{kHandSignaturePt, {}});
      add_rows(u, lines(doc::with_ordinals(s.lines[i], true), width_ / 2, size, doc::Align::left, false), x,
               line_h, size, node(StructRole::p, block));
    }
    u.keep_together = true;
    u.space_before_pt = kSignatureSpaceBeforePt;
    u.space_after_pt = style_.paragraph_space_pt;
    u.x0_pt = x;
    u.x1_pt = left_ + width_;
    return u;
  }

  Unit prepare(const doc::AddressWindow& a) const {
    const double inner_w = style_.window_width_pt - 2 * style_.window_padding_pt;
    // A little less padding below: the frame is 33 mm and six 10 pt lines must fit.
    const double inner_h = style_.window_height_pt - 1.5 * style_.window_padding_pt;
    // One paragraph per line of the address, in a block of its own.
    const NodeId block = node(StructRole::div);
    std::vector<NodeId> line_nodes;
    for (std::size_t i = 0; i < a.lines.size(); ++i) line_nodes.push_back(node(StructRole::p, block));
    for (double size = style_.address_size_pt; size >= kAddressMinSizePt - 1e-9; size -= 0.5) {
      const double line_h = size * kAddressLeading;
      std::vector<TextLine> all;
      std::vector<NodeId> all_nodes;
      for (std::size_t i = 0; i < a.lines.size(); ++i) {
        for (auto& l : lines(doc::Inline{doc::Span{a.lines[i]}}, inner_w, size, doc::Align::left, false)) {
          all.push_back(std::move(l));
          all_nodes.push_back(line_nodes[i]);
        }
      }
      if (static_cast<double>(all.size()) * line_h > inner_h + 1e-9) continue;
      WindowUnit w;
      const double x = style_.window_left_pt + style_.window_padding_pt;
      double y = style_.window_top_pt + style_.window_padding_pt - (line_h - size) / 2;
      for (std::size_t i = 0; i < all.size(); ++i) {
        for (auto& op : text_row(all[i], x, line_h, size, all_nodes[i]).ops) w.ops.push_back(shifted(std::move(op), 0, y));
        y += line_h;
      }
      w.zone_x0_pt = style_.window_left_pt;
      w.zone_y0_pt = style_.window_top_pt - kWindowGapAbovePt;
      w.zone_x1_pt = style_.window_left_pt + style_.window_width_pt;
      w.zone_y1_pt = style_.window_top_pt + style_.window_height_pt + kWindowGapBelowPt;
      return w;
    }
    throw LayoutError("adresse trop longue pour la fenêtre de l’enveloppe (85 × 33 mm) : " +
                      std::to_string(a.lines.size()) + " lignes");
  }

  std::vector<StructNode>& structure_;
  const TextMeasurer& measurer_;
  const LayoutStyle& style_;
  const Hyphenator* hyphenator_;
  double left_;
  double width_;
  int outline_level_ = 0;  // the level of the last heading in the structure, 0 before any
};

}  // namespace

NodeId add_node(std::vector<StructNode>& structure, StructRole role, NodeId parent, ListNumbering numbering) {
  structure.push_back({role, parent, numbering});
  return static_cast<NodeId>(structure.size() - 1);
}

Row text_row(const TextLine& line, double x_left_pt, double line_height_pt, double size_pt, NodeId node) {
  Row row;
  row.height_pt = line_height_pt;
  row.ops.reserve(line.pieces.size());
  // The baseline sits so that the text looks centred in its line, whatever the leading.
  const double baseline = line_height_pt / 2 + size_pt * 0.35;
  for (const auto& piece : line.pieces) {
    if (piece.superscript) {
      row.ops.push_back(TextOp{x_left_pt + piece.x_pt, baseline - size_pt * doc::kSuperscriptRise, piece.text,
                               piece.face, size_pt * doc::kSuperscriptScale, node});
    } else {
      row.ops.push_back(TextOp{x_left_pt + piece.x_pt, baseline, piece.text, piece.face, size_pt, node});
    }
    // Tagged PDF represents word breaks by spaces (ISO 32000-1 14.8.2.5): where a justified line draws
    // its words apart, and where a line breaks at a space, the space is drawn after the word. It is
    // invisible and the next run is placed by its own position: the page looks the same.
    if (piece.space_after) std::get<TextOp>(row.ops.back()).text += ' ';
  }
  return row;
}

DrawOp shifted(DrawOp&& op, double dx_pt, double dy_pt) {
  std::visit(
      [&](auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, TextOp>) {
          o.x_pt += dx_pt;
          o.baseline_pt += dy_pt;
        } else if constexpr (std::is_same_v<T, LineOp>) {
          o.x0_pt += dx_pt;
          o.x1_pt += dx_pt;
          o.y0_pt += dy_pt;
          o.y1_pt += dy_pt;
        } else {
          o.x_pt += dx_pt;
          o.y_pt += dy_pt;
        }
      },
      op);
  return std::move(op);
}

DrawOp shifted(const DrawOp& op, double dx_pt, double dy_pt) { return shifted(DrawOp(op), dx_pt, dy_pt); }

std::vector<Unit> prepare_blocks(const doc::Document& document, const TextMeasurer& measurer,
                                 const LayoutStyle& style, std::vector<StructNode>& structure) {
  return Preparer(measurer, style, structure).run(document);
}

}  // namespace aap::render::detail
