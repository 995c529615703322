// Painting: a laid-out document's pages written as PDF content streams, glyph ids as bytes.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "render/layout/page.hpp"
#include "render/pdf/font_metrics.hpp"

namespace aap::render::detail {

/// The content stream of each page of `laid_out`, uncompressed; the glyph ids drawn are added to `glyphs`
/// (per face, sized on first use). Throws MissingGlyph for a character the face lacks.
std::vector<std::string> paint_content(const LaidOutDocument& laid_out, const FontMetrics& metrics,
                                       std::array<std::vector<bool>, 4>& glyphs);

}  // namespace aap::render::detail
