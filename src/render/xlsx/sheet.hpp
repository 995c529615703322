// A thin checked layer over libxlsxwriter: every call's error becomes an exception naming the file, and
// money, dates and percentages turn into cell numbers here only.
#pragma once

#include <xlsxwriter.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "model/date.hpp"
#include "model/money.hpp"

namespace aap::xlsx {

/// Throws std::runtime_error "Impossible d'écrire <file> : <reason>" when `error` is not LXW_NO_ERROR.
void check(lxw_error error, const std::string& file);

/// workbook_close, with the library's own English complaint on stderr kept from the user: throws
/// std::runtime_error "Impossible d'écrire <file> : <reason>" in French (with the system's reason, "disque
/// plein", when a write failed). The workbook is freed in every case.
void close_workbook(lxw_workbook* workbook, const std::string& file);

/// "A", "Z", "AA"… for a 0-based column.
std::string column_name(int column);
/// "A2" style reference, 0-based row and column; `absolute` gives "$A$2".
std::string cell_name(int row, int column, bool absolute = false);
/// 'Répartition'!$H$12: sheet names are always quoted, which every reader accepts.
std::string sheet_ref(std::string_view sheet, std::string_view cell);

/// Euros as the spreadsheet's number: the one place where money becomes a double, for display.
double euros(Money m);

/// How a sheet prints: on A4, one page wide, the header row on every page, a footer with the sheet's name and
/// « Page N / M », and room on the left for binding.
struct PrintSetup {
  std::string header;  // centred at the top of every page (plain text: "&" is escaped here)
  bool gridlines = true;
};

/// Rows high enough for texts wrapped in their columns: each cell is `text` in a column `width` characters
/// wide (libxlsxwriter's unit), wrapped at spaces as a spreadsheet does; 15 pt a line.
double wrapped_row_height(std::initializer_list<std::pair<std::string_view, double>> cells);

/// One worksheet with checked writes. Rows and columns are 0-based ints.
class Sheet {
 public:
  Sheet(lxw_worksheet* worksheet, const std::string& file) : ws_(worksheet), file_(&file) {}

  /// The format of cells written without one (e.g. aligned to the top of rows that wrap).
  void default_format(lxw_format* format) { default_ = format; }

  void text(int row, int column, const std::string& value, lxw_format* format = nullptr);
  void number(int row, int column, double value, lxw_format* format = nullptr);
  void integer(int row, int column, std::int64_t value, lxw_format* format = nullptr);
  void money(int row, int column, Money value, lxw_format* format);
  void date(int row, int column, Date value, lxw_format* format);
  void blank(int row, int column, lxw_format* format);
  /// A formula with its computed value, so that viewers which do not recalculate show the right figure.
  void formula(int row, int column, const std::string& formula, double value, lxw_format* format = nullptr);
  void formula_text(int row, int column, const std::string& formula, const std::string& value,
                    lxw_format* format = nullptr);

  /// Header labels on row 0, bold, `height_pt` high, frozen above `frozen_columns` columns.
  void header(const char* const* labels, int count, lxw_format* format, double height_pt,
              int frozen_columns = 0);
  /// Column widths; their sum decides the orientation print() gives the sheet.
  void widths(const double* widths, int count);
  /// The print setup, after widths(): landscape when the columns are wider than a portrait page, scaled
  /// to one page wide, row 0 repeated on every page.
  void print(const PrintSetup& setup);
  /// A row's height in points; in constant-memory mode, before the row's first cell.
  void row_height(int row, double height_pt);
  void autofilter(int first_row, int first_column, int last_row, int last_column);
  void conditional(int first_row, int first_column, int last_row, int last_column,
                   lxw_conditional_format& rule);

  lxw_worksheet* raw() const { return ws_; }

 private:
  lxw_format* format_or_default(lxw_format* format) const { return format != nullptr ? format : default_; }

  lxw_worksheet* ws_;
  const std::string* file_;
  lxw_format* default_ = nullptr;
  double total_width_ = 0;
};

}  // namespace aap::xlsx
