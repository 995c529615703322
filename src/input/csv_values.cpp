// The values of spreadsheet cells (see csv_values.hpp).
#include "input/csv_values.hpp"

#include <algorithm>

namespace aap::input {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string_view trim_cell(std::string_view cell) {
  const auto first = cell.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = cell.find_last_not_of(" \t");
  return cell.substr(first, last - first + 1);
}

std::optional<std::string> normalize_amount(std::string_view cell) {
  // Spreadsheets group thousands with a space, a no-break space (U+00A0) or a narrow one (U+202F).
  static constexpr std::string_view kDropped[] = {" ", "\t", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x82\xAC"};
  std::string out;
  std::size_t i = 0;
  while (i < cell.size()) {
    bool dropped = false;
    for (const std::string_view d : kDropped) {
      if (cell.substr(i, d.size()) == d) {
        i += d.size();
        dropped = true;
        break;
      }
    }
    if (dropped) continue;
    out.push_back(cell[i] == ',' ? '.' : cell[i]);
    ++i;
  }
  const std::string_view number = !out.empty() && out.front() == '-' ? std::string_view(out).substr(1) : out;
  const auto dot = number.find('.');
  const bool shaped = dot == std::string_view::npos
                          ? all_digits(number)
                          : all_digits(number.substr(0, dot)) && all_digits(number.substr(dot + 1));
  if (!shaped) return std::nullopt;
  return out;
}

std::optional<bool> parse_boolean(std::string_view cell) {
  const std::string t = ascii_lower(trim_cell(cell));
  if (t == "oui" || t == "vrai" || t == "true" || t == "1") return true;
  if (t == "non" || t == "faux" || t == "false" || t == "0") return false;
  return std::nullopt;
}

std::optional<Date> parse_cell_date(std::string_view cell) {
  const std::string_view t = trim_cell(cell);
  if (t.find('-') != std::string_view::npos) return Date::parse_iso(t);
  const auto slash1 = t.find('/');
  const auto slash2 = slash1 == std::string_view::npos ? slash1 : t.find('/', slash1 + 1);
  if (slash2 == std::string_view::npos) return std::nullopt;
  const std::string_view day = t.substr(0, slash1);
  const std::string_view month = t.substr(slash1 + 1, slash2 - slash1 - 1);
  const std::string_view year = t.substr(slash2 + 1);
  if (!all_digits(day) || day.size() > 2 || !all_digits(month) || month.size() > 2 || !all_digits(year) ||
      year.size() != 4) {
    return std::nullopt;
  }
  const auto two = [](std::string_view s) { return s.size() == 1 ? "0" + std::string(s) : std::string(s); };
  return Date::parse_iso(std::string(year) + "-" + two(month) + "-" + two(day));
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> out;
  if (trim_cell(cell).empty()) return out;
  std::size_t start = 0;
  while (true) {
    const auto end = cell.find(';', start);
    out.emplace_back(trim_cell(cell.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

}  // namespace aap::input
