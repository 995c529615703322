// Liberation Sans advance widths, read once per process through PoDoFo's own metrics.
#include "render/pdf/font_metrics.hpp"

#include <podofo/podofo.h>

#include "render/layout/utf8.hpp"

namespace aap::render {

namespace {

constexpr const char* kFontDirectory = "/usr/share/fonts/truetype/liberation2/";
constexpr float kMeasureSize = 1000.0F;  // PoDoFo answers in points at the font's size: 1000 gives thousandths

FontFace load_face(const char* file, bool bold, bool italic) {
  FontFace face;
  face.path = std::string(kFontDirectory) + file;
  face.bold = bold;
  face.italic = italic;
  face.advance.assign(0x10000, -1.0F);
  // The same calls the PDF writer makes, in a throw-away document, so the widths are those PoDoFo writes
  // into /W and the glyph test is the one that would otherwise draw an empty box.
  PoDoFo::PdfMemDocument scratch;
  PoDoFo::PdfFont* font = scratch.CreateFontSubset("LiberationSans", bold, italic, false,
                                                   PoDoFo::PdfEncodingFactory::GlobalIdentityEncodingInstance(),
                                                   face.path.c_str());
  if (font == nullptr) throw std::runtime_error("police introuvable : " + face.path);
  font->SetFontSize(kMeasureSize);
  const PoDoFo::PdfFontMetrics* metrics = font->GetFontMetrics();
  for (long c = 0x20; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (metrics->GetGlyphId(c) == 0) continue;
    face.advance[static_cast<std::size_t>(c)] =
        static_cast<float>(metrics->UnicodeCharWidth(static_cast<unsigned short>(c)));
  }
  // Liberation lacks the non-breaking hyphen and the word joiner (LIBRARIES.md); the layout never breaks at
  // either, so the canvas draws them as a plain hyphen and as nothing.
  if (face.advance[0x2011] < 0) face.advance[0x2011] = face.advance['-'];
  if (face.advance[0x2060] < 0) face.advance[0x2060] = 0;
  return face;
}

}  // namespace

FontMetrics::FontMetrics()
    : faces_{load_face("LiberationSans-Regular.ttf", false, false), load_face("LiberationSans-Bold.ttf", true, false),
             load_face("LiberationSans-Italic.ttf", false, true),
             load_face("LiberationSans-BoldItalic.ttf", true, true)} {}

const FontMetrics& FontMetrics::liberation_sans() {
  static const FontMetrics instance;
  return instance;
}

double FontMeasurer::width(std::string_view text, Face face, double size_pt) const {
  const auto& advance = metrics_.face(face).advance;
  double total = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto d = utf8::decode(text, pos);
    pos += d.length;
    const float a = d.code_point < 0x10000 ? advance[d.code_point] : -1.0F;
    if (a < 0) throw MissingGlyph(d.code_point, std::string(text));
    total += static_cast<double>(a);
  }
  return total * size_pt / 1000.0;
}

}  // namespace aap::render
