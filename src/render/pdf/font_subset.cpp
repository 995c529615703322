// Font subsets: cut by glyph id from the compiled-in programs, their dictionaries serialised once.
#include "render/pdf/font_subset.hpp"

#include <podofo/podofo.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "render/pdf/font_program.hpp"
#include "render/pdf/string_device.hpp"

namespace aap::render::detail {

namespace {

// Font programs are a large share of each file, but compressing them better cost more than it saved.
constexpr int kFontCompression = 1;

void append_hex16(std::string& out, unsigned value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(value >> shift) & 0xFU]);
}

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

}  // namespace

namespace {

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

  /// Appends the dictionary with slot k pointing to object `numbers[k]`.
  void fill(std::string& out, const std::array<std::uint32_t, 4>& numbers) const {
    out += parts_[0];
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      append_uint(out, numbers[static_cast<std::size_t>(slots_[i])]);
      out += parts_[i + 1];
    }
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

}  // namespace

std::uint32_t embed_face(ObjectFile& file, const FontFace& face, std::size_t index, const std::vector<bool>& glyphs) {
  std::shared_ptr<const FaceSubset> subset = face_subset(face, index, glyphs);
  // The objects keep the numbers PoDoFo gave them when they were built key by key: the same bytes.
  std::array<std::uint32_t, 4> numbers{};
  numbers[0] = file.reserve();
  std::string& program = file.begin_object(numbers[0]);
  program += "<<\n/Filter /FlateDecode\n/Length ";
  append_uint(program, subset->program.size());
  program += "\n/Length1 ";
  append_uint(program, subset->program_length);
  program += "\n>>";
  file.end_object(subset->program);
  numbers[1] = file.reserve();
  subset->descriptor->fill(file.begin_object(numbers[1]), numbers);
  file.end_object();
  numbers[2] = file.reserve();
  subset->cid_font->fill(file.begin_object(numbers[2]), numbers);
  file.end_object();
  numbers[3] = file.reserve();
  std::string& to_unicode = file.begin_object(numbers[3]);
  to_unicode += "<<\n/Filter /FlateDecode\n/Length ";
  append_uint(to_unicode, subset->to_unicode.size());
  to_unicode += "\n>>";
  file.end_object(subset->to_unicode);
  const std::uint32_t font = file.reserve();
  subset->font->fill(file.begin_object(font), numbers);
  file.end_object();
  file.keep(std::move(subset));  // the file views the program and the map until it is written
  return font;
}

}  // namespace aap::render::detail
