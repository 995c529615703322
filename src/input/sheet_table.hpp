// The rows of a spreadsheet as the dossier reader takes them, whatever the file: a CSV export (every cell
// text) or a workbook's sheet (cells typed: numbers, booleans, formulas' cached values).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"

namespace aap::input {

struct SheetCell {
  enum class Type : std::uint8_t {
    text,             // `text` (an empty cell is empty text)
    number,           // `number`: a spreadsheet's numbers, dates included (days since 1899-12-30)
    boolean,          // `number` is 1 or 0
    no_cached_value,  // a formula saved without its result
    error,            // a formula's error, its code in `text` (#DIV/0!)
  };
  Type type = Type::text;
  std::string text;
  double number = 0;
};

struct SheetRow {
  int line = 0;  // the CSV line the row starts on, or the sheet's row number (1-based)
  std::vector<SheetCell> cells;
};

/// One file (CSV) or one sheet of a workbook; messages name it as `file:line` or `file: Sheet!F12`.
struct SheetTable {
  std::string file;
  std::string sheet;           // empty for a CSV file
  char separator = ';';        // CSV only
  std::vector<SheetRow> rows;  // the header first; rows with nothing in them left out

  bool is_workbook() const { return !sheet.empty(); }
  /// A problem at `line`, in the cell of column position `column` when given (a workbook names the cell:
  /// `dossiers.xlsx: Sessions!F12`; a CSV file its line). A workbook's diagnostic keeps `line` for sorting
  /// and must have it set to 0 before it is printed, its cell saying the row already.
  Diagnostic at(int line, const std::size_t* column, std::string field, std::string message) const;
};

/// 0 → "A", 25 → "Z", 26 → "AA": a column as spreadsheets name it.
std::string column_letters(std::size_t column);

}  // namespace aap::input
