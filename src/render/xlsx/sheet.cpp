// Checked writes to a libxlsxwriter worksheet, and A1-style references for formulas.
#include "render/xlsx/sheet.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <stdexcept>

#include "text/errno_fr.hpp"

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
    case LXW_ERROR_READING_TMPFILE: return "un fichier temporaire ne peut pas être relu";
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_INTERNAL_ERROR: return "l’archive du classeur n’a pas pu être écrite";
    default: return "erreur n° " + std::to_string(static_cast<int>(error)) + " de libxlsxwriter";
  }
}

// libxlsxwriter tells of a failed close on stderr itself, in English ("[ERROR] workbook_close(): …"),
// before returning the error that the caller reports in French. While it closes, file descriptor 2 points
// at a memory file; afterwards what anything else wrote meanwhile (another thread's progress line) is
// passed on, the library's own lines left out. One close at a time: descriptor 2 is the process's.
class QuietStderr {
 public:
  QuietStderr() : lock_(mutex()) {
    std::fflush(stderr);
    memory_ = memfd_create("aap-xlsxwriter-stderr", MFD_CLOEXEC);
    saved_ = memory_ >= 0 ? dup(2) : -1;
    if (saved_ >= 0 && dup2(memory_, 2) < 0) {
      close(saved_);
      saved_ = -1;
    }
  }
  ~QuietStderr() {
    if (saved_ < 0) {
      if (memory_ >= 0) close(memory_);
      return;
    }
    std::fflush(stderr);
    dup2(saved_, 2);
    close(saved_);
    std::string text;
    char block[4096];
    for (off_t at = 0;;) {
      const ssize_t got = pread(memory_, block, sizeof block, at);
      if (got <= 0) break;
      text.append(block, static_cast<std::size_t>(got));
      at += got;
    }
    close(memory_);
    for (const char* tag : {"[ERROR]", "[WARNING]"}) {
      for (std::size_t at = text.find(tag); at != std::string::npos; at = text.find(tag, at)) {
        const std::size_t end = text.find('\n', at);
        text.erase(at, end == std::string::npos ? std::string::npos : end + 1 - at);
      }
    }
    for (std::size_t done = 0; done < text.size();) {
      const ssize_t put = write(2, text.data() + done, text.size() - done);
      if (put <= 0) break;
      done += static_cast<std::size_t>(put);
    }
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  static std::mutex& mutex() {
    static std::mutex m;
    return m;
  }
  std::lock_guard<std::mutex> lock_;
  int memory_ = -1;
  int saved_ = -1;
};

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// How many lines `text` takes in a column of `per_line` characters, breaking at spaces and, for a word
// longer than a line, inside it.
int wrapped_lines(std::string_view text, std::size_t per_line) {
  int lines = 1;
  std::size_t used = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    std::size_t word = code_points(text.substr(start, end - start));
    start = end + 1;
    if (word == 0) continue;
    const std::size_t needed = used == 0 ? word : used + 1 + word;
    if (needed <= per_line) {
      used = needed;
      continue;
    }
    if (used > 0) ++lines;
    while (word > per_line) {
      ++lines;
      word -= per_line;
    }
    used = word;
  }
  return lines;
}

// "&" starts a code in a header or footer: a literal one is doubled.
std::string header_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    out += c;
    if (c == '&') out += '&';
  }
  return out;
}

}  // namespace

double wrapped_row_height(std::initializer_list<std::pair<std::string_view, double>> cells) {
  constexpr double kLinePt = 15;  // Calibri 11, libxlsxwriter's default row
  int lines = 1;
  for (const auto& [text, width] : cells) {
    // A column of width w shows about w digits; one less per line leaves room for wider capitals.
    const auto per_line = static_cast<std::size_t>(std::max(1.0, std::floor(width) - 1));
    lines = std::max(lines, wrapped_lines(text, per_line));
  }
  return kLinePt * lines;
}

