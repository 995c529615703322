// Assembly: one PDF file put together with PoDoFo from painted pages, embedded fonts and metadata.
#pragma once

#include <podofo/podofo.h>

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "render/document/document.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "render/pdf/xmp.hpp"

namespace aap::render::detail {

/// "2027-03-20" → "D:20270320000000Z"; empty stays empty. Throws std::invalid_argument otherwise.
std::string pdf_date(const std::string& iso);

/// One file being put together: pages added one by one, the fonts they use embedded once, the metadata
/// (Info, and the XMP packet in agreement), the sRGB output intent that PDF/A asks for.
/// The page tree is built here, flat: PoDoFo's CreatePage walks the tree for every page it inserts,
/// quadratic for a print batch of 20,000 pages. One shared Resources object serves every page.
class Assembly {
 public:
  /// A file claiming `conformance` in its XMP. Throws std::invalid_argument for a metadata.date_iso that is
  /// not YYYY-MM-DD.
  Assembly(doc::Metadata metadata, Conformance conformance);
  ~Assembly();
  Assembly(const Assembly&) = delete;
  Assembly& operator=(const Assembly&) = delete;

  void add_page(const PaintedPdf::Page& p);
  /// The structure tree of a tagged file, /MarkInfo, /StructParents: `pages` are the pages added, in order.
  void add_structure(const std::vector<StructNode>& structure, const std::vector<PaintedPdf::Page>& pages);
  void embed_fonts(const std::array<std::vector<bool>, 4>& glyphs);
  std::string write();

 private:
  void add_archival_parts();

  doc::Metadata metadata_;
  Conformance conformance_;
  std::string date_;
  std::unique_ptr<PoDoFo::PdfMemDocument> pdf_;
  PoDoFo::PdfVecObjects& objects_;
  PoDoFo::PdfObject* pages_root_;
  PoDoFo::PdfObject* resources_;
  PoDoFo::PdfArray kids_;
  std::vector<PoDoFo::PdfObject*> page_objects_;
  std::size_t expected_size_ = 4096;  // the file's size, about: what it is written into is reserved once
};

}  // namespace aap::render::detail
