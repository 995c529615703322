// Where a spreadsheet's problem is (see sheet_table.hpp).
#include "input/sheet_table.hpp"

namespace aap::input {

std::string column_letters(std::size_t column) {
  std::string out;
  ++column;
  while (column > 0) {
    --column;
    out.insert(out.begin(), static_cast<char>('A' + column % 26));
    column /= 26;
  }
  return out;
}

Diagnostic SheetTable::at(int line, const std::size_t* column, std::string field, std::string message) const {
  if (!is_workbook()) return Diagnostic{file, line, std::move(field), std::move(message)};
  std::string where = file + ": " + sheet;
  if (line <= 0) {
    // A whole-sheet problem: the sheet alone.
  } else if (column) {
    where += "!" + column_letters(*column) + std::to_string(line);
  } else {
    where += ", ligne " + std::to_string(line);
  }
  return Diagnostic{std::move(where), line, std::move(field), std::move(message)};
}

}  // namespace aap::input
