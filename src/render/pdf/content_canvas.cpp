// Painting: content streams written directly, text runs placed by relative moves, glyph ids as bytes.
#include "render/pdf/content_canvas.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "render/layout/canvas.hpp"
#include "render/layout/utf8.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "render/pdf/structure_tree.hpp"

namespace aap::render::detail {

namespace {

void append_number(std::string& out, double value) { append_pdf_number(out, value); }

/// Writes one byte of a literal string (PDF 7.3.4.2) at `o`, returns the end: the delimiters and the
/// backslash escaped, and the line ends too, since a reader turns an unescaped CR or CR LF into LF.
char* put_string_byte(char* o, unsigned char byte) {
  switch (byte) {
    case '(': case ')': case '\\':
      *o++ = '\\';
      *o++ = static_cast<char>(byte);
      return o;
    case '\r':
      *o++ = '\\';
      *o++ = 'r';
      return o;
    case '\n':
      *o++ = '\\';
      *o++ = 'n';
      return o;
    default:
      *o++ = static_cast<char>(byte);
      return o;
  }
}

class ContentCanvas final : public Canvas {
 public:
  ContentCanvas(const FontMetrics& metrics, const std::vector<StructNode>& structure,
                std::array<std::vector<bool>, 4>& glyphs)
      : metrics_(metrics), structure_(&structure), glyphs_(glyphs) {}

  void begin_page(double width_pt, double height_pt) override {
    pages_.push_back({width_pt, height_pt, {}, {}});
    mark_ = kNoMark;
    height_pt_ = height_pt;
    line_width_pt_ = -1;  // each page's content starts from the default graphics state
    in_text_ = false;
    font_ = -1;
    size_pt_ = -1;
  }

