// content.xml: the document's blocks as ODF text — real headings, paragraphs, lists and bordered tables.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <variant>

#include "render/document/ordinals.hpp"
#include "render/document/outline.hpp"
#include "render/layout/layout.hpp"
#include "render/odt/odt_parts.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/odt/xml_text.hpp"

namespace aap::render::odt {

namespace {

const char* align_value(doc::Align a) {
  switch (a) {
    case doc::Align::left: return "start";
    case doc::Align::center: return "center";
    case doc::Align::right: return "end";
    case doc::Align::justify: return "justify";
  }
  return "start";
}

// Automatic paragraph styles (an alignment or a page break over a named style), named P1, P2… in the
// order of first use so that the same document gives the same file.
class ParagraphStyles {
 public:
  std::string get(const std::string& parent, std::optional<doc::Align> align, bool break_before) {
    if (!align && !break_before) return parent;
    const auto key = std::make_tuple(parent, align ? static_cast<int>(*align) : -1, break_before);
    auto found = names_.find(key);
    if (found != names_.end()) return found->second;
    const std::string name = "P" + std::to_string(names_.size() + 1);
    names_.emplace(key, name);
    xml_ += "<style:style style:name=\"" + name + "\" style:family=\"paragraph\" style:parent-style-name=\"" +
            parent + "\"><style:paragraph-properties";
    if (align) {
      xml_ += std::string(" fo:text-align=\"") + align_value(*align) + "\"";
      if (*align == doc::Align::justify) xml_ += " fo:text-align-last=\"start\"";
    }
    if (break_before) xml_ += " fo:break-before=\"page\"";
    xml_ += "/></style:style>";
    return name;
  }
  const std::string& xml() const { return xml_; }

 private:
  std::map<std::tuple<std::string, int, bool>, std::string> names_;
  std::string xml_;
};

class ContentWriter {
 public:
  std::string run(const doc::Document& document) {
    for (const doc::Block& block : document.blocks) std::visit([&](const auto& b) { write(b); }, block);
    if (break_pending_) paragraph("Text_20_body", {}, {});

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content ";
    out += kNamespaces;
    out += " office:version=\"1.2\"><office:font-face-decls>"
           "<style:font-face style:name=\"Liberation Sans\" svg:font-family=\"&apos;Liberation Sans&apos;\" "
           "style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/></office:font-face-decls>"
           "<office:automatic-styles>";
    out += "<style:style style:name=\"Tb\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\" "
           "style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/></style:style>"
           "<style:style style:name=\"Ti\" style:family=\"text\"><style:text-properties fo:font-style=\"italic\" "
           "style:font-style-asian=\"italic\" style:font-style-complex=\"italic\"/></style:style>"
           "<style:style style:name=\"Tbi\" style:family=\"text\"><style:text-properties fo:font-weight=\"bold\" "
           "fo:font-style=\"italic\" style:font-weight-asian=\"bold\" style:font-style-asian=\"italic\" "
           "style:font-weight-complex=\"bold\" style:font-style-complex=\"italic\"/></style:style>";
    out += extra_text_styles();
    // Cells: thin black borders, the header shaded like the PDF's (gray 0.88).
    out += "<style:style style:name=\"Cell\" style:family=\"table-cell\"><style:table-cell-properties "
           "fo:padding-left=\"1.41mm\" fo:padding-right=\"1.41mm\" fo:padding-top=\"1.06mm\" "
           "fo:padding-bottom=\"1.06mm\" fo:border=\"0.5pt solid #000000\"/></style:style>"
           "<style:style style:name=\"HeadCell\" style:family=\"table-cell\"><style:table-cell-properties "
           "fo:background-color=\"#e0e0e0\" fo:padding-left=\"1.41mm\" fo:padding-right=\"1.41mm\" "
           "fo:padding-top=\"1.06mm\" fo:padding-bottom=\"1.06mm\" fo:border=\"0.5pt solid #000000\"/></style:style>"
           "<style:style style:name=\"Row\" style:family=\"table-row\"><style:table-row-properties "
           "fo:keep-together=\"always\"/></style:style>";
    out += table_styles_;
    out += paragraph_styles_.xml();
    out += "</office:automatic-styles><office:body><office:text>";
    out += body_;
    out += "</office:text></office:body></office:document-content>";
    return out;
  }

 private:
  std::string take_break_style(const std::string& parent, std::optional<doc::Align> align) {
    const bool brk = break_pending_;
    break_pending_ = false;
    return paragraph_styles_.get(parent, align, brk);
  }

