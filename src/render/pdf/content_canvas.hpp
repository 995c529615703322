// Painting: a laid-out document's pages written as PDF content streams, glyph ids as bytes, every piece
// of content in a marked-content sequence (tagged with its structure element's MCID, or an artifact).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "render/layout/page.hpp"
#include "render/pdf/font_metrics.hpp"

namespace aap::render::detail {

struct PageContent {
  std::string content;             // uncompressed
  std::vector<NodeId> mcid_nodes;  // the structure node each MCID of the page marks, by MCID
};

/// The content stream of each page of `laid_out`; the glyph ids drawn are added to `glyphs` (per face,
/// sized on first use). Throws MissingGlyph for a character the face lacks.
std::vector<PageContent> paint_content(const LaidOutDocument& laid_out, const FontMetrics& metrics,
                                       std::array<std::vector<bool>, 4>& glyphs);

}  // namespace aap::render::detail
