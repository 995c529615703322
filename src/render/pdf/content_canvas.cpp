// Painting: content streams written directly, a line of text as one TJ array placed by a relative move,
// glyph ids as bytes.
#include "render/pdf/content_canvas.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <tuple>
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
  // Most glyph bytes need no escape: one comparison for them (the bytes to escape are all ≤ ')' or '\\').
  if (byte > ')' && byte != '\\') {
    *o++ = static_cast<char>(byte);
    return o;
  }
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
    run_open_ = false;
    leading_ = 0;  // the text leading (TL) starts at 0 on each page and is kept across text objects
    font_ = -1;
    size_pt_ = -1;
  }

  void text(double x_pt, double baseline_pt, std::string_view text, Face face, double size_pt,
            NodeId node) override {
    std::string& out = pages_.back().content;
    const auto index = static_cast<int>(face);
    const long long x = detail::pdf_thousandths(x_pt);
    const long long y = detail::pdf_thousandths(height_pt_ - baseline_pt);
    const bool continues_run = run_open_ && node == mark_ && index == font_ && size_pt == size_pt_ && y == line_y_;
    if (continues_run) {
      // The next word of the line: a number in the TJ array moves the pen from where the previous word
      // ended to where this one starts (a justified line's wider spaces), in thousandths of the font size.
      const long long shift = std::llround((pen_pt_ - static_cast<double>(x) / 1000.0) * 1000.0 / size_pt);
      if (shift != 0) {
        out += ')';
        detail::append_pdf_thousandths(out, shift * 1000);
        out += '(';
        pen_pt_ -= static_cast<double>(shift) * size_pt / 1000.0;
      }
    } else {
      close_run();
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
      // A line starts with a move from the start of the previous one, in whole thousandths of a point: the
      // sums land exactly where absolute positions would, in a third fewer bytes than a matrix (Tm). A move
      // down is a TD, which also sets the leading, so that the next line below at the same distance and
      // margin is a bare T* (a paragraph's lines).
      const long long dx = x - line_x_;
      const long long dy = y - line_y_;
      if (dx == 0 && dy < 0 && -dy == leading_) {
        out += "T* [(";
      } else {
        detail::append_pdf_thousandths(out, dx);
        out += ' ';
        detail::append_pdf_thousandths(out, dy);
        if (dy < 0) {
          out += " TD [(";
          leading_ = -dy;
        } else {
          out += " Td [(";
        }
      }
      line_x_ = x;
      line_y_ = y;
      run_open_ = true;
      pen_pt_ = static_cast<double>(x) / 1000.0;
    }
    // Glyph ids as two bytes each in a literal string: half the bytes of a hex string, so half the
    // content to compress for every letter.
    const FontFace& f = metrics_.face(face);
    auto& used = glyphs_[static_cast<std::size_t>(index)];
    if (used.empty()) used.assign(f.glyph_advance.size(), false);
    // Each code point (one byte or more) gives two glyph bytes at most, each escaped in two at most.
    const std::size_t start = out.size();
    out.resize(start + 4 * text.size());
    char* o = out.data() + start;
    float advance_sum = 0;  // in thousandths of an em, as a reader adds up /W
    for (std::size_t pos = 0; pos < text.size();) {
      const auto first = static_cast<unsigned char>(text[pos]);
      const utf8::Decoded d = first < 0x80 ? utf8::Decoded{first, 1} : utf8::decode(text, pos);
      pos += d.length;
      const float advance = d.code_point < f.advance.size() ? f.advance[d.code_point] : -1.0F;
      if (advance < 0) throw MissingGlyph(d.code_point, std::string(text));
      const std::uint16_t glyph = f.glyph_id[d.code_point];
      if (glyph == kNoGlyph) continue;  // measured, drawn as nothing (the word joiner)
      used[glyph] = true;
      advance_sum += f.glyph_advance[glyph];
      o = put_string_byte(o, static_cast<unsigned char>(glyph >> 8));
      o = put_string_byte(o, static_cast<unsigned char>(glyph & 0xFFU));
    }
    out.resize(static_cast<std::size_t>(o - out.data()));
    pen_pt_ += static_cast<double>(advance_sum) * size_pt / 1000.0;
  }

  void line(double x0_pt, double y0_pt, double x1_pt, double y1_pt, double width_pt) override {
    // Rules are drawn at the end of the page, where the segments a table draws row by row are joined.
    rules_.push_back({detail::pdf_thousandths(x0_pt), detail::pdf_thousandths(height_pt_ - y0_pt),
                      detail::pdf_thousandths(x1_pt), detail::pdf_thousandths(height_pt_ - y1_pt), width_pt});
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
    draw_rules();
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

  /// A rule as the page will draw it: ends in thousandths of a point from the bottom left, its width.
  struct Rule {
    long long x0, y0, x1, y1;
    double width_pt;
  };

  /// The page's rules, in one artifact sequence after everything else: nothing is drawn over them (the
  /// shading of a header row is painted before its text, where it was asked for). Vertical and horizontal
  /// segments that touch end to end on one line, with one width, become one segment, so a table's
  /// columns are a single rule each on the page instead of one per row; all the segments of one width are
  /// one path, stroked once. Same picture, a fifth of the content stream fewer for a letter with a table.
  void draw_rules() {
    if (rules_.empty()) return;
    for (Rule& r : rules_) {  // each segment from its lower end, so that touching ones sort next to each other
      if (r.x0 == r.x1 && r.y0 > r.y1) std::swap(r.y0, r.y1);
      if (r.y0 == r.y1 && r.x0 > r.x1) std::swap(r.x0, r.x1);
    }
    // Verticals by (width, x, from y), then horizontals by (width, y, from x), then the others as they came.
    auto kind = [](const Rule& r) { return r.x0 == r.x1 ? 0 : r.y0 == r.y1 ? 1 : 2; };
    std::stable_sort(rules_.begin(), rules_.end(), [&](const Rule& a, const Rule& b) {
      const int ka = kind(a);
      const int kb = kind(b);
      if (a.width_pt != b.width_pt) return a.width_pt < b.width_pt;
      if (ka != kb) return ka < kb;
      if (ka == 0) return std::tie(a.x0, a.y0, a.y1) < std::tie(b.x0, b.y0, b.y1);
      if (ka == 1) return std::tie(a.y0, a.x0, a.x1) < std::tie(b.y0, b.x0, b.x1);
      return false;
    });
    std::vector<Rule> joined;
    for (const Rule& r : rules_) {
      if (!joined.empty()) {
        Rule& last = joined.back();
        const int k = kind(r);
        if (k == kind(last) && r.width_pt == last.width_pt) {
          if (k == 0 && r.x0 == last.x0 && r.y0 <= last.y1) {
            last.y1 = std::max(last.y1, r.y1);
            continue;
          }
          if (k == 1 && r.y0 == last.y0 && r.x0 <= last.x1) {
            last.x1 = std::max(last.x1, r.x1);
            continue;
          }
        }
      }
      joined.push_back(r);
    }
    rules_.clear();
    std::string& out = pages_.back().content;
    begin_mark(kLayoutArtifact);
    for (std::size_t i = 0; i < joined.size(); ++i) {
      const Rule& r = joined[i];
      // The line width is part of the graphics state: set again only when it changes.
      if (r.width_pt != line_width_pt_) {
        append_number(out, r.width_pt);
        out += " w\n";
        line_width_pt_ = r.width_pt;
      }
      detail::append_pdf_thousandths(out, r.x0);
      out += ' ';
      detail::append_pdf_thousandths(out, r.y0);
      out += " m ";
      detail::append_pdf_thousandths(out, r.x1);
      out += ' ';
      detail::append_pdf_thousandths(out, r.y1);
      out += " l";
      const bool path_ends = i + 1 == joined.size() || joined[i + 1].width_pt != r.width_pt;
      out += path_ends ? " S\n" : "\n";
    }
    end_mark();
  }

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

  /// Ends the open line of text: its TJ array.
  void close_run() {
    if (!run_open_) return;
    pages_.back().content += ")]TJ\n";
    run_open_ = false;
  }

  void end_mark() {
    close_run();
    if (mark_ == kNoMark) return;
    pages_.back().content += "EMC\n";
    mark_ = kNoMark;
  }

  /// A header row's shading, outside any text object, in one artifact sequence until text comes back (rules wait
  /// for the end of the page: draw_rules).
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
    close_run();
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
  std::vector<Rule> rules_;  // the current page's rules, drawn at its end
  double height_pt_ = 0;
  bool in_text_ = false;
  double line_width_pt_ = -1;  // the stroke width set last on this page; -1 before any
  long long line_x_ = 0;  // where the current text line starts, in thousandths of a point
  long long line_y_ = 0;
  long long leading_ = 0;  // the text leading TD set last on this page, in thousandths of a point
  bool run_open_ = false;  // a TJ array is open: the words of one line, same face, size and structure node
  double pen_pt_ = 0;      // where a reader's pen stands after the open array's last glyph, in points
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
