// Whether the documents' fonts can draw a character.
#include "render/pdf/glyph_coverage.hpp"

#include "render/pdf/font_metrics.hpp"

namespace aap::render {

bool printable_in_documents(char32_t code_point) {
  const FontMetrics& metrics = FontMetrics::liberation_sans();
  for (Face f : {Face::regular, Face::bold, Face::italic, Face::bold_italic}) {
    const auto& advance = metrics.face(f).advance;
    if (code_point >= advance.size() || advance[code_point] < 0) return false;
  }
  return true;
}

}  // namespace aap::render
