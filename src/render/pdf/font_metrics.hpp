// Liberation Sans glyph ids and advance widths, from the build-time tables, and the TextMeasurer the PDF backend lays out with.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "render/layout/text_measurer.hpp"
#include "render/pdf/font_tables.hpp"

namespace aap::render {

/// Code points the layout measures but the PDF draws as nothing (Liberation lacks U+2060 WORD JOINER).
constexpr std::uint16_t kNoGlyph = 0;

/// One face of the family used for every PDF: the glyph ids and advances that both layout and /W use.
struct FontFace {
  const EmbeddedFace* embedded = nullptr;
  bool bold = false;
  bool italic = false;
  /// Advance of each BMP code point in thousandths of an em; negative when the face cannot print it.
  std::vector<float> advance;
  /// Glyph id of each BMP code point in the embedded program; kNoGlyph for none (missing, or drawn as nothing).
  std::vector<std::uint16_t> glyph_id;
  /// Advance of each glyph id in thousandths of an em: what /W says.
  std::vector<float> glyph_advance;
  /// The code point each glyph id prints, for the ToUnicode map (0 for none).
  std::vector<char32_t> glyph_unicode;
};

class FontMetrics {
 public:
  /// Liberation Sans regular, bold, italic and bold italic, prepared on first use (thread-safe), then shared.
  static const FontMetrics& liberation_sans();

  const FontFace& face(Face f) const { return faces_[static_cast<std::size_t>(f)]; }

 private:
  FontMetrics();
  std::array<FontFace, 4> faces_;
};

/// Measures with the PDF's own fonts, so layout and drawing agree; throws MissingGlyph for a character the
/// face cannot print (and for any outside the BMP).
class FontMeasurer final : public TextMeasurer {
 public:
  explicit FontMeasurer(const FontMetrics& metrics) : metrics_(metrics) {}
  double width(std::string_view text, Face face, double size_pt) const override;
  const void* widths_identity() const override { return &metrics_; }

 private:
  const FontMetrics& metrics_;
};

}  // namespace aap::render
