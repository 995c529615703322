// French formatting shared by every document: money in figures and in words, dates, percentages.
// Never depends on the locale (no fr_FR locale is installed by default).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/date.hpp"
#include "model/money.hpp"
#include "model/percent.hpp"

namespace aap::fr {

inline constexpr const char* kNbsp = "\u00A0";        // before ":" and "€"
inline constexpr const char* kNarrowNbsp = "\u202F";  // thousands, before "; ! ?", inside « »

/// "12 345" with a narrow no-break space between groups of three.
std::string integer(std::int64_t n);
/// "12 345 €" or "12 345,50 €" (narrow no-break space for thousands, no-break space before €).
std::string money(Money m);
/// Always with cents: "12 345,00 €" (tables of accounts).
std::string money_with_cents(Money m);
/// Traditional spelling: "trente mille euros", "mille deux cent cinquante euros et cinquante centimes",
/// "un million d’euros". 0 to 999 999 999,99 €.
std::string money_in_words(Money m);
/// The number alone in words: 80 → "quatre-vingts", 201 → "deux cent un".
std::string number_in_words(std::int64_t n);
/// "20 mars 2027", "1er mars 2027".
std::string date(Date d);
/// A ratio as a percentage with two decimals, rounded half up: 5/14 → "35,71 %". Display only.
std::string ratio_percent(std::int64_t part, std::int64_t whole);
/// "30 %", "33,33 %".
std::string percent(Percent p);

}  // namespace aap::fr

namespace aap::fr {
/// French typography on running text: no-break space before ":", narrow no-break space before "; ! ?"
/// and inside « », straight apostrophe to ’. Idempotent; leaves URLs, times ("10:30") and e-mails alone.
std::string typography(std::string_view text);
}  // namespace aap::fr
