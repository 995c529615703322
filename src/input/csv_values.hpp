// The values of spreadsheet cells as French spreadsheets write them: amounts with a decimal comma and
// spaced thousands, booleans as oui/non, dates as JJ/MM/AAAA, lists separated by « ; ».
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace aap::input {

/// `cell` without the spaces and tabs around it.
std::string_view trim_cell(std::string_view cell);

/// An amount in the form the JSON reader takes ("30000.50"), from "30 000,50", "30000.50", "30 000 €",
/// "1 234,5" (spaces, U+00A0 and U+202F dropped, the decimal comma made a dot, a trailing € dropped).
/// A leading minus is kept for the JSON reader's own message. nullopt when it is no number at all.
std::optional<std::string> normalize_amount(std::string_view cell);

/// oui/non, vrai/faux, true/false, 1/0, in any case.
std::optional<bool> parse_boolean(std::string_view cell);

/// AAAA-MM-JJ or JJ/MM/AAAA (day and month on one or two digits), naming a real day.
std::optional<Date> parse_cell_date(std::string_view cell);

/// "Provence Web Factory ; Calanques Data SAS" → both names. Each is trimmed; an empty cell is an empty
/// list; an empty element ("a ; ; b") is kept empty, for the reader to refuse.
std::vector<std::string> split_list(std::string_view cell);

/// The text between list elements in a cell, as written back by the fixtures' generator.
inline constexpr std::string_view kListSeparator = " ; ";

}  // namespace aap::input
