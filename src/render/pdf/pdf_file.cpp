// Assembly: the page tree, the fonts, the metadata and PoDoFo's writer.
#include "render/pdf/pdf_file.hpp"

#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>

#include "render/pdf/font_metrics.hpp"
#include "render/pdf/icc_profile.hpp"
#include "render/pdf/font_subset.hpp"
#include "render/pdf/string_device.hpp"
#include "render/pdf/structure_tree.hpp"

namespace aap::render::detail {

namespace {

PoDoFo::PdfString utf8_string(const std::string& s) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(s.data()), static_cast<PoDoFo::pdf_long>(s.size()));
}

}  // namespace

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

namespace {

void set_metadata(PoDoFo::PdfMemDocument& pdf, const doc::Metadata& m, const std::string& date) {
  PoDoFo::PdfInfo* info = pdf.GetInfo();
  // Every entry has its XMP equivalent (xmp_packet), as PDF/A wants; empty ones are left out of both.
  info->SetTitle(utf8_string(m.title));
  if (!m.author.empty()) info->SetAuthor(utf8_string(m.author));
  if (!m.subject.empty()) info->SetSubject(utf8_string(m.subject));
  info->SetCreator(PoDoFo::PdfString(kCreatorTool));
  info->SetProducer(PoDoFo::PdfString(kProducer));
  // PoDoFo stamps the clock into CreationDate: replace it by the documents' date, or drop it, so that the
  // same input gives the same bytes. /ID is a hash of Info: the identifier makes it differ per document.
  auto& dict = info->GetObject()->GetDictionary();
  if (date.empty()) {
    dict.RemoveKey(PoDoFo::PdfName("CreationDate"));
    dict.RemoveKey(PoDoFo::PdfName("ModDate"));
  } else {
    dict.AddKey(PoDoFo::PdfName("CreationDate"), PoDoFo::PdfString(date));
    dict.AddKey(PoDoFo::PdfName("ModDate"), PoDoFo::PdfString(date));
  }
  if (!m.identifier.empty()) info->SetCustomKey(PoDoFo::PdfName("Identifier"), utf8_string(m.identifier));
  // /Lang through the catalog: SetLanguage() leaks in 0.9.8.
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
  pdf->SetWriteMode(PoDoFo::ePdfWriteMode_Clean);
  return pdf;
}


}  // namespace

Assembly::Assembly(doc::Metadata metadata, Conformance conformance)
    : metadata_(std::move(metadata)),
      conformance_(conformance),
      date_(pdf_date(metadata_.date_iso)),  // refused before any work
      pdf_(new_document()),
      objects_(*pdf_->GetCatalog()->GetOwner()),
      pages_root_(pdf_->GetPagesTree()->GetObject()),
      resources_(objects_.CreateObject()) {}

Assembly::~Assembly() = default;

void Assembly::add_page(const PaintedPdf::Page& p) {
  PoDoFo::PdfObject* content = stream_object(objects_, p.content);
  expected_size_ += p.content.size() + 200;
  PoDoFo::PdfObject* page = objects_.CreateObject("Page");
  auto& dict = page->GetDictionary();
  dict.AddKey(PoDoFo::PdfName("Parent"), pages_root_->Reference());
  PoDoFo::PdfVariant box;
  PoDoFo::PdfRect(0, 0, p.width_pt, p.height_pt).ToVariant(box);
  dict.AddKey(PoDoFo::PdfName("MediaBox"), box);
  dict.AddKey(PoDoFo::PdfName("Resources"), resources_->Reference());
  dict.AddKey(PoDoFo::PdfName("Contents"), content->Reference());
  kids_.push_back(page->Reference());
  page_objects_.push_back(page);
}

void Assembly::add_structure(const std::vector<StructNode>& structure, const std::vector<PaintedPdf::Page>& pages) {
  if (pages.size() != page_objects_.size()) throw std::logic_error("Assembly::add_structure : pages différentes");
  std::vector<TaggedPage> tagged;
  tagged.reserve(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) tagged.push_back({page_objects_[i], &pages[i].mcid_nodes});
  expected_size_ += add_structure_tree(objects_, pdf_->GetCatalog()->GetDictionary(), structure, tagged);
}

void Assembly::embed_fonts(const std::array<std::vector<bool>, 4>& glyphs) {
  const FontMetrics& metrics = FontMetrics::liberation_sans();
  PoDoFo::PdfDictionary fonts;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (glyphs[i].empty()) continue;
    const PoDoFo::PdfObject* font =
        embed_face(objects_, metrics.face(static_cast<Face>(i)), i, glyphs[i], expected_size_);
    const std::array<char, 3> key{'F', static_cast<char>('0' + i), '\0'};
    fonts.AddKey(PoDoFo::PdfName(key.data()), font->Reference());
  }
  if (!fonts.GetKeys().empty()) resources_->GetDictionary().AddKey(PoDoFo::PdfName("Font"), fonts);
}

std::string Assembly::write() {
  pages_root_->GetDictionary().AddKey(PoDoFo::PdfName("Kids"), kids_);
  pages_root_->GetDictionary().AddKey(PoDoFo::PdfName("Count"),
                                      PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(kids_.size())));
  set_metadata(*pdf_, metadata_, date_);
  add_archival_parts();
  std::string bytes;
  StringOutputDevice device(bytes, expected_size_);
  pdf_->Write(&device);
  return bytes;
}

// PDF/A-2: the XMP packet, unfiltered (6.6.2.1), and an output intent whose profile gives the gray the pages
// paint in (DeviceGray is allowed under any PDF/A output intent, 6.2.4.3).
void Assembly::add_archival_parts() {
  using PoDoFo::PdfName;
  auto& catalog = pdf_->GetCatalog()->GetDictionary();
  const std::string xmp = xmp_packet(metadata_, conformance_);
  PoDoFo::PdfObject* metadata = objects_.CreateObject("Metadata");
  metadata->GetDictionary().AddKey(PdfName("Subtype"), PdfName("XML"));
  PoDoFo::PdfMemoryInputStream input(xmp.data(), static_cast<PoDoFo::pdf_long>(xmp.size()));
  metadata->GetStream()->SetRawData(&input, static_cast<PoDoFo::pdf_long>(xmp.size()));
  catalog.AddKey(PdfName("Metadata"), metadata->Reference());

  const IccProfile& icc = srgb_profile();
  PoDoFo::PdfObject* profile =
      stream_object(objects_, std::string_view(reinterpret_cast<const char*>(icc.data), icc.size));
  profile->GetDictionary().AddKey(PdfName("N"), PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(icc.components)));
  PoDoFo::PdfDictionary intent;
  intent.AddKey(PdfName::KeyType, PdfName("OutputIntent"));
  intent.AddKey(PdfName("S"), PdfName("GTS_PDFA1"));
  intent.AddKey(PdfName("OutputConditionIdentifier"), PoDoFo::PdfString("sRGB IEC61966-2.1"));
  intent.AddKey(PdfName("Info"), PoDoFo::PdfString("sRGB IEC61966-2.1"));
  intent.AddKey(PdfName("DestOutputProfile"), profile->Reference());
  PoDoFo::PdfArray intents;
  intents.push_back(intent);
  catalog.AddKey(PdfName("OutputIntents"), intents);
  expected_size_ += xmp.size() + icc.size + 400;
}

}  // namespace aap::render::detail
