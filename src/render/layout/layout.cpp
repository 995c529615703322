// The layout engine's entry: prepare the blocks, paginate, then draw the footers knowing the page count.
#include "render/layout/layout.hpp"

#include <string>
#include <type_traits>

#include "render/layout/line_breaker.hpp"
#include "render/layout/units.hpp"

namespace aap::render {

namespace {

std::string code_point_name(char32_t c) {
  static const char* kHex = "0123456789ABCDEF";
  std::string digits;
  for (auto v = static_cast<std::uint32_t>(c); v != 0 || digits.size() < 4; v >>= 4) digits.insert(digits.begin(), kHex[v & 0xF]);
  return "U+" + digits;
}

std::string missing_glyph_message(char32_t c, const std::string& text) {
  return "caractère " + code_point_name(c) + " absent de la police, dans « " + text + " »";
}

void add_footers(LaidOutDocument& out, const doc::Document& document, const TextMeasurer& measurer,
                 const LayoutStyle& style) {
  const double baseline = style.page_height_pt - style.footer_baseline_from_bottom_pt;
  const double size = style.footer_size_pt;
  const std::string total = std::to_string(out.pages.size());
  if (!document.footer_left.empty()) {
    try {
      measurer.width(document.footer_left, Face::regular, size);  // only to refuse a missing glyph
    } catch (const MissingGlyph& e) {
      throw MissingGlyph(e.code_point(), document.footer_left);
    }
  }
  for (std::size_t i = 0; i < out.pages.size(); ++i) {
    auto& ops = out.pages[i].ops;
    // Running footers and page numbers are pagination artifacts (TextOp's default node).
    if (!document.footer_left.empty()) {
      ops.push_back(TextOp{style.margin_left_pt, baseline, document.footer_left, Face::regular, size});
    }
    const std::string label = "Page " + std::to_string(i + 1) + "/" + total;
    const double w = measurer.width(label, Face::regular, size);
    ops.push_back(TextOp{style.page_width_pt - style.margin_right_pt - w, baseline, label, Face::regular, size});
  }
}

}  // namespace

MissingGlyph::MissingGlyph(char32_t code_point, std::string text)
    : std::runtime_error(missing_glyph_message(code_point, text)), code_point_(code_point), text_(std::move(text)) {}

LaidOutDocument layout_document(const doc::Document& document, const TextMeasurer& measurer,
                                const LayoutStyle& style) {
  LaidOutDocument out;
  out.width_pt = style.page_width_pt;
  out.height_pt = style.page_height_pt;
  out.pages = detail::paginate(detail::prepare_blocks(document, measurer, style, out.structure), style);
  add_footers(out, document, measurer, style);
  return out;
}

void paint(const LaidOutDocument& laid_out, Canvas& canvas) {
  for (const auto& page : laid_out.pages) {
    canvas.begin_page(laid_out.width_pt, laid_out.height_pt);
    for (const auto& op : page.ops) {
      std::visit(
          [&](const auto& o) {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, TextOp>) {
              canvas.text(o.x_pt, o.baseline_pt, o.text, o.face, o.size_pt, o.node);
            } else if constexpr (std::is_same_v<T, LineOp>) {
              canvas.line(o.x0_pt, o.y0_pt, o.x1_pt, o.y1_pt, o.width_pt);
            } else {
              canvas.fill_rect(o.x_pt, o.y_pt, o.width_pt, o.height_pt, o.gray);
            }
          },
          op);
    }
    canvas.end_page();
  }
}

}  // namespace aap::render
