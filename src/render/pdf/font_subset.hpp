// Font subsets: each face's Type0 font, its subset program holding the glyphs a file draws, shared by
// every file that draws the same glyphs.
#pragma once

#include <podofo/podofo.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/font_metrics.hpp"

namespace aap::render::detail {

/// A stream object holding `compressed` as it is, /Filter /FlateDecode.
PoDoFo::PdfObject* stream_object(PoDoFo::PdfVecObjects& objects, std::string_view compressed);

/// The Type0 font of face `index` in a document, its subset program holding the `glyphs` the document
/// draws. `bytes` grows by about what it adds to the file.
PoDoFo::PdfObject* embed_face(PoDoFo::PdfVecObjects& objects, const FontFace& face, std::size_t index,
                              const std::vector<bool>& glyphs, std::size_t& bytes);

}  // namespace aap::render::detail
