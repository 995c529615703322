// Liberation Sans advance widths, read once per process, and the TextMeasurer the PDF backend lays out with.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "render/layout/text_measurer.hpp"

namespace aap::render {

/// One face of the family used for every PDF: its file and its advances.
struct FontFace {
  std::string path;
  bool bold = false;
  bool italic = false;
  /// Advance of each BMP code point in thousandths of an em; negative when the font has no glyph for it.
  std::vector<float> advance;
};

class FontMetrics {
 public:
  /// Liberation Sans regular, bold, italic and bold italic, loaded on first use (thread-safe), then shared.
  static const FontMetrics& liberation_sans();

  const FontFace& face(Face f) const { return faces_[static_cast<std::size_t>(f)]; }

 private:
  FontMetrics();
  std::array<FontFace, 4> faces_;
};

/// Measures with the PDF's own fonts, so layout and drawing agree; throws MissingGlyph for a character the
/// face lacks (and for any outside the BMP, which PoDoFo 0.9.8 cannot draw).
class FontMeasurer final : public TextMeasurer {
 public:
  explicit FontMeasurer(const FontMetrics& metrics) : metrics_(metrics) {}
  double width(std::string_view text, Face face, double size_pt) const override;

 private:
  const FontMetrics& metrics_;
};

}  // namespace aap::render