  // ODF collapses runs of spaces and drops leading ones: every space after a space, a tab, a line break
  // or the start of the paragraph is written as <text:s/>.
  void inline_text(std::string& out, const doc::Inline& spans) {
    bool after_space = true;
    for (const doc::Span& span : spans) {
      const std::string text = xml_escape(span.text);
      if (text.empty()) continue;
      const std::string style = text_style(span);
      if (!style.empty()) out += "<text:span text:style-name=\"" + style + "\">";
      for (char c : text) {
        if (c == ' ') {
          out += after_space ? "<text:s/>" : " ";
          after_space = true;
        } else if (c == '\t') {
          out += "<text:tab/>";
          after_space = true;
        } else if (c == '\n') {
          out += "<text:line-break/>";
          after_space = true;
        } else {
          out += c;
          after_space = false;
        }
      }
      if (!style.empty()) out += "</text:span>";
    }
  }

  void paragraph(const std::string& parent, std::optional<doc::Align> align, const doc::Inline& content) {
    const std::string style = take_break_style(parent, align);
    body_ += "<text:p text:style-name=\"" + style + "\">";
    inline_text(body_, content);
    body_ += "</text:p>";
  }

  void plain_paragraph(const std::string& parent, const std::string& text) {
    paragraph(parent, {}, doc::Inline{doc::Span{text, false, false}});
  }

  // A span's automatic text style: "Tb", "Ti", "Tbi" as before, and with "s" for an ordinal's superscript
  // letters, "n" for a value never hyphenated ("Tn", "Tbsn"…), each defined once it is used.
  std::string text_style(const doc::Span& span) {
    std::string name;
    if (span.bold) name += 'b';
    if (span.italic) name += 'i';
    if (span.superscript) name += 's';
    if (span.keep_whole) name += 'n';
    if (name.empty()) return name;
    name.insert(name.begin(), 'T');
    if (span.superscript || span.keep_whole) used_text_styles_.insert(name);
    return name;
  }

  std::string extra_text_styles() const {
    std::string out;
    for (const std::string& name : used_text_styles_) {
      out += "<style:style style:name=\"" + name + "\" style:family=\"text\"><style:text-properties";
      if (name.find('b') != std::string::npos) {
        out += " fo:font-weight=\"bold\" style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"";
      }
      if (name.find('i') != std::string::npos) {
        out += " fo:font-style=\"italic\" style:font-style-asian=\"italic\" style:font-style-complex=\"italic\"";
      }
      // The PDF's superscript: 58 % of the size, raised by a third.
      if (name.find('s') != std::string::npos) out += " style:text-position=\"super 58%\"";
      // LibreOffice 7.4 ignores fo:hyphenate on a span, but never hyphenates text in no language (zxx):
      // a name or an English title is no French word anyway.
      if (name.find('n') != std::string::npos) {
        out += " fo:hyphenate=\"false\" fo:language=\"zxx\" fo:country=\"none\"";
      }
      out += "/></style:style>";
    }
    return out;
  }

  void write(const doc::Paragraph& p) {
    paragraph("Text_20_body", p.align == doc::Align::justify ? std::nullopt : std::optional(p.align), p.content);
  }

  void write(const doc::Heading& h) {
    const int level = std::clamp(h.level, 1, 3);
    // The look of the template's level, the outline of the PDF's structure tree (H1–H3).
    outline_ = doc::outline_level(h.level, outline_);
    const std::string style = take_break_style("Heading_20_" + std::to_string(level), {});
    body_ += "<text:h text:style-name=\"" + style + "\" text:outline-level=\"" + std::to_string(outline_) + "\">";
    inline_text(body_, h.content);
    body_ += "</text:h>";
  }

  void write(const doc::ListBlock& l) {
    if (l.items.empty()) return;
    body_ += std::string("<text:list text:style-name=\"") + (l.ordered ? "Liste_20_numerotee" : "Liste_20_puces") +
             "\">";
    for (std::size_t i = 0; i < l.items.size(); ++i) {
      body_ += "<text:list-item";
      if (i == 0 && l.ordered && l.start != 1) body_ += " text:start-value=\"" + std::to_string(l.start) + "\"";
      body_ += ">";
      const std::string parent = i + 1 == l.items.size() ? "Liste_20_dernier" : "Liste";
      const std::string style = take_break_style(parent, {});
      body_ += "<text:p text:style-name=\"" + style + "\">";
      inline_text(body_, l.items[i]);
      body_ += "</text:p></text:list-item>";
    }
    body_ += "</text:list>";
  }

