// CSV text into rows of UTF-8 cells (see csv_table.hpp).
#include "input/csv_table.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "text/utf8.hpp"

namespace aap::input {

namespace {

/// The 1-based line of byte `offset` of `text`, counting LF, CRLF and lone CR as line ends.
int line_at(std::string_view text, std::size_t offset) {
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      ++line;
    }
  }
  return line;
}

/// The 1-based column of byte `offset` in its line, in characters as editors count them (the text before it
/// on its line is UTF-8).
int column_at(std::string_view bytes, std::size_t offset) {
  std::size_t start = offset;
  while (start > 0 && bytes[start - 1] != '\n' && bytes[start - 1] != '\r') --start;
  return static_cast<int>(text::code_points(bytes.substr(start, offset - start))) + 1;
}

/// The first line of `text` that is not valid UTF-8 (lines are checked whole, so a sequence is never cut).
int first_bad_utf8_line(std::string_view text) {
  int line = 1;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    if (!text::is_valid_utf8(text.substr(start, end - start))) return line;
    ++line;
    start = end + 1;
  }
  return line;
}

/// The offset of the first byte that is not UTF-8 when `bytes` also holds a valid multi-byte UTF-8
/// sequence; nullopt when there is none of either.
std::optional<std::size_t> stray_byte_in_utf8(std::string_view bytes) {
  std::optional<std::size_t> first_bad;
  bool multi_byte = false;
  for (std::size_t pos = 0; pos < bytes.size();) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t length = text::utf8_sequence_length(bytes.substr(pos));
    if (length == 0) {
      if (!first_bad) first_bad = pos;
      ++pos;
    } else {
      multi_byte = true;
      pos += length;
    }
    if (first_bad && multi_byte) return first_bad;
  }
  return std::nullopt;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool is_blank_row(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
    return std::all_of(c.begin(), c.end(), [](char ch) { return ch == ' ' || ch == '\t'; });
  });
}

}  // namespace

char32_t windows_1252_code_point(unsigned char byte) {
  // 0x80–0x9F: Microsoft's printable characters where Latin-1 has C1 controls (€, œ, ’, « … »'s cousins);
  // 0 marks the five bytes it leaves unassigned.
  static constexpr char32_t kHigh[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  if (byte < 0x80) return byte;
  if (byte < 0xA0) return kHigh[byte - 0x80];
  return byte;  // 0xA0–0xFF are Latin-1's
}

std::string decode_csv_text(std::string_view bytes, const std::string& file, CsvEncoding& encoding,
                            Diagnostics& diagnostics) {
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    diagnostics.push_back(Diagnostic{file, 0, "",
                                     "fichier en UTF-16, non pris en charge : l’enregistrer au format "
                                     "« CSV UTF-8 » ou « CSV (séparateur : point-virgule) »"});
    return {};
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    encoding = CsvEncoding::utf8_bom;
    const std::string_view rest = bytes.substr(3);
    if (!text::is_valid_utf8(rest)) {
      diagnostics.push_back(Diagnostic{file, first_bad_utf8_line(rest), "",
                                       "le fichier s’annonce en UTF-8 (BOM) mais ce texte n’est pas de "
                                       "l’UTF-8 valide"});
      return {};
    }
    return std::string(rest);
  }
  if (text::is_valid_utf8(bytes)) {
    encoding = CsvEncoding::utf8;
    return std::string(bytes);
  }
  // UTF-8 sequences beside invalid bytes: a UTF-8 file with a stray byte (pasted from another file), not a
  // Windows-1252 one, which almost never holds a valid multi-byte sequence. Decoding it as Windows-1252
  // would turn every accent into mojibake ("MÃ©diterranÃ©e") without a word: refuse it, at the byte.
  if (const auto bad = stray_byte_in_utf8(bytes)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(bytes[*bad])));
    diagnostics.push_back(Diagnostic{file, line_at(bytes, *bad), "",
                                     "problème d’encodage (colonne " + std::to_string(column_at(bytes, *bad)) +
                                         ") : octet " + hex +
                                         " qui n’est pas de l’UTF-8 dans un fichier en UTF-8 (caractère venu d’un "
                                         "autre fichier ?) ; corriger ce caractère ou enregistrer le fichier au format « CSV UTF-8 »"});
    return {};
  }
  // Not UTF-8: Excel's « CSV (séparateur : point-virgule) » writes the Windows code page, cp1252 in France.
  encoding = CsvEncoding::windows_1252;
  std::u32string decoded;
  decoded.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const auto byte = static_cast<unsigned char>(bytes[i]);
    const char32_t cp = windows_1252_code_point(byte);
    if (cp == 0 && byte != 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
      diagnostics.push_back(Diagnostic{file, line_at(bytes, i), "",
                                       std::string("octet ") + hex +
                                           " qui n’est ni de l’UTF-8 ni du Windows-1252 : encodage du fichier "
                                           "non reconnu (l’enregistrer au format « CSV UTF-8 »)"});
      return {};
    }
    decoded.push_back(cp);
  }
  return text::encode_utf8(decoded);
}

