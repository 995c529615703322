// Assembly: the page tree, the fonts, the metadata, the catalog.
#include "render/pdf/pdf_file.hpp"

#include <openssl/evp.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "render/pdf/font_metrics.hpp"
#include "render/pdf/font_subset.hpp"
#include "render/pdf/icc_profile.hpp"
#include "render/pdf/structure_tree.hpp"

namespace aap::render::detail {

namespace {

/// The file's /ID: the MD5 of its Info dictionary (ISO 32000-1 14.4 suggests MD5 of what identifies the
/// file; Info holds the title and the document's identifier, so two documents differ, a rerun does not).
std::string file_identifier(std::string_view info) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(info.data(), info.size(), digest, &length, EVP_md5(), nullptr) != 1 || length != 16) {
    throw std::runtime_error("PDF : empreinte MD5 de l’identifiant du fichier impossible (OpenSSL)");
  }
  return std::string(reinterpret_cast<const char*>(digest), length);
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

Assembly::Assembly(doc::Metadata metadata, Conformance conformance)
    : metadata_(std::move(metadata)),
      conformance_(conformance),
      date_(pdf_date(metadata_.date_iso)),  // refused before any work
      catalog_(file_.reserve()),
      info_(file_.reserve()),
      pages_root_(file_.reserve()),
      resources_(file_.reserve()) {}

Assembly::~Assembly() = default;

void Assembly::add_page(const PaintedPdf::Page& p, bool copy) {
  const std::uint32_t content = file_.reserve();
  const std::string_view data = copy ? file_.keep(p.content) : std::string_view(p.content);
  std::string& text = file_.begin_object(content);
  text += "<<\n/Filter /FlateDecode\n/Length ";
  append_uint(text, data.size());
  text += "\n>>";
  // An empty stream would be written without its keywords: an empty page's content is compressed, never empty.
  if (data.empty()) throw std::logic_error("Assembly::add_page : contenu vide");
  file_.end_object(data);
  pages_.push_back({file_.reserve(), content, p.width_pt, p.height_pt});
}

void Assembly::add_structure(const std::vector<StructNode>& structure, const std::vector<PaintedPdf::Page>& pages) {
  if (pages.size() != pages_.size()) throw std::logic_error("Assembly::add_structure : pages différentes");
  std::vector<TaggedPage> tagged;
  tagged.reserve(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) tagged.push_back({pages_[i].number, &pages[i].mcid_nodes});
  structure_root_ = add_structure_tree(file_, structure, tagged);
}

void Assembly::embed_fonts(const std::array<std::vector<bool>, 4>& glyphs) {
  const FontMetrics& metrics = FontMetrics::liberation_sans();
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (glyphs[i].empty()) continue;
    const std::uint32_t font = embed_face(file_, metrics.face(static_cast<Face>(i)), i, glyphs[i]);
    fonts_ += "/F";
    fonts_ += static_cast<char>('0' + i);
    fonts_ += ' ';
    append_ref(fonts_, font);
    fonts_ += '\n';
  }
}

namespace {

/// Appends the items of a clean-written array: "[ a b c ]", a line break after every tenth.
template <typename Each>
void append_array(std::string& out, std::size_t count, Each each) {
  out += "[ ";
  for (std::size_t i = 0; i < count; ++i) {
    each(i);
    out += (i + 1) % 10 == 0 ? '\n' : ' ';
  }
  out += ']';
}

}  // namespace

std::string Assembly::info_dictionary() const {
  // Every entry has its XMP equivalent (xmp_packet), as PDF/A wants; empty ones are left out of both.
  // Keys in PoDoFo's order (sorted); the dates are the documents' date, never the clock, so that the same
  // input gives the same bytes. /ID is a hash of Info: the identifier makes it differ per document.
  std::string text = "<<\n";
  if (!metadata_.author.empty()) {
    text += "/Author ";
    append_text_string(text, metadata_.author);
    text += '\n';
  }
  if (!date_.empty()) {
    text += "/CreationDate ";
    append_literal(text, date_);
    text += '\n';
  }
  text += "/Creator ";
  append_literal(text, kCreatorTool);
  text += '\n';
  if (!metadata_.identifier.empty()) {
    text += "/Identifier ";
    append_text_string(text, metadata_.identifier);
    text += '\n';
  }
  if (!date_.empty()) {
    text += "/ModDate ";
    append_literal(text, date_);
    text += '\n';
  }
  text += "/Producer ";
  append_literal(text, kProducer);
  text += '\n';
  if (!metadata_.subject.empty()) {
    text += "/Subject ";
    append_text_string(text, metadata_.subject);
    text += '\n';
  }
  text += "/Title ";
  append_text_string(text, metadata_.title);
  text += "\n>>";
  return text;
}

