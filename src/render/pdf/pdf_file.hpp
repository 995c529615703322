// Assembly: one PDF file put together from painted pages, embedded fonts and metadata.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "render/document/document.hpp"
#include "render/pdf/object_file.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "render/pdf/xmp.hpp"

namespace aap::render::detail {

/// "2027-03-20" → "D:20270320000000Z"; empty stays empty. Throws std::invalid_argument otherwise.
std::string pdf_date(const std::string& iso);

/// One file being put together: pages added one by one, the fonts they use embedded once, the metadata
/// (Info, and the XMP packet in agreement), the sRGB output intent that PDF/A asks for.
/// The page tree is flat (a print batch has 20,000 pages, and a balanced tree gains nothing here). One shared
/// Resources object serves every page.
class Assembly {
 public:
  /// A file claiming `conformance` in its XMP. Throws std::invalid_argument for a metadata.date_iso that is
  /// not YYYY-MM-DD.
  Assembly(doc::Metadata metadata, Conformance conformance);
  ~Assembly();
  Assembly(const Assembly&) = delete;
  Assembly& operator=(const Assembly&) = delete;

  /// A page whose content stays where it is until write() (`p` must outlive it), or is copied (`copy`).
  void add_page(const PaintedPdf::Page& p, bool copy);
  /// The structure tree of a tagged file, /MarkInfo, /StructParents: `pages` are the pages added, in order.
  void add_structure(const std::vector<StructNode>& structure, const std::vector<PaintedPdf::Page>& pages);
  void embed_fonts(const std::array<std::vector<bool>, 4>& glyphs);
  std::string write();

 private:
  struct PageEntry {
    std::uint32_t number;
    std::uint32_t content;
    double width_pt;
    double height_pt;
  };
  std::string info_dictionary() const;
  void write_catalog(std::uint32_t metadata, std::uint32_t profile);
  void write_pages();

  doc::Metadata metadata_;
  Conformance conformance_;
  std::string date_;
  ObjectFile file_;
  // Numbered as PoDoFo's document numbered them: the same objects, the same bytes as before it was dropped.
  std::uint32_t catalog_;
  std::uint32_t info_;
  std::uint32_t pages_root_;
  std::uint32_t resources_;
  std::vector<PageEntry> pages_;
  std::uint32_t structure_root_ = 0;  // 0: untagged
  std::string fonts_;  // the /Font dictionary's entries
};

}  // namespace aap::render::detail