  void row(const std::vector<doc::Inline>& cells, std::size_t columns, const std::vector<doc::TableColumn>& specs,
           bool header) {
    body_ += "<table:table-row table:style-name=\"Row\">";
    for (std::size_t c = 0; c < columns; ++c) {
      body_ += std::string("<table:table-cell table:style-name=\"") + (header ? "HeadCell" : "Cell") +
               "\" office:value-type=\"string\">";
      const doc::Align align = c < specs.size() ? specs[c].align : doc::Align::left;
      const std::string style = paragraph_styles_.get(header ? "Table_20_Heading" : "Table_20_Contents",
                                                      align == doc::Align::left ? std::nullopt : std::optional(align),
                                                      false);
      body_ += "<text:p text:style-name=\"" + style + "\">";
      if (c < cells.size()) inline_text(body_, cells[c]);
      body_ += "</text:p></table:table-cell>";
    }
    body_ += "</table:table-row>";
  }

  void write(const doc::Table& t) {
    std::size_t columns = t.columns.size();
    for (const auto* rows : {&t.header, &t.rows}) {
      for (const auto& r : *rows) columns = std::max(columns, r.size());
    }
    if (columns == 0) return;
    const std::string name = "Tableau" + std::to_string(++tables_);
    table_styles_ += "<style:style style:name=\"" + name + "\" style:family=\"table\"><style:table-properties style:width=\"" +
                     mm_text(kTextWidth) + "\" table:align=\"margins\" table:border-model=\"collapsing\"";
    if (break_pending_) table_styles_ += " fo:break-before=\"page\"";
    break_pending_ = false;
    table_styles_ += "/></style:style>";
    // The PDF layout's own column widths, measured with the same font: a column is never narrower than
    // its longest unbreakable run, so that LibreOffice and Word do not cut an amount from its € either.
    const std::vector<double> widths_pt = render::table_column_widths(
        t, render::FontMeasurer(render::FontMetrics::liberation_sans()));
    double total_pt = 0;
    for (double w : widths_pt) total_pt += w;
    long used = 0;
    std::string column_xml;
    for (std::size_t c = 0; c < columns; ++c) {
      const long share = std::lround(static_cast<double>(kTextWidth) * widths_pt[c] / total_pt);
      const long width = c + 1 == columns ? kTextWidth - used : share;
      used += width;
      const std::string column_style = name + "." + column_letters(c);
      table_styles_ += "<style:style style:name=\"" + column_style +
                       "\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"" +
                       mm_text(width) + "\" style:rel-column-width=\"" + std::to_string(width) + "*\"/></style:style>";
      column_xml += "<table:table-column table:style-name=\"" + column_style + "\"/>";
    }
    body_ += "<table:table table:name=\"" + name + "\" table:style-name=\"" + name + "\">" + column_xml;
    if (!t.header.empty()) {
      // Repeated at the top of every page the table crosses, in LibreOffice and in Word.
      body_ += "<table:table-header-rows>";
      for (const auto& r : t.header) row(r, columns, t.columns, true);
      body_ += "</table:table-header-rows>";
    }
    for (const auto& r : t.rows) row(r, columns, t.columns, false);
    body_ += "</table:table>";
  }

  static std::string column_letters(std::size_t index) {
    std::string letters;
    for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
  }

  void write(const doc::PageBreak&) { break_pending_ = true; }

  void write(const doc::Letterhead& l) {
    for (const doc::Inline& line : l.lines) paragraph("Timbre", {}, line);
  }

  void write(const doc::AddressWindow& a) {
    for (const std::string& line : a.lines) plain_paragraph("Adresse", line);
  }

  void write(const doc::PlaceDate& p) { paragraph("Lieu_20_et_20_date", {}, doc::with_ordinals(p.text)); }

  // Like the PDF: space before the block, room for the hand signature above the name (the last line).
  void write(const doc::Signature& s) {
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
      const bool name = i + 1 == s.lines.size() && i > 0;
      // The signature's styles are not hyphenated: its lines need no span of their own to keep names whole.
      paragraph(name ? "Signature_20_nom" : i == 0 ? "Signature" : "Signature_20_suite", {},
                doc::with_ordinals(s.lines[i]));
    }
  }

  std::string body_;
  std::set<std::string> used_text_styles_;
  std::string table_styles_;
  ParagraphStyles paragraph_styles_;
  int tables_ = 0;
  int outline_ = 0;  // the outline level of the last heading, 0 before any
  bool break_pending_ = false;
};

}  // namespace

const char* const kNamespaces =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
    "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:xlink=\"http://www.w3.org/1999/xlink\"";

std::string content_xml(const doc::Document& document) { return ContentWriter().run(document); }

}  // namespace aap::render::odt
