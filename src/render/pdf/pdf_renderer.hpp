// The PDF backend's entry: a doc::Document laid out, painted and written as a PDF file.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "render/document/document.hpp"
#include "render/layout/page.hpp"

namespace aap::render {

/// A document laid out and painted once, its page content streams already compressed: written alone
/// (render_pdf) and again inside a print batch (render_pdf_batch) without a second layout.
struct PaintedPdf {
  struct Page {
    double width_pt = 0;
    double height_pt = 0;
    std::string content;  // the content stream, zlib-compressed
    std::vector<NodeId> mcid_nodes;  // the structure node each MCID of the page marks
  };
  doc::Metadata metadata;
  std::vector<Page> pages;
  std::vector<StructNode> structure;  // the logical structure, node 0 the Document
  /// Per face (regular, bold, italic, bold italic): which glyph ids the pages draw, empty when none.
  std::array<std::vector<bool>, 4> glyphs;
};

/// Lays out and paints `document`. Throws MissingGlyph, InvalidText, LayoutError, or std::invalid_argument
/// for a metadata.date_iso that is not YYYY-MM-DD.
PaintedPdf paint_pdf(const doc::Document& document);

/// The PDF bytes of `painted`, a tagged PDF/A-2A and PDF/UA-1 file: A4, Liberation Sans subset-embedded
/// with ToUnicode maps, the structure tree of the layout, title, author, subject, /Lang, dates from
/// metadata.date_iso (never the clock) and the identifier in Info so that /ID differs per document, the
/// same in the XMP packet, the sRGB output intent. Identical input gives identical bytes.
std::string render_pdf(const PaintedPdf& painted);

/// render_pdf(paint_pdf(document)).
std::string render_pdf(const doc::Document& document);

/// Several documents in one PDF for printing on both sides: each keeps its own "Page N/M", each starts on
/// an odd page (a blank page follows a document of odd length), and the fonts are embedded once for all.
/// `metadata` describes the whole file. A print batch is PDF/A-2U, untagged: it is for the printer.
std::string render_pdf_batch(const std::vector<PaintedPdf>& documents, const doc::Metadata& metadata);

/// The same, painting each document first. Same exceptions as paint_pdf.
std::string render_pdf_batch(const std::vector<doc::Document>& documents, const doc::Metadata& metadata);

/// render_pdf_batch one document at a time: the pages of each document are taken as it is added (while
/// later documents are still being painted), the fonts are embedded and the file written by finish().
/// The bytes are those of render_pdf_batch over the same documents. Not for use by two threads at once.
class PdfBatch {
 public:
  /// Throws std::invalid_argument for a metadata.date_iso that is not YYYY-MM-DD.
  explicit PdfBatch(doc::Metadata metadata);
  ~PdfBatch();
  PdfBatch(const PdfBatch&) = delete;
  PdfBatch& operator=(const PdfBatch&) = delete;

  /// Copies the pages of `document`, then a blank page when it has an odd number of them.
  void add(const PaintedPdf& document);
  /// The file; the batch cannot be added to afterwards.
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

namespace detail {
/// Appends `value` as the content streams write numbers: rounded to the nearest thousandth (half away
/// from zero), trailing zeros dropped, never an exponent nor "-0", whatever the locale. Throws
/// std::logic_error for a value that is not finite or beyond ±10¹².
void append_pdf_number(std::string& out, double value);
/// `value` in thousandths as append_pdf_number rounds it (same limits).
long long pdf_thousandths(double value);
/// Appends a number given in thousandths as append_pdf_number writes it (1500 → "1.5").
void append_pdf_thousandths(std::string& out, long long thousandths);
}  // namespace detail

}  // namespace aap::render
