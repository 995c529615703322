// The fonts every PDF embeds, prepared at build time (make_font_tables.py): compressed programs and glyph tables.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace aap::render {

/// One character of a face's fixed glyph set.
struct EmbeddedGlyph {
  std::uint32_t code_point;
  std::uint16_t glyph_id;  // in the subset program, which is what the PDF's content streams draw
  std::uint16_t advance;   // in font units (units_per_em to the em)
};

/// A Liberation Sans face subset to the documents' fixed glyph set, hinting dropped.
struct EmbeddedFace {
  const char* base_name;  // PostScript name without the subset tag, e.g. "LiberationSans-Bold"
  bool bold;
  bool italic;
  int units_per_em;
  std::array<int, 4> bbox;  // xMin, yMin, xMax, yMax in font units
  int ascent;
  int descent;
  int cap_height;
  int italic_angle;
  int weight;
  const unsigned char* program;     // the TrueType program, zlib-compressed (the FontFile2 stream as is)
  std::size_t program_size;         // compressed
  std::size_t program_length;       // uncompressed: /Length1
  const EmbeddedGlyph* glyphs;      // sorted by code point
  std::size_t glyph_count;
};

/// Regular, bold, italic, bold italic, in the order of Face. Generated into the build folder.
const std::array<EmbeddedFace, 4>& embedded_faces();

}  // namespace aap::render
