// Checked writes to a libxlsxwriter worksheet, and A1-style references for formulas.
#include "render/xlsx/sheet.hpp"

#include <stdexcept>

namespace aap::xlsx {

namespace {

lxw_row_t row_index(int row) { return static_cast<lxw_row_t>(row); }
lxw_col_t col_index(int column) { return static_cast<lxw_col_t>(column); }

std::string reason(lxw_error error) {
  switch (error) {
    case LXW_ERROR_CREATING_XLSX_FILE:
      return "le fichier ne peut pas être créé (dossier absent ou droits insuffisants)";
    case LXW_ERROR_CREATING_TMPFILE: return "un fichier temporaire ne peut pas être créé";
    case LXW_ERROR_MEMORY_MALLOC_FAILED: return "mémoire insuffisante";
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
      return "texte de plus de 32 767 caractères, la limite d'une cellule";
    default: return std::string("erreur de libxlsxwriter (") + lxw_strerror(error) + ")";
  }
}

}  // namespace

void check(lxw_error error, const std::string& file) {
  if (error != LXW_NO_ERROR) throw std::runtime_error("Impossible d'écrire " + file + " : " + reason(error));
}

std::string column_name(int column) {
  std::string name;
  for (int c = column + 1; c > 0; c = (c - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return name;
}

std::string cell_name(int row, int column, bool absolute) {
  const char* dollar = absolute ? "$" : "";
  return dollar + column_name(column) + dollar + std::to_string(row + 1);
}

std::string sheet_ref(std::string_view sheet, std::string_view cell) {
  return "'" + std::string(sheet) + "'!" + std::string(cell);
}

double euros(Money m) { return static_cast<double>(m.cents()) / 100.0; }

void Sheet::text(int row, int column, const std::string& value, lxw_format* format) {
  check(worksheet_write_string(ws_, row_index(row), col_index(column), value.c_str(), format), *file_);
}

void Sheet::number(int row, int column, double value, lxw_format* format) {
  check(worksheet_write_number(ws_, row_index(row), col_index(column), value, format), *file_);
}

void Sheet::integer(int row, int column, std::int64_t value, lxw_format* format) {
  number(row, column, static_cast<double>(value), format);
}

void Sheet::money(int row, int column, Money value, lxw_format* format) {
  number(row, column, euros(value), format);
}

void Sheet::date(int row, int column, Date value, lxw_format* format) {
  lxw_datetime datetime{value.year, value.month, value.day, 0, 0, 0.0};
  check(worksheet_write_datetime(ws_, row_index(row), col_index(column), &datetime, format), *file_);
}

void Sheet::blank(int row, int column, lxw_format* format) {
  check(worksheet_write_blank(ws_, row_index(row), col_index(column), format), *file_);
}

void Sheet::formula(int row, int column, const std::string& formula, double value, lxw_format* format) {
  check(worksheet_write_formula_num(ws_, row_index(row), col_index(column), formula.c_str(), format, value),
        *file_);
}

void Sheet::formula_text(int row, int column, const std::string& formula, const std::string& value,
                         lxw_format* format) {
  check(worksheet_write_formula_str(ws_, row_index(row), col_index(column), formula.c_str(), format,
                                    value.c_str()),
        *file_);
}

void Sheet::header(const char* const* labels, int count, lxw_format* format, double height_pt,
                   int frozen_columns) {
  check(worksheet_set_row(ws_, 0, height_pt, nullptr), *file_);
  for (int c = 0; c < count; ++c) text(0, c, labels[c], format);
  worksheet_freeze_panes(ws_, 1, col_index(frozen_columns));
}

void Sheet::widths(const double* widths, int count) {
  for (int c = 0; c < count; ++c) {
    check(worksheet_set_column(ws_, col_index(c), col_index(c), widths[c], nullptr), *file_);
  }
}

void Sheet::autofilter(int first_row, int first_column, int last_row, int last_column) {
  check(worksheet_autofilter(ws_, row_index(first_row), col_index(first_column), row_index(last_row),
                             col_index(last_column)),
        *file_);
}

void Sheet::conditional(int first_row, int first_column, int last_row, int last_column,
                        lxw_conditional_format& rule) {
  check(worksheet_conditional_format_range(ws_, row_index(first_row), col_index(first_column),
                                           row_index(last_row), col_index(last_column), &rule),
        *file_);
}

}  // namespace aap::xlsx
