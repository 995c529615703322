// What each column of a dossiers spreadsheet holds, and a workbook's typed cells read as the text a CSV
// export would have held for them, so that one set of rules reads both.
#pragma once

#include <optional>
#include <string>

#include "input/sheet_table.hpp"

namespace aap::input {

enum class ColumnKind {
  text,           // empty: left out (so a required one is reported missing)
  nullable_text,  // empty: null
  list,           // elements separated by « ; »; empty: []
  count,
  money,
  boolean,
  date,
};

/// The text of a typed cell in a column of `kind`, in a form the CSV rules accept: a date cell (a number in
/// a date column) as 2027-01-12, an amount rounded to the cent (only when within a thousandth of a cent of
/// one), a count as digits, a boolean as oui/non. nullopt with `error` (French) when the cell cannot hold
/// such a value: a formula without its result, an error, a boolean in a column of numbers, 14,5 trainees.
/// A text cell is returned as is.
std::optional<std::string> typed_cell_text(ColumnKind kind, const SheetCell& cell, std::string& error);

}  // namespace aap::input
