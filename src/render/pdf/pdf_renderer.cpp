// The PDF backend: a PoDoFo canvas for the layout, metadata, and reproducible output.
#include "render/pdf/pdf_renderer.hpp"

#include <podofo/podofo.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "render/layout/canvas.hpp"
#include "render/layout/layout.hpp"
#include "render/pdf/font_metrics.hpp"

namespace aap::render {

namespace {

PoDoFo::PdfString utf8_string(const std::string& s) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(s.data()), static_cast<PoDoFo::pdf_long>(s.size()));
}

/// The characters FontMetrics measures in place of glyphs Liberation lacks: U+2011 as "-", U+2060 dropped.
std::string drawable(std::string_view text) {
  std::string out(text);
  for (std::size_t at = out.find("\u2011"); at != std::string::npos; at = out.find("\u2011", at)) {
    out.replace(at, 3, "-");
  }
  for (std::size_t at = out.find("\u2060"); at != std::string::npos; at = out.find("\u2060", at)) {
    out.erase(at, 3);
  }
  return out;
}

class PdfCanvas final : public Canvas {
 public:
  PdfCanvas(PoDoFo::PdfMemDocument& pdf, const FontMetrics& metrics) : pdf_(pdf), metrics_(metrics) {}
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  ~PdfCanvas() override {
    // PoDoFo's painter aborts the program when destroyed with a page still open.
    if (page_open_) {
      try {
        painter_.FinishPage();
      } catch (...) {  // the document is being abandoned anyway
      }
    }
  }

  void begin_page(double width_pt, double height_pt) override {
    PoDoFo::PdfPage* page = pdf_.CreatePage(PoDoFo::PdfRect(0, 0, width_pt, height_pt));
    painter_.SetPage(page);
    page_open_ = true;
    height_pt_ = height_pt;
  }

  void text(double x_pt, double baseline_pt, std::string_view text, Face face, double size_pt) override {
    PoDoFo::PdfFont* f = font(face);
    f->SetFontSize(static_cast<float>(size_pt));
    painter_.SetFont(f);
    painter_.DrawText(x_pt, height_pt_ - baseline_pt, utf8_string(drawable(text)));
  }

  void line(double x0_pt, double y0_pt, double x1_pt, double y1_pt, double width_pt) override {
    painter_.SetStrokeWidth(width_pt);
    painter_.DrawLine(x0_pt, height_pt_ - y0_pt, x1_pt, height_pt_ - y1_pt);
  }

  void fill_rect(double x_pt, double y_pt, double width_pt, double height_pt, double gray) override {
    painter_.SetColor(gray, gray, gray);
    painter_.Rectangle(x_pt, height_pt_ - y_pt - height_pt, width_pt, height_pt);
    painter_.Fill();
    painter_.SetColor(0, 0, 0);
  }

  void end_page() override {
    painter_.FinishPage();
    page_open_ = false;
  }

 private:
  PoDoFo::PdfFont* font(Face face) {
    auto& slot = fonts_[static_cast<std::size_t>(face)];
    if (slot == nullptr) {
      const FontFace& f = metrics_.face(face);
      // Identity encoding: two-byte glyph ids with a ToUnicode map, so every character survives and
      // pdftotext reads it back; the subset keeps the file small (LIBRARIES.md).
      slot = pdf_.CreateFontSubset("LiberationSans", f.bold, f.italic, false,
                                   PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(), f.path.c_str());
      if (slot == nullptr) throw std::runtime_error("police introuvable : " + f.path);
    }
    return slot;
  }

  PoDoFo::PdfMemDocument& pdf_;
  const FontMetrics& metrics_;
  PoDoFo::PdfPainter painter_;
  std::array<PoDoFo::PdfFont*, 4> fonts_{};
  bool page_open_ = false;
  double height_pt_ = 0;
};

/// "2027-03-20" → "D:20270320000000Z"; empty stays empty.
std::string pdf_date(const std::string& iso) {
  if (iso.empty()) return {};
  const bool shaped = iso.size() == 10 && iso[4] == '-' && iso[7] == '-';
  bool digits = shaped;
  for (std::size_t i = 0; digits && i < iso.size(); ++i) {
    if (i != 4 && i != 7 && (iso[i] < '0' || iso[i] > '9')) digits = false;
  }
  if (!digits) throw std::invalid_argument("date du document invalide (AAAA-MM-JJ attendu) : " + iso);
  return "D:" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "000000Z";
}

