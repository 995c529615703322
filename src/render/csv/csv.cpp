// RFC 4180 records for the CSV outputs (open data, mailing list).
#include "render/csv/csv.hpp"

namespace aap::csv {

std::string field(std::string_view value, char separator) {
  if (value.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
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
