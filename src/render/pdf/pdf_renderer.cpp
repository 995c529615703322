// The PDF backend: content streams written directly, fonts embedded from the build-time tables, the file as text.
#include "render/pdf/pdf_renderer.hpp"

#include <array>
#include <cmath>
#include <charconv>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/layout/layout.hpp"
#include "render/pdf/content_canvas.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/font_program.hpp"
#include "render/pdf/pdf_file.hpp"

namespace aap::render {

namespace {

using detail::Assembly;

// Content streams are small and written for every letter: fast compression.
constexpr int kContentCompression = 1;

/// Adds `painted`'s glyphs to `glyphs`, face by face.
void merge_glyphs(std::array<std::vector<bool>, 4>& glyphs, const PaintedPdf& painted) {
  for (std::size_t f = 0; f < glyphs.size(); ++f) {
    const auto& used = painted.glyphs[f];
    if (used.empty()) continue;
    if (glyphs[f].empty()) glyphs[f].assign(used.size(), false);
    for (std::size_t id = 0; id < used.size(); ++id) glyphs[f][id] = glyphs[f][id] || used[id];
  }
}

}  // namespace

PaintedPdf paint_pdf(const doc::Document& document) {
  const FontMetrics& metrics = FontMetrics::liberation_sans();
  const FontMeasurer measurer(metrics);
  detail::pdf_date(document.metadata.date_iso);  // a bad date is refused before any work
  LaidOutDocument laid_out = layout_document(document, measurer);
  PaintedPdf painted;
  painted.metadata = document.metadata;
  for (auto& page : detail::paint_content(laid_out, metrics, painted.glyphs)) {
    painted.pages.push_back({laid_out.width_pt, laid_out.height_pt, deflate_bytes(page.content, kContentCompression),
                             std::move(page.mcid_nodes)});
  }
  painted.structure = std::move(laid_out.structure);
  return painted;
}

std::string render_pdf(const PaintedPdf& painted) {
  Assembly file(painted.metadata, detail::Conformance{'A', true});
  file.embed_fonts(painted.glyphs);
  for (const auto& page : painted.pages) file.add_page(page, false);  // `painted` outlives the file
  file.add_structure(painted.structure, painted.pages);
  return file.write();
}

std::string render_pdf(const doc::Document& document) { return render_pdf(paint_pdf(document)); }

std::string render_pdf_batch(const std::vector<PaintedPdf>& documents, const doc::Metadata& metadata) {
  PdfBatch batch(metadata);
  for (const PaintedPdf& d : documents) batch.add(d);
  return batch.finish();
}

struct PdfBatch::State {
  explicit State(doc::Metadata metadata)
      : file(std::move(metadata), detail::Conformance{'U', false}), blank(deflate_bytes("", kContentCompression)) {}
  Assembly file;
  std::array<std::vector<bool>, 4> glyphs;
  std::string blank;  // the compressed content of an empty page
  bool finished = false;
};

PdfBatch::PdfBatch(doc::Metadata metadata) : state_(std::make_unique<State>(std::move(metadata))) {}

PdfBatch::~PdfBatch() = default;

void PdfBatch::add(const PaintedPdf& document) {
  if (state_->finished) throw std::logic_error("PdfBatch::add après finish");
  merge_glyphs(state_->glyphs, document);
  // The documents are painted one at a time and dropped once added: their pages are copied.
  for (const auto& page : document.pages) state_->file.add_page(page, true);
  if (document.pages.size() % 2 == 1) {
    state_->file.add_page({document.pages.back().width_pt, document.pages.back().height_pt, state_->blank, {}}, true);
  }
}

std::string PdfBatch::finish() {
  if (state_->finished) throw std::logic_error("PdfBatch::finish appelé deux fois");
  state_->finished = true;
  state_->file.embed_fonts(state_->glyphs);
  return state_->file.write();
}

std::string render_pdf_batch(const std::vector<doc::Document>& documents, const doc::Metadata& metadata) {
  detail::pdf_date(metadata.date_iso);
  // Every document is painted before anything is written: a MissingGlyph leaves no half-written batch.
  std::vector<PaintedPdf> painted;
  painted.reserve(documents.size());
  for (const auto& d : documents) painted.push_back(paint_pdf(d));
  return render_pdf_batch(painted, metadata);
}

namespace detail {

// Thousandths rounded half away from zero, then written as integers: std::to_chars on doubles was 5 % of
// the instructions of a letter, whose content streams hold thousands of coordinates.
long long pdf_thousandths(double value) {
  if (!std::isfinite(value) || std::fabs(value) > 1e12) throw std::logic_error("nombre hors format PDF");
  // Half away from zero, as llround, without the call into libm that was a tenth of the cost of a number.
  const double scaled = value * 1000.0;
  return static_cast<long long>(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
}

void append_pdf_thousandths(std::string& out, long long thousandths) {
  // Written backwards into a buffer: the fraction without its trailing zeros, the point, the whole part.
  std::array<char, 24> buffer{};
  char* const end = buffer.data() + buffer.size();
  char* p = end;
  const bool negative = thousandths < 0;
  unsigned long long rest = negative ? 0ULL - static_cast<unsigned long long>(thousandths)
                                     : static_cast<unsigned long long>(thousandths);
  auto fraction = static_cast<unsigned>(rest % 1000);
  rest /= 1000;
  if (fraction != 0) {
    int digits = 3;
    while (fraction % 10 == 0) {
      fraction /= 10;
      --digits;
    }
    for (; digits > 0; --digits) {
      *--p = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    *--p = '.';
  }
  do {
    *--p = static_cast<char>('0' + rest % 10);
    rest /= 10;
  } while (rest != 0);
  if (negative) *--p = '-';
  out.append(p, end);
}

void append_pdf_number(std::string& out, double value) { append_pdf_thousandths(out, pdf_thousandths(value)); }

}  // namespace detail

}  // namespace aap::render
