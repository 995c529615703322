// Liberation Sans glyph ids and advance widths, built once per process from the build-time font tables.
#include "render/pdf/font_metrics.hpp"

#include "render/layout/utf8.hpp"

namespace aap::render {

namespace {

constexpr std::size_t kBmp = 0x10000;
constexpr char32_t kNonBreakingHyphen = 0x2011;
constexpr char32_t kWordJoiner = 0x2060;

FontFace load_face(const EmbeddedFace& embedded) {
  FontFace face;
  face.embedded = &embedded;
  face.bold = embedded.bold;
  face.italic = embedded.italic;
  face.advance.assign(kBmp, -1.0F);
  face.glyph_id.assign(kBmp, kNoGlyph);
  const float scale = 1000.0F / static_cast<float>(embedded.units_per_em);
  std::uint16_t max_glyph = 0;
  for (std::size_t i = 0; i < embedded.glyph_count; ++i) max_glyph = std::max(max_glyph, embedded.glyphs[i].glyph_id);
  face.glyph_advance.assign(std::size_t{max_glyph} + 1, 0.0F);
  face.glyph_unicode.assign(std::size_t{max_glyph} + 1, 0);
  for (std::size_t i = 0; i < embedded.glyph_count; ++i) {
    const EmbeddedGlyph& g = embedded.glyphs[i];
    if (g.code_point >= kBmp || g.glyph_id == kNoGlyph) continue;
    const float a = static_cast<float>(g.advance) * scale;
    face.advance[g.code_point] = a;
    face.glyph_id[g.code_point] = g.glyph_id;
    face.glyph_advance[g.glyph_id] = a;
    // Several code points may share a glyph (spaces): the map names the first, the plainest.
    if (face.glyph_unicode[g.glyph_id] == 0) face.glyph_unicode[g.glyph_id] = g.code_point;
  }
  // Liberation lacks the non-breaking hyphen and the word joiner; the layout never breaks at
  // either, so they print as a plain hyphen and as nothing.
  if (face.advance[kNonBreakingHyphen] < 0) {
    face.advance[kNonBreakingHyphen] = face.advance['-'];
    face.glyph_id[kNonBreakingHyphen] = face.glyph_id['-'];
  }
  if (face.advance[kWordJoiner] < 0) face.advance[kWordJoiner] = 0;
  return face;
}

}  // namespace

FontMetrics::FontMetrics()
    : faces_{load_face(embedded_faces()[0]), load_face(embedded_faces()[1]), load_face(embedded_faces()[2]),
             load_face(embedded_faces()[3])} {}

const FontMetrics& FontMetrics::liberation_sans() {
  static const FontMetrics instance;  // C++11 guarantees one initialisation even with several threads
  return instance;
}

double FontMeasurer::width(std::string_view text, Face face, double size_pt) const {
  const auto& advance = metrics_.face(face).advance;
  double total = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const auto d = utf8::decode(text, pos);
    pos += d.length;
    const float a = d.code_point < kBmp ? advance[d.code_point] : -1.0F;
    if (a < 0) throw MissingGlyph(d.code_point, std::string(text));
    total += static_cast<double>(a);
  }
  return total * size_pt / 1000.0;
}

}  // namespace aap::render
