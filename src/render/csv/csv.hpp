// CSV text as RFC 4180 describes it: CRLF line ends, a field quoted when it holds the separator, a quote
// or a line break, quotes doubled inside; and no cell that a spreadsheet would run as a formula. Every CSV
// that aap writes goes through `field`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aap::csv {

/// One record, its fields joined by `separator` and ended by CRLF.
std::string record(const std::vector<std::string>& fields, char separator = ',');

/// A field as it is written: quoted only when it must be, and preceded by an apostrophe when it could
/// start a formula (see could_start_formula).
std::string field(std::string_view value, char separator = ',');

/// Whether a spreadsheet could read `value` as a formula: it begins (after spaces) with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, and is not a plain number ("-12,50" stays a number).
bool could_start_formula(std::string_view value);

}  // namespace aap::csv