  void text(double x_pt, double baseline_pt, std::string_view text, Face face, double size_pt,
            NodeId node) override {
    std::string& out = pages_.back().content;
    const auto index = static_cast<int>(face);
    if (!in_text_) {
      end_mark();  // a sequence opened outside the text object does not cross into it
      out += "BT\n";
      in_text_ = true;
      line_x_ = 0;  // BT starts the line matrix at the identity
      line_y_ = 0;
    }
    if (node != mark_) {
      end_mark();
      begin_mark(node);
    }
    if (index != font_ || size_pt != size_pt_) {
      out += "/F";
      out += static_cast<char>('0' + index);
      out += ' ';
      append_number(out, size_pt);
      out += " Tf\n";
      font_ = index;
      size_pt_ = size_pt;
    }
    // Each run is moved to from the start of the previous one (Td), in whole thousandths of a point: the
    // sums land exactly where absolute positions would, in a third fewer bytes than a matrix (Tm) each.
    const long long x = detail::pdf_thousandths(x_pt);
    const long long y = detail::pdf_thousandths(height_pt_ - baseline_pt);
    detail::append_pdf_thousandths(out, x - line_x_);
    out += ' ';
    detail::append_pdf_thousandths(out, y - line_y_);
    line_x_ = x;
    line_y_ = y;
    // Glyph ids as two bytes each in a literal string: half the bytes of a hex string, so half the
    // content to compress for every letter.
    out += " Td (";
    const FontFace& f = metrics_.face(face);
    auto& used = glyphs_[static_cast<std::size_t>(index)];
    if (used.empty()) used.assign(f.glyph_advance.size(), false);
    // Each code point (one byte or more) gives two glyph bytes at most, each escaped in two at most.
    const std::size_t start = out.size();
    out.resize(start + 4 * text.size());
    char* o = out.data() + start;
    for (std::size_t pos = 0; pos < text.size();) {
      const auto first = static_cast<unsigned char>(text[pos]);
      const utf8::Decoded d = first < 0x80 ? utf8::Decoded{first, 1} : utf8::decode(text, pos);
      pos += d.length;
      const float advance = d.code_point < f.advance.size() ? f.advance[d.code_point] : -1.0F;
      if (advance < 0) throw MissingGlyph(d.code_point, std::string(text));
      const std::uint16_t glyph = f.glyph_id[d.code_point];
      if (glyph == kNoGlyph) continue;  // measured, drawn as nothing (the word joiner)
      used[glyph] = true;
      o = put_string_byte(o, static_cast<unsigned char>(glyph >> 8));
      o = put_string_byte(o, static_cast<unsigned char>(glyph & 0xFFU));
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    out += ") Tj\n";
  }

  void line(double x0_pt, double y0_pt, double x1_pt, double y1_pt, double width_pt) override {
    std::string& out = layout_artifact();
    // The line width is part of the graphics state: set again only when it changes (table rules share one).
    if (width_pt != line_width_pt_) {
      append_number(out, width_pt);
      out += " w ";
      line_width_pt_ = width_pt;
    }
    append_number(out, x0_pt);
    out += ' ';
    append_number(out, height_pt_ - y0_pt);
    out += " m ";
    append_number(out, x1_pt);
    out += ' ';
    append_number(out, height_pt_ - y1_pt);
    out += " l S\n";
  }

  void fill_rect(double x_pt, double y_pt, double width_pt, double height_pt, double gray) override {
    std::string& out = layout_artifact();
    append_number(out, gray);
    out += " g ";
    append_number(out, x_pt);
    out += ' ';
    append_number(out, height_pt_ - y_pt - height_pt);
    out += ' ';
    append_number(out, width_pt);
    out += ' ';
    append_number(out, height_pt);
    out += " re f 0 g\n";
  }

  void end_page() override {
    end_text();
    end_mark();
  }

  struct PageStream {
    double width_pt;
    double height_pt;
    std::string content;
    std::vector<NodeId> mcid_nodes;  // the structure node of each MCID of the page
  };
  std::vector<PageStream>& pages() { return pages_; }

 private:
  static constexpr NodeId kNoMark = kLayoutArtifact - 2;

  /// Opens the marked-content sequence of `node`: its structure type with the page's next MCID, or an
  /// artifact. Within a text object, sequences open and close inside it (they nest with BT/ET).
  void begin_mark(NodeId node) {
    std::string& out = pages_.back().content;
    if (node == kLayoutArtifact) {
      out += "/Artifact BMC\n";
    } else if (node == kPaginationArtifact) {
      out += "/Artifact<</Type/Pagination>>BDC\n";
    } else {
      auto& mcids = pages_.back().mcid_nodes;
      out += '/';
      out += struct_type((*structure_)[node].role);
      out += "<</MCID ";
      std::array<char, 16> digits{};
      const auto written = std::to_chars(digits.data(), digits.data() + digits.size(), mcids.size());
      out.append(digits.data(), written.ptr);
      out += ">>BDC\n";
      mcids.push_back(node);
    }
    mark_ = node;
  }

  void end_mark() {
    if (mark_ == kNoMark) return;
    pages_.back().content += "EMC\n";
    mark_ = kNoMark;
  }

  /// Rules and shading, outside any text object, in one artifact sequence until text comes back.
  std::string& layout_artifact() {
    std::string& out = end_text();
    if (mark_ != kLayoutArtifact) {
      end_mark();
      begin_mark(kLayoutArtifact);
    }
    return out;
  }

  std::string& end_text() {
    std::string& out = pages_.back().content;
    if (in_text_) {
      end_mark();
      out += "ET\n";
    }
    in_text_ = false;
    font_ = -1;
    size_pt_ = -1;
    return out;
  }

  const FontMetrics& metrics_;
  const std::vector<StructNode>* structure_;
  std::array<std::vector<bool>, 4>& glyphs_;
  std::vector<PageStream> pages_;
  double height_pt_ = 0;
  bool in_text_ = false;
  double line_width_pt_ = -1;  // the stroke width set last on this page; -1 before any
  long long line_x_ = 0;  // where the current text line starts, in thousandths of a point
  long long line_y_ = 0;
  int font_ = -1;
  double size_pt_ = -1;
  NodeId mark_ = kNoMark;  // the open marked-content sequence
};

}  // namespace

std::vector<PageContent> paint_content(const LaidOutDocument& laid_out, const FontMetrics& metrics,
                                       std::array<std::vector<bool>, 4>& glyphs) {
  ContentCanvas canvas(metrics, laid_out.structure, glyphs);
  paint(laid_out, canvas);
  std::vector<PageContent> contents;
  contents.reserve(canvas.pages().size());
  for (auto& page : canvas.pages()) contents.push_back({std::move(page.content), std::move(page.mcid_nodes)});
  return contents;
}

}  // namespace aap::render::detail
