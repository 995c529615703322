// Parsing percentages written with at most two decimals ("33.33") into basis points.
#include "model/percent.hpp"

#include "model/money.hpp"

namespace aap {

// Same grammar as an amount (digits, optional dot and one or two decimals, no sign), and hundredths of a
// percent are to a percentage what cents are to a euro. The 0–100 range is the reader's to check, so that
// it can name the field.
std::optional<Percent> Percent::parse(std::string_view text) {
  const auto hundredths = Money::parse(text);
  if (!hundredths) return std::nullopt;
  return Percent(hundredths->cents());
}

}  // namespace aap
