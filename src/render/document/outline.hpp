// Heading levels as an outline: what the PDF's structure tree (H1–H3) and the ODT's outline both use.
#pragma once

namespace aap::doc {

/// The outline level of a heading asking for `level` after one at `previous` (0 before any): the outline
/// starts at 1 and never skips a level (PDF/UA-1 7.4.2), whatever level the template gives its first
/// heading. The type sizes keep the template's level.
inline int outline_level(int level, int previous) {
  const int capped = level < previous + 1 ? level : previous + 1;
  return capped < 1 ? 1 : capped > 3 ? 3 : capped;
}

}  // namespace aap::doc