char detect_separator(std::string_view text) {
  std::size_t semicolons = 0;
  std::size_t commas = 0;
  bool quoted = false;
  for (const char c : text) {
    if (c == '"') {
      quoted = !quoted;  // a doubled quote flips twice: still inside
    } else if (!quoted && (c == '\n' || c == '\r')) {
      break;
    } else if (!quoted && c == ';') {
      ++semicolons;
    } else if (!quoted && c == ',') {
      ++commas;
    }
  }
  return commas > semicolons ? ',' : ';';
}

std::vector<CsvRow> split_csv(std::string_view text, char separator, const std::string& file,
                              Diagnostics& diagnostics) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string cell;
  int line = 1;
  row.line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool row_has_content = false;  // false at the very end after a final line break: no empty last row

  // Consumes one line end at i, if there is one; returns whether it did.
  const auto take_line_end = [&]() {
    if (i < n && text[i] == '\r') {
      ++i;
      if (i < n && text[i] == '\n') ++i;
      ++line;
      return true;
    }
    if (i < n && text[i] == '\n') {
      ++i;
      ++line;
      return true;
    }
    return false;
  };
  const auto end_row = [&]() {
    row.cells.push_back(std::move(cell));
    cell.clear();
    if (!is_blank_row(row.cells)) rows.push_back(std::move(row));
    row = CsvRow{};
    row.line = line;
    row_has_content = false;
  };

  while (i < n) {
    row_has_content = true;
    if (text[i] == '"') {
      const int opened_on = line;
      ++i;
      bool closed = false;
      while (i < n) {
        const char c = text[i];
        if (c == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            cell.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          closed = true;
          break;
        }
        if (c == '\r' || c == '\n') {
          // A line break inside a cell is kept as LF, whatever the file's line ends.
          take_line_end();
          cell.push_back('\n');
          continue;
        }
        cell.push_back(c);
        ++i;
      }
      if (!closed) {
        diagnostics.push_back(Diagnostic{file, opened_on, "",
                                         "guillemet ouvert à cette ligne et jamais refermé : la suite du fichier "
                                         "est restée dans une seule cellule"});
        break;
      }
      if (i < n && text[i] != separator && text[i] != '\r' && text[i] != '\n') {
        diagnostics.push_back(Diagnostic{file, line, "",
                                         "texte après les guillemets fermants d’une cellule (un guillemet dans "
                                         "une cellule entre guillemets s’écrit doublé : \"\")"});
        // Kept in the cell, so that the rest of the row still lines up with its columns.
        while (i < n && text[i] != separator && text[i] != '\r' && text[i] != '\n') cell.push_back(text[i++]);
      }
    } else {
      while (i < n && text[i] != separator && text[i] != '\r' && text[i] != '\n') cell.push_back(text[i++]);
    }
    if (i < n && text[i] == separator) {
      ++i;
      row.cells.push_back(std::move(cell));
      cell.clear();
      if (i == n) end_row();  // "a;b;" at the very end: the last, empty cell still counts
      continue;
    }
    take_line_end();
    end_row();
  }
  if (row_has_content || !cell.empty() || !row.cells.empty()) end_row();
  return rows;
}

CsvTable parse_csv(std::string_view bytes, const std::string& file, Diagnostics& diagnostics) {
  CsvTable table;
  const std::string text = decode_csv_text(bytes, file, table.encoding, diagnostics);
  if (text.empty()) return table;
  table.separator = detect_separator(text);
  table.rows = split_csv(text, table.separator, file, diagnostics);
  return table;
}

}  // namespace aap::input
