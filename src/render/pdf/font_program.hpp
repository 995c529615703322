// Per-document TrueType subsets of the embedded faces: only the outlines a document draws, glyph ids kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/pdf/font_tables.hpp"

namespace aap::render {

/// The face's uncompressed TrueType program from the build-time tables, inflated once per process.
const std::string& embedded_program(const EmbeddedFace& face);

/// `program` (a TrueType font) where every glyph not in `used` (indexed by glyph id) and not a component
/// of one that is becomes empty; glyph ids, metrics and every other table are kept, checksums recomputed.
/// Glyph 0 (.notdef) is always kept. Throws std::runtime_error for a program it cannot read.
std::string subset_program(std::string_view program, const std::vector<bool>& used);

/// `bytes` as one zlib stream (what /FlateDecode reads) at `level` (1 fastest … 12 smallest), by libdeflate.
/// Safe to call from several threads at once.
std::string deflate_bytes(std::string_view bytes, int level);

}  // namespace aap::render
