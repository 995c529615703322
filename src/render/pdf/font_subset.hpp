// Font subsets: each face's Type0 font, its subset program holding the glyphs a file draws, shared by
// every file that draws the same glyphs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "render/pdf/font_metrics.hpp"
#include "render/pdf/object_file.hpp"

namespace aap::render::detail {

/// Adds the Type0 font of face `index` to `file`, its subset program holding the `glyphs` the document
/// draws; returns the font's object number.
std::uint32_t embed_face(ObjectFile& file, const FontFace& face, std::size_t index, const std::vector<bool>& glyphs);

}  // namespace aap::render::detail
