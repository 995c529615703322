// The Latin letters French names are written with: case mapping, what counts as a letter, and the plain
// capitals a letter folds to. One table for the layout's hyphenation, the address block (NF Z10-011) and
// the @ctes numbers.
#pragma once

#include <string_view>

namespace aap::text {

/// Latin letters, accented or not (ASCII, Latin-1 and Latin Extended A/B), × and ÷ excepted.
bool is_latin_letter(char32_t c);

/// Lower case for the Latin-1 and Latin Extended-A capitals; other code points unchanged.
char32_t to_lower(char32_t c);

/// Upper case for the Latin-1 and Latin Extended-A small letters (ß has no single capital: unchanged).
char32_t to_upper(char32_t c);

/// The plain capitals a letter or digit folds to: « É » and « é » give "E", « Œ » "OE", « ß » "SS";
/// empty for anything else (spaces, punctuation, other scripts).
std::string_view plain_capitals(char32_t c);

}  // namespace aap::text
