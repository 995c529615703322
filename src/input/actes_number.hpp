// The internal number of an act for @ctes, reduced from the deliberation number the campaign gives.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aap::input {

/// @ctes (ACTES v1.1, attribute NumeroInterne) takes at most 15 characters of [0-9A-Z_].
inline constexpr std::size_t kActesNumberMaxLength = 15;

struct ActesNumber {
  std::string value;    // the reduced number, when `problem` is empty
  std::string problem;  // why it cannot be reduced, in French, to follow « number »; empty when it can
  bool ok() const { return problem.empty(); }
};

/// Reduces a deliberation number to the @ctes internal number:
///  - ASCII letters are put in capitals, digits kept;
///  - Latin letters with a diacritic are folded to their base letter (é → E, ç → C), Œ/Æ to OE/AE,
///    ß to SS;
///  - every run of other characters that separate (spaces, punctuation, dashes, apostrophes, °, №, « »,
///    no-break spaces, `_`) becomes one `_`, none at either end: "CT1-2027-014" → "CT1_2027_014",
///    "n° 2027/14" → "N_2027_14".
/// Never truncated: two numbers differing only past the 15th character would then be one. A number that
/// reduces to nothing, to more than 15 characters, or that holds a character that is neither of the
/// above (a letter of another script, a symbol) is refused, since reducing it would be ambiguous.
ActesNumber reduce_actes_number(std::string_view number);

}  // namespace aap::input
