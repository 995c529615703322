// The PDF backend: content streams written directly, fonts embedded from the build-time tables, PoDoFo for the file.
#include "render/pdf/pdf_renderer.hpp"

#include <podofo/podofo.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <string>
#include <vector>

#include "render/layout/canvas.hpp"
#include "render/layout/layout.hpp"
#include "render/layout/utf8.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/font_program.hpp"
#include "render/pdf/string_device.hpp"

namespace aap::render {

namespace {

// Content streams are small and written for every letter: fast compression. Font programs are a larger
// share of each file: a better ratio is worth the time.
constexpr int kContentCompression = 1;
constexpr int kFontCompression = 1;

PoDoFo::PdfString utf8_string(const std::string& s) {
  return PoDoFo::PdfString(reinterpret_cast<const PoDoFo::pdf_utf8*>(s.data()), static_cast<PoDoFo::pdf_long>(s.size()));
}

void append_number(std::string& out, double value) { detail::append_pdf_number(out, value); }

void append_hex16(std::string& out, unsigned value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 0xFU]);
}

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
  ContentCanvas(const FontMetrics& metrics, std::array<std::vector<bool>, 4>& glyphs)
      : metrics_(metrics), glyphs_(glyphs) {}

  void begin_page(double width_pt, double height_pt) override {
    pages_.push_back({width_pt, height_pt, {}});
    height_pt_ = height_pt;
    line_width_pt_ = -1;  // each page's content starts from the default graphics state
    in_text_ = false;
    font_ = -1;
    size_pt_ = -1;
  }

  void text(double x_pt, double baseline_pt, std::string_view text, Face face, double size_pt) override {
    std::string& out = pages_.back().content;
    const auto index = static_cast<int>(face);
    if (!in_text_) {
      out += "BT\n";
      in_text_ = true;
      line_x_ = 0;  // BT starts the line matrix at the identity
      line_y_ = 0;
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
    std::string& out = end_text();
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
    std::string& out = end_text();
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

  void end_page() override { end_text(); }

  struct PageContent {
    double width_pt;
    double height_pt;
    std::string content;
  };
  const std::vector<PageContent>& pages() const { return pages_; }

 private:
  std::string& end_text() {
    std::string& out = pages_.back().content;
    if (in_text_) out += "ET\n";
    in_text_ = false;
    font_ = -1;
    size_pt_ = -1;
    return out;
  }

  const FontMetrics& metrics_;
  std::array<std::vector<bool>, 4>& glyphs_;
  std::vector<PageContent> pages_;
  double height_pt_ = 0;
  bool in_text_ = false;
  double line_width_pt_ = -1;  // the stroke width set last on this page; -1 before any
  long long line_x_ = 0;  // where the current text line starts, in thousandths of a point
  long long line_y_ = 0;
  int font_ = -1;
  double size_pt_ = -1;
};

/// Six capitals naming the subset (PDF 9.6.4), derived from the glyphs it holds: same subset, same name.
std::string subset_tag(const std::vector<bool>& glyphs, std::size_t face) {
  std::uint64_t hash = 14695981039346656037ULL ^ face;
  for (std::size_t id = 0; id < glyphs.size(); ++id) {
    if (!glyphs[id]) continue;
    hash = (hash ^ id) * 1099511628211ULL;
  }
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + hash % 26));
    hash /= 26;
  }
  return tag;
}

/// /W for the used glyphs: runs of consecutive ids share one array. Widths as the layout measured them.
std::string widths_array(const FontFace& face, const std::vector<bool>& glyphs) {
  std::string out = "[";
  std::size_t id = 0;
  while (id < glyphs.size()) {
    if (!glyphs[id]) {
      ++id;
      continue;
    }
    out += std::to_string(id);
    out += '[';
    for (bool first = true; id < glyphs.size() && glyphs[id]; ++id, first = false) {
      if (!first) out += ' ';
      std::array<char, 32> buffer{};
      // Shortest text that reads back as the same float: /W and the layout agree exactly.
      auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), face.glyph_advance[id]);
      if (error != std::errc()) throw std::logic_error("largeur hors format PDF");
      out.append(buffer.data(), end);
    }
    out += ']';
  }
  out += ']';
  return out;
}