// PDF/A-2: the XMP packet, unfiltered (6.6.2.1), and an output intent whose profile gives the gray the pages
// paint in (DeviceGray is allowed under any PDF/A output intent, 6.2.4.3). /Lang through the catalog.
void Assembly::write_catalog(std::uint32_t metadata, std::uint32_t profile) {
  std::string& text = file_.begin_object(catalog_);
  text += "<<\n/Type /Catalog\n/Lang ";
  append_literal(text, metadata_.language.empty() ? std::string_view("fr-FR") : std::string_view(metadata_.language));
  if (structure_root_ != 0) text += "\n/MarkInfo <<\n/Marked true\n>>";
  text += "\n/Metadata ";
  append_ref(text, metadata);
  text += "\n/OutputIntents [ <<\n/Type /OutputIntent\n/DestOutputProfile ";
  append_ref(text, profile);
  text += "\n/Info (sRGB IEC61966-2.1)\n/OutputConditionIdentifier (sRGB IEC61966-2.1)\n/S /GTS_PDFA1\n>> ]"
          "\n/Pages ";
  append_ref(text, pages_root_);
  if (structure_root_ != 0) {
    text += "\n/StructTreeRoot ";
    append_ref(text, structure_root_);
  }
  text += "\n/ViewerPreferences <<\n/DisplayDocTitle true\n>>\n>>";
  file_.end_object();
}

void Assembly::write_pages() {
  std::string& tree = file_.begin_object(pages_root_);
  tree += "<<\n/Type /Pages\n/Count ";
  append_uint(tree, pages_.size());
  tree += "\n/Kids ";
  append_array(tree, pages_.size(), [&](std::size_t i) { append_ref(tree, pages_[i].number); });
  tree += "\n>>";
  file_.end_object();
  std::string& resources = file_.begin_object(resources_);
  resources += "<<\n";
  if (!fonts_.empty()) {
    resources += "/Font <<\n";
    resources += fonts_;
    resources += ">>\n";
  }
  resources += ">>";
  file_.end_object();
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    const PageEntry& p = pages_[i];
    std::string& text = file_.begin_object(p.number);
    text += "<<\n/Type /Page\n/Contents ";
    append_ref(text, p.content);
    text += "\n/MediaBox [ 0.000000 0.000000 ";
    append_fixed(text, p.width_pt);
    text += ' ';
    append_fixed(text, p.height_pt);
    text += " ]\n/Parent ";
    append_ref(text, pages_root_);
    text += "\n/Resources ";
    append_ref(text, resources_);
    if (structure_root_ != 0) {
      // The page's index is its key in the parent tree (add_structure_tree).
      text += "\n/StructParents ";
      append_uint(text, i);
    }
    text += "\n>>";
    file_.end_object();
  }
}

std::string Assembly::write() {
  write_pages();
  const std::string info = info_dictionary();
  std::string& info_text = file_.begin_object(info_);
  info_text += info;
  file_.end_object();

  const std::uint32_t metadata = file_.reserve();
  const std::string_view xmp = file_.keep(xmp_packet(metadata_, conformance_));
  std::string& metadata_text = file_.begin_object(metadata);
  metadata_text += "<<\n/Type /Metadata\n/Length ";
  append_uint(metadata_text, xmp.size());
  metadata_text += "\n/Subtype /XML\n>>";
  file_.end_object(xmp);

  const IccProfile& icc = srgb_profile();
  const std::uint32_t profile = file_.reserve();
  std::string& profile_text = file_.begin_object(profile);
  profile_text += "<<\n/Filter /FlateDecode\n/Length ";
  append_uint(profile_text, icc.size);
  profile_text += "\n/N ";
  append_uint(profile_text, static_cast<std::uint64_t>(icc.components));
  profile_text += "\n>>";
  file_.end_object(std::string_view(reinterpret_cast<const char*>(icc.data), icc.size));

  write_catalog(metadata, profile);
  return file_.write(catalog_, info_, file_identifier(info));
}

}  // namespace aap::render::detail
