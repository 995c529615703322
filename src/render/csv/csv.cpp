// RFC 4180 records for the CSV outputs (open data, mailing list, simulation), no cell a formula.
#include "render/csv/csv.hpp"

namespace aap::csv {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// "-1250,50", "30000.00", "12": a number, which a spreadsheet reads as a number and never as a formula.
bool is_plain_number(std::string_view v) {
  std::size_t i = v.substr(0, 1) == "-" ? 1 : 0;
  const std::size_t digits_start = i;
  while (i < v.size() && is_digit(v[i])) ++i;
  if (i == digits_start) return false;
  if (i < v.size() && (v[i] == ',' || v[i] == '.')) {
    const std::size_t decimals_start = ++i;
    while (i < v.size() && is_digit(v[i])) ++i;
    if (i == decimals_start) return false;
  }
  return i == v.size();
}

/// The first character after spaces (U+0020, U+00A0, U+202F), which import may trim; '\0' when none.
char first_significant(std::string_view v) {
  std::size_t i = 0;
  for (;;) {
    if (i < v.size() && v[i] == ' ') {
      ++i;
    } else if (v.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (v.substr(i, 3) == "\xE2\x80\xAF") {
      i += 3;
    } else {
      break;
    }
  }
  return i < v.size() ? v[i] : '\0';
}

}  // namespace

bool could_start_formula(std::string_view value) {
  const char c = first_significant(value);
  const bool trigger = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  return trigger && !is_plain_number(value);
}

std::string field(std::string_view value, char separator) {
  // Excel, LibreOffice and Google Sheets start a formula at these characters: an apostrophe before them
  // makes the cell text in all three (OWASP's "CSV injection" advice). The readers refuse such texts
  // already; this is the second line, for what they let through (a leading "-").
  std::string cell = could_start_formula(value) ? "'" + std::string(value) : std::string(value);
  if (cell.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string::npos) return cell;
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string record(const std::vector<std::string>& fields, char separator) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += separator;
    out += field(fields[i], separator);
  }
  out += "\r\n";
  return out;
}

}  // namespace aap::csv