/// The ToUnicode CMap of the used glyphs (PDF 9.10.3), so that text extraction gives back the characters.
std::string to_unicode_cmap(const FontFace& face, const std::vector<bool>& glyphs) {
  std::vector<std::uint16_t> ids;
  for (std::size_t id = 1; id < glyphs.size(); ++id) {
    if (glyphs[id] && face.glyph_unicode[id] != 0) ids.push_back(static_cast<std::uint16_t>(id));
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t start = 0; start < ids.size(); start += 100) {  // at most 100 entries a section
    const std::size_t count = std::min<std::size_t>(100, ids.size() - start);
    out += std::to_string(count);
    out += " beginbfchar\n";
    for (std::size_t i = start; i < start + count; ++i) {
      out += '<';
      append_hex16(out, ids[i]);
      out += "> <";
      append_hex16(out, static_cast<unsigned>(face.glyph_unicode[ids[i]]));  // the fixed set is in the BMP
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

PoDoFo::PdfObject* stream_object(PoDoFo::PdfVecObjects& objects, const std::string& compressed) {
  PoDoFo::PdfObject* object = objects.CreateObject();
  PoDoFo::PdfMemoryInputStream input(compressed.data(), static_cast<PoDoFo::pdf_long>(compressed.size()));
  object->GetStream()->SetRawData(&input, static_cast<PoDoFo::pdf_long>(compressed.size()));
  // SetRawData stores the bytes as they are and names no filter (LIBRARIES.md).
  object->GetDictionary().AddKey(PoDoFo::PdfName::KeyFilter, PoDoFo::PdfName("FlateDecode"));
  return object;
}

PoDoFo::PdfArray int_array(std::initializer_list<double> values) {
  PoDoFo::PdfArray array;
  for (double v : values) array.push_back(PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(v)));
  return array;
}

/// A dictionary serialised once by PoDoFo with placeholder references, to be written into each file with
/// that file's object numbers: the font dictionaries of a subset are the same in every document but for
/// the numbers of the objects they point to.
class DictionaryText {
 public:
  /// The placeholder reference for slot `k` (0–3): an object number no document reaches.
  static PoDoFo::PdfReference slot(int k) {
    return PoDoFo::PdfReference(kFirstPlaceholder + static_cast<unsigned>(k), 0);
  }

  explicit DictionaryText(const PoDoFo::PdfDictionary& dictionary) {
    std::string text;
    StringOutputDevice device(text, 1024);
    PoDoFo::PdfVariant(dictionary).Write(&device, PoDoFo::ePdfWriteMode_Compact, nullptr);
    // Split at each placeholder's number: "999000001 0 R" → the text before, slot 1, the text after.
    std::size_t from = 0;
    for (;;) {
      std::size_t best = std::string::npos;
      int best_slot = -1;
      for (int k = 0; k < kSlots; ++k) {
        const std::size_t at = text.find(std::to_string(kFirstPlaceholder + static_cast<unsigned>(k)) + " 0 R", from);
        if (at < best) best = at, best_slot = k;
      }
      if (best == std::string::npos) break;
      parts_.push_back(text.substr(from, best - from));
      slots_.push_back(best_slot);
      from = best + std::to_string(kFirstPlaceholder).size();
    }
    parts_.push_back(text.substr(from));
  }

  /// The dictionary with slot k pointing to object `numbers[k]`.
  PoDoFo::PdfData fill(const std::array<PoDoFo::pdf_objnum, 4>& numbers) const {
    std::string text = parts_[0];
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      text += std::to_string(numbers[static_cast<std::size_t>(slots_[i])]);
      text += parts_[i + 1];
    }
    return PoDoFo::PdfData(text.data(), text.size());
  }

 private:
  static constexpr unsigned kFirstPlaceholder = 999000000;
  static constexpr int kSlots = 4;
  std::vector<std::string> parts_;  // text around the placeholders
  std::vector<int> slots_;          // the slot between parts_[i] and parts_[i + 1]
};

/// What one face's subset puts in a file, prepared from its glyph set alone.
struct FaceSubset {
  std::string program;  // compressed
  std::size_t program_length = 0;
  std::string to_unicode;  // compressed
  // Slots: 0 the font program, 1 the descriptor, 2 the CID font, 3 the ToUnicode map.
  std::optional<DictionaryText> descriptor;
  std::optional<DictionaryText> cid_font;
  std::optional<DictionaryText> font;
};

/// The Type0 font dictionaries of face `index` with the subset `tag`, built with PoDoFo once per subset.
void prepare_dictionaries(FaceSubset& subset, const FontFace& face, const std::string& tag, const std::string& widths) {
  using PoDoFo::PdfName;
  using PoDoFo::PdfVariant;
  const EmbeddedFace& e = *face.embedded;
  const double scale = 1000.0 / e.units_per_em;
  const PdfName name(tag + "+" + e.base_name);

  PoDoFo::PdfDictionary d;
  d.AddKey(PdfName::KeyType, PdfName("FontDescriptor"));
  d.AddKey(PdfName("FontName"), name);
  // Nonsymbolic (Latin text), Italic when slanted (PDF table 123).
  d.AddKey(PdfName("Flags"), PdfVariant(static_cast<PoDoFo::pdf_int64>(e.italic ? 32 + 64 : 32)));
  d.AddKey(PdfName("FontBBox"),
           int_array({e.bbox[0] * scale, e.bbox[1] * scale, e.bbox[2] * scale, e.bbox[3] * scale}));
  d.AddKey(PdfName("ItalicAngle"), PdfVariant(static_cast<PoDoFo::pdf_int64>(e.italic_angle)));
  d.AddKey(PdfName("Ascent"), PdfVariant(static_cast<PoDoFo::pdf_int64>(e.ascent * scale)));
  d.AddKey(PdfName("Descent"), PdfVariant(static_cast<PoDoFo::pdf_int64>(e.descent * scale)));
  d.AddKey(PdfName("CapHeight"), PdfVariant(static_cast<PoDoFo::pdf_int64>(e.cap_height * scale)));
  d.AddKey(PdfName("StemV"), PdfVariant(static_cast<PoDoFo::pdf_int64>(e.weight >= 600 ? 120 : 80)));
  d.AddKey(PdfName("FontFile2"), DictionaryText::slot(0));
  subset.descriptor.emplace(d);

  PoDoFo::PdfDictionary c;
  c.AddKey(PdfName::KeyType, PdfName("Font"));
  c.AddKey(PdfName("Subtype"), PdfName("CIDFontType2"));
  c.AddKey(PdfName("BaseFont"), name);
  PoDoFo::PdfDictionary system;
  system.AddKey(PdfName("Registry"), PoDoFo::PdfString("Adobe"));
  system.AddKey(PdfName("Ordering"), PoDoFo::PdfString("Identity"));
  system.AddKey(PdfName("Supplement"), PdfVariant(static_cast<PoDoFo::pdf_int64>(0)));
  c.AddKey(PdfName("CIDSystemInfo"), system);
  c.AddKey(PdfName("FontDescriptor"), DictionaryText::slot(1));
  c.AddKey(PdfName("CIDToGIDMap"), PdfName("Identity"));
  c.AddKey(PdfName("W"), PdfVariant(PoDoFo::PdfData(widths.c_str())));
  subset.cid_font.emplace(c);

  PoDoFo::PdfDictionary f;
  f.AddKey(PdfName::KeyType, PdfName("Font"));
  f.AddKey(PdfName("Subtype"), PdfName("Type0"));
  f.AddKey(PdfName("BaseFont"), name);
  f.AddKey(PdfName("Encoding"), PdfName("Identity-H"));
  PoDoFo::PdfArray descendants;
  descendants.push_back(DictionaryText::slot(2));
  f.AddKey(PdfName("DescendantFonts"), descendants);
  f.AddKey(PdfName("ToUnicode"), DictionaryText::slot(3));
  subset.font.emplace(f);
}

/// The subset of face `index` holding `glyphs`. Letters of one kind often draw the same glyphs in a face
/// (the italic and bold-italic phrases of a template): those subsets are kept, up to a bound, and shared.
std::shared_ptr<const FaceSubset> face_subset(const FontFace& face, std::size_t index, const std::vector<bool>& glyphs) {
  // Hashed (std::hash of a vector<bool> reads it by words); an ordered map compared the sets bit by bit.
  struct KeyHash {
    std::size_t operator()(const std::pair<std::size_t, std::vector<bool>>& k) const noexcept {
      return std::hash<std::vector<bool>>()(k.second) * 31 + k.first;
    }
  };
  static std::mutex cache_mutex;
  using Key = std::pair<std::size_t, std::vector<bool>>;
  static std::unordered_map<Key, std::shared_ptr<const FaceSubset>, KeyHash> cache;
  constexpr std::size_t kCacheLimit = 4096;
  auto key = std::make_pair(index, glyphs);
  {
    const std::lock_guard<std::mutex> lock(cache_mutex);
    const auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  auto subset = std::make_shared<FaceSubset>();
  const std::string program = subset_program(embedded_program(*face.embedded), glyphs);
  subset->program = deflate_bytes(program, kFontCompression);
  subset->program_length = program.size();
  subset->to_unicode = deflate_bytes(to_unicode_cmap(face, glyphs), kFontCompression);
  prepare_dictionaries(*subset, face, subset_tag(glyphs, index), widths_array(face, glyphs));
  const std::lock_guard<std::mutex> lock(cache_mutex);
  if (cache.size() < kCacheLimit) cache.emplace(std::move(key), subset);
  return subset;
}

/// The Type0 font of one face in a document, its subset program holding the `glyphs` the document draws.
/// `bytes` grows by about what it adds to the file.
PoDoFo::PdfObject* embed_face(PoDoFo::PdfVecObjects& objects, const FontFace& face, std::size_t index,
                              const std::vector<bool>& glyphs, std::size_t& bytes) {
  const std::shared_ptr<const FaceSubset> subset = face_subset(face, index, glyphs);
  PoDoFo::PdfObject* file = stream_object(objects, subset->program);
  file->GetDictionary().AddKey(PoDoFo::PdfName("Length1"),
                               PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(subset->program_length)));
  std::array<PoDoFo::pdf_objnum, 4> numbers{file->Reference().ObjectNumber(), 0, 0, 0};
  // The objects keep the order they had when built key by key: the same numbers, the same bytes.
  PoDoFo::PdfObject* descriptor = objects.CreateObject(PoDoFo::PdfVariant(subset->descriptor->fill(numbers)));
  numbers[1] = descriptor->Reference().ObjectNumber();
  PoDoFo::PdfObject* cid = objects.CreateObject(PoDoFo::PdfVariant(subset->cid_font->fill(numbers)));
  numbers[2] = cid->Reference().ObjectNumber();
  PoDoFo::PdfObject* to_unicode = stream_object(objects, subset->to_unicode);
  numbers[3] = to_unicode->Reference().ObjectNumber();
  PoDoFo::PdfObject* font = objects.CreateObject(PoDoFo::PdfVariant(subset->font->fill(numbers)));
  bytes += subset->program.size() + subset->to_unicode.size() + 3000;
  return font;
}

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

void set_metadata(PoDoFo::PdfMemDocument& pdf, const doc::Metadata& m, const std::string& date) {
  PoDoFo::PdfInfo* info = pdf.GetInfo();
  info->SetTitle(utf8_string(m.title));
  info->SetAuthor(utf8_string(m.author));
  info->SetSubject(utf8_string(m.subject));
  info->SetCreator(PoDoFo::PdfString("aap"));
  info->SetProducer(PoDoFo::PdfString("aap with PoDoFo 0.9.8"));
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

/// One file being put together: pages added one by one, the fonts they use embedded once, the metadata.
/// The page tree is built here, flat: PoDoFo's CreatePage walks the tree for every page it inserts,
/// quadratic for a print batch of 20,000 pages. One shared Resources object serves every page.
class Assembly {
 public:
  explicit Assembly(doc::Metadata metadata)
      : metadata_(std::move(metadata)),
        date_(pdf_date(metadata_.date_iso)),  // refused before any work
        pdf_(new_document()),
        objects_(*pdf_->GetCatalog()->GetOwner()),
        pages_root_(pdf_->GetPagesTree()->GetObject()),
        resources_(objects_.CreateObject()) {}

  void add_page(const PaintedPdf::Page& p) {
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
  }

  void embed_fonts(const std::array<std::vector<bool>, 4>& glyphs) {
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

  std::string write() {
    pages_root_->GetDictionary().AddKey(PoDoFo::PdfName("Kids"), kids_);
    pages_root_->GetDictionary().AddKey(PoDoFo::PdfName("Count"),
                                        PoDoFo::PdfVariant(static_cast<PoDoFo::pdf_int64>(kids_.size())));
    set_metadata(*pdf_, metadata_, date_);
    std::string bytes;
    StringOutputDevice device(bytes, expected_size_);
    pdf_->Write(&device);
    return bytes;
  }

 private:
  doc::Metadata metadata_;
  std::string date_;
  std::unique_ptr<PoDoFo::PdfMemDocument> pdf_;
  PoDoFo::PdfVecObjects& objects_;
  PoDoFo::PdfObject* pages_root_;
  PoDoFo::PdfObject* resources_;
  PoDoFo::PdfArray kids_;
  std::size_t expected_size_ = 4096;  // the file's size, about: what it is written into is reserved once
};

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
  pdf_date(document.metadata.date_iso);  // a bad date is refused before any work
  const LaidOutDocument laid_out = layout_document(document, measurer);
  PaintedPdf painted;
  painted.metadata = document.metadata;
  ContentCanvas canvas(metrics, painted.glyphs);
  paint(laid_out, canvas);
  for (const auto& page : canvas.pages()) {
    painted.pages.push_back({page.width_pt, page.height_pt, deflate_bytes(page.content, kContentCompression)});
  }
  return painted;
}

std::string render_pdf(const PaintedPdf& painted) {
  Assembly file(painted.metadata);
  file.embed_fonts(painted.glyphs);
  for (const auto& page : painted.pages) file.add_page(page);
  return file.write();
}

std::string render_pdf(const doc::Document& document) { return render_pdf(paint_pdf(document)); }

std::string render_pdf_batch(const std::vector<PaintedPdf>& documents, const doc::Metadata& metadata) {
  PdfBatch batch(metadata);
  for (const PaintedPdf& d : documents) batch.add(d);
  return batch.finish();
}

struct PdfBatch::State {
  explicit State(doc::Metadata metadata) : file(std::move(metadata)), blank(deflate_bytes("", kContentCompression)) {}
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
  for (const auto& page : document.pages) state_->file.add_page(page);
  if (document.pages.size() % 2 == 1) {
    state_->file.add_page({document.pages.back().width_pt, document.pages.back().height_pt, state_->blank});
  }
}

std::string PdfBatch::finish() {
  if (state_->finished) throw std::logic_error("PdfBatch::finish appelé deux fois");
  state_->finished = true;
  state_->file.embed_fonts(state_->glyphs);
  return state_->file.write();
}

std::string render_pdf_batch(const std::vector<doc::Document>& documents, const doc::Metadata& metadata) {
  pdf_date(metadata.date_iso);
  // Every document is painted before anything is written: a MissingGlyph leaves no half-written batch.
  std::vector<PaintedPdf> painted;
  painted.reserve(documents.size());
  for (const auto& d : documents) painted.push_back(paint_pdf(d));
  return render_pdf_batch(painted, metadata);
}

void write_pdf(const doc::Document& document, const std::string& path) {
  const std::string bytes = render_pdf(document);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw std::runtime_error(path + " : écriture impossible");
}

namespace detail {

// Thousandths rounded half away from zero, then written as integers: std::to_chars on doubles was 5 % of
// the instructions of a letter, whose content streams hold thousands of coordinates.
long long pdf_thousandths(double value) {
  if (!std::isfinite(value) || std::fabs(value) > 1e12) throw std::logic_error("nombre hors format PDF");
  return std::llround(value * 1000.0);
}

void append_pdf_thousandths(std::string& out, long long thousandths) {
  if (thousandths < 0) {
    out += '-';
    thousandths = -thousandths;
  }
  std::array<char, 24> digits{};
  auto [end, error] = std::to_chars(digits.data(), digits.data() + digits.size(), thousandths / 1000);
  if (error != std::errc()) throw std::logic_error("nombre hors format PDF");
  out.append(digits.data(), end);
  int fraction = static_cast<int>(thousandths % 1000);
  if (fraction == 0) return;
  out += '.';
  out += static_cast<char>('0' + fraction / 100);
  fraction %= 100;
  if (fraction == 0) return;
  out += static_cast<char>('0' + fraction / 10);
  fraction %= 10;
  if (fraction != 0) out += static_cast<char>('0' + fraction);
}

void append_pdf_number(std::string& out, double value) { append_pdf_thousandths(out, pdf_thousandths(value)); }

}  // namespace detail

}  // namespace aap::render
