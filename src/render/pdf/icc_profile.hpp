// The sRGB ICC profile of the PDFs' output intent, compiled in at build time (make_icc_table.py).
#pragma once

#include <cstddef>

namespace aap::render {

struct IccProfile {
  const unsigned char* data;  // zlib-compressed: the stream's bytes as they are, /Filter /FlateDecode
  std::size_t size;           // compressed
  std::size_t length;         // uncompressed
  int components;             // /N: 3 for RGB
};

/// sRGB IEC 61966-2.1, from Debian's icc-profiles-free (/usr/share/color/icc/sRGB.icc).
const IccProfile& srgb_profile();

}  // namespace aap::render
