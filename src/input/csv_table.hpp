// CSV text as spreadsheets write it (RFC 4180 quoting, `;` or `,`, UTF-8 or Windows-1252, CRLF) into rows of
// UTF-8 cells, each row with the line it starts on.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.hpp"

namespace aap::input {

enum class CsvEncoding { utf8, utf8_bom, windows_1252 };

struct CsvRow {
  int line = 0;  // 1-based line where the row starts (a quoted cell may span several lines)
  std::vector<std::string> cells;
};

struct CsvTable {
  char separator = ';';
  CsvEncoding encoding = CsvEncoding::utf8;
  std::vector<CsvRow> rows;  // the header first; blank rows (nothing but separators) left out
};

/// `bytes` as UTF-8 text: without its byte-order mark when it has one; else as is when it is valid UTF-8;
/// else read as Windows-1252 (what French Excel writes) and converted. A problem (UTF-16, a byte that is
/// neither, UTF-8 announced by a BOM but broken) is added to `diagnostics` and the result is empty.
std::string decode_csv_text(std::string_view bytes, const std::string& file, CsvEncoding& encoding,
                            Diagnostics& diagnostics);

/// `;` or `,`, whichever the header line (the text up to the first line end outside quotes) holds more of;
/// `;` on a tie, since French spreadsheets write it and a French amount holds a comma.
char detect_separator(std::string_view text);

/// Splits UTF-8 `text` into rows of cells: quoted cells may hold separators, doubled quotes and line
/// breaks; line ends are LF, CRLF or CR. Syntax problems (a quote never closed, text after a closing
/// quote) go to `diagnostics` with their line; reading never stops before the end and never fails.
std::vector<CsvRow> split_csv(std::string_view text, char separator, const std::string& file,
                              Diagnostics& diagnostics);

/// The whole chain: decoding, separator, rows. Touches no file: `file` only names the text in messages.
CsvTable parse_csv(std::string_view bytes, const std::string& file, Diagnostics& diagnostics);

/// The cp1252 byte `byte` (0x80–0xFF) as a code point, or 0 for the five bytes cp1252 leaves undefined.
char32_t windows_1252_code_point(unsigned char byte);

}  // namespace aap::input