void set_metadata(PoDoFo::PdfMemDocument& pdf, const doc::Metadata& m) {
  PoDoFo::PdfInfo* info = pdf.GetInfo();
  info->SetTitle(utf8_string(m.title));
  info->SetAuthor(utf8_string(m.author));
  info->SetSubject(utf8_string(m.subject));
  info->SetCreator(PoDoFo::PdfString("aap"));
  info->SetProducer(PoDoFo::PdfString("aap with PoDoFo 0.9.8"));
  // PoDoFo stamps the clock into CreationDate: replace it by the documents' date, or drop it, so that the
  // same input gives the same bytes. /ID is a hash of Info: the identifier makes it differ per document.
  auto& dict = info->GetObject()->GetDictionary();
  const std::string date = pdf_date(m.date_iso);
  if (date.empty()) {
    dict.RemoveKey(PoDoFo::PdfName("CreationDate"));
    dict.RemoveKey(PoDoFo::PdfName("ModDate"));
  } else {
    dict.AddKey(PoDoFo::PdfName("CreationDate"), PoDoFo::PdfString(date));
    dict.AddKey(PoDoFo::PdfName("ModDate"), PoDoFo::PdfString(date));
  }
  if (!m.identifier.empty()) info->SetCustomKey(PoDoFo::PdfName("Identifier"), utf8_string(m.identifier));
  // /Lang through the catalog: SetLanguage() leaks in 0.9.8 (LIBRARIES.md).
  auto& catalog = pdf.GetCatalog()->GetDictionary();
  catalog.AddKey(PoDoFo::PdfName("Lang"), PoDoFo::PdfString(m.language.empty() ? "fr-FR" : m.language));
  PoDoFo::PdfDictionary viewer;
  viewer.AddKey(PoDoFo::PdfName("DisplayDocTitle"), PoDoFo::PdfVariant(true));
  catalog.AddKey(PoDoFo::PdfName("ViewerPreferences"), viewer);
}

/// A new document. PoDoFo's Info constructor stamps the clock through localtime(), whose static buffer is
/// shared by all threads: construction is serialised (the stamp itself is replaced in set_metadata).
std::unique_ptr<PoDoFo::PdfMemDocument> new_document() {
  static std::mutex clock_mutex;
  std::unique_ptr<PoDoFo::PdfMemDocument> pdf;
  {
    const std::lock_guard<std::mutex> lock(clock_mutex);
    pdf = std::make_unique<PoDoFo::PdfMemDocument>();
  }
  pdf->SetPdfVersion(PoDoFo::ePdfVersion_1_5);
  return pdf;
}

std::string to_bytes(PoDoFo::PdfMemDocument& pdf) {
  PoDoFo::PdfRefCountedBuffer buffer;
  PoDoFo::PdfOutputDevice device(&buffer);
  pdf.Write(&device);
  return std::string(buffer.GetBuffer(), device.GetLength());
}

}  // namespace

std::string render_pdf(const doc::Document& document) {
  const FontMetrics& metrics = FontMetrics::liberation_sans();
  const FontMeasurer measurer(metrics);
  const LaidOutDocument laid_out = layout_document(document, measurer);

  const auto owned = new_document();
  PoDoFo::PdfMemDocument& pdf = *owned;
  {
    PdfCanvas canvas(pdf, metrics);
    paint(laid_out, canvas);
  }
  set_metadata(pdf, document.metadata);
  return to_bytes(pdf);
}

std::string render_pdf_batch(const std::vector<doc::Document>& documents, const doc::Metadata& metadata) {
  const FontMetrics& metrics = FontMetrics::liberation_sans();
  const FontMeasurer measurer(metrics);
  // Every document is laid out before anything is drawn: a MissingGlyph leaves no half-written batch.
  std::vector<LaidOutDocument> laid_out;
  laid_out.reserve(documents.size());
  for (const auto& d : documents) laid_out.push_back(layout_document(d, measurer));

  const auto owned = new_document();
  PoDoFo::PdfMemDocument& pdf = *owned;
  {
    PdfCanvas canvas(pdf, metrics);
    for (const auto& l : laid_out) {
      paint(l, canvas);
      if (l.pages.size() % 2 == 1) {
        canvas.begin_page(l.width_pt, l.height_pt);
        canvas.end_page();
      }
    }
  }
  set_metadata(pdf, metadata);
  return to_bytes(pdf);
}

void write_pdf(const doc::Document& document, const std::string& path) {
  const std::string bytes = render_pdf(document);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error(path + " : écriture impossible");
}

}  // namespace aap::render