void check(lxw_error error, const std::string& file) {
  if (error != LXW_NO_ERROR) throw std::runtime_error("Impossible d'écrire " + file + " : " + reason(error));
}

void close_workbook(lxw_workbook* workbook, const std::string& file) {
  lxw_error error = LXW_NO_ERROR;
  int system_error = 0;
  {
    const QuietStderr quiet;
    errno = 0;
    error = workbook_close(workbook);
    system_error = errno;
  }
  if (error == LXW_NO_ERROR) return;
  std::string why = reason(error);
  // The system's reason, when the library failed on a system call: "disque plein" is what the user needs.
  const bool on_file = error == LXW_ERROR_CREATING_XLSX_FILE || error == LXW_ERROR_CREATING_TMPFILE ||
                       error == LXW_ERROR_READING_TMPFILE ||
                       (error >= LXW_ERROR_ZIP_FILE_OPERATION && error <= LXW_ERROR_ZIP_CLOSE);
  if (on_file && system_error != 0) why += " (" + fr::errno_reason(system_error) + ")";
  throw std::runtime_error("Impossible d'écrire " + file + " : " + why);
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
  check(worksheet_write_string(ws_, row_index(row), col_index(column), value.c_str(), format_or_default(format)),
        *file_);
}

void Sheet::number(int row, int column, double value, lxw_format* format) {
  check(worksheet_write_number(ws_, row_index(row), col_index(column), value, format_or_default(format)),
        *file_);
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
  check(worksheet_write_blank(ws_, row_index(row), col_index(column), format_or_default(format)), *file_);
}

void Sheet::formula(int row, int column, const std::string& formula, double value, lxw_format* format) {
  check(worksheet_write_formula_num(ws_, row_index(row), col_index(column), formula.c_str(), format_or_default(format), value),
        *file_);
}

void Sheet::formula_text(int row, int column, const std::string& formula, const std::string& value,
                         lxw_format* format) {
  check(worksheet_write_formula_str(ws_, row_index(row), col_index(column), formula.c_str(), format_or_default(format),
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
  total_width_ = 0;
  for (int c = 0; c < count; ++c) {
    total_width_ += widths[c];
    check(worksheet_set_column(ws_, col_index(c), col_index(c), widths[c], nullptr), *file_);
  }
}

void Sheet::print(const PrintSetup& setup) {
  // A4 portrait between binding margins holds about 85 default-width characters; a sheet much wider would
  // shrink below legibility, so it turns.
  constexpr double kPortraitWidth = 100;
  constexpr std::uint8_t kA4 = 9;
  worksheet_set_paper(ws_, kA4);
  if (total_width_ > kPortraitWidth) {
    worksheet_set_landscape(ws_);
  } else {
    worksheet_set_portrait(ws_);
  }
  // One page wide, as many pages tall as the rows need.
  worksheet_fit_to_pages(ws_, 1, 0);
  check(worksheet_repeat_rows(ws_, 0, 0), *file_);
  // Inches: 25 mm on the left for binding, 15 mm on the right, 20 mm top and bottom.
  worksheet_set_margins(ws_, 0.98, 0.59, 0.79, 0.79);
  if (setup.gridlines) worksheet_gridlines(ws_, LXW_SHOW_PRINT_GRIDLINES);
  worksheet_center_horizontally(ws_);
  if (!setup.header.empty()) {
    check(worksheet_set_header(ws_, ("&C" + header_text(setup.header)).c_str()), *file_);
  }
  // &N counts the pages printed together (the whole workbook in LibreOffice), &P runs on across the sheets:
  // « Page 3 / 5 » stays true whether one sheet or the workbook is printed.
  check(worksheet_set_footer(ws_, "&L&A&RPage &P / &N"), *file_);
}

void Sheet::row_height(int row, double height_pt) {
  check(worksheet_set_row(ws_, row_index(row), height_pt, nullptr), *file_);
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
