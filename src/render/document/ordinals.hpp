// French ordinals in figures (« 1er », « 1re », « 3e », « 2es »): their letters are set in superscript.
#pragma once

#include <string>

#include "render/document/document.hpp"

namespace aap::doc {

/// The superscript size and rise of an ordinal's letters, as fractions of the text's size (the ODT says
/// the same: style:text-position="super 58%", 33 % above the baseline).
inline constexpr double kSuperscriptScale = 0.58;
inline constexpr double kSuperscriptRise = 0.33;

/// Splits every span where an ordinal's letters stand: figures then « er », « re », « e », « ers », « res »
/// or « es », alone as a word (not in « 1e6 », « A4e », « 2eme »); the letters become superscript spans.
void mark_ordinals(Inline& spans);

/// One span of `text` with its ordinals marked, for the blocks that hold plain text (place and date,
/// signature).
Inline with_ordinals(const std::string& text, bool keep_whole = false);

}  // namespace aap::doc
