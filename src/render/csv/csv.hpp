// CSV text as RFC 4180 describes it: CRLF line ends, a field quoted when it holds the separator, a quote
// or a line break, quotes doubled inside.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aap::csv {

/// One record, its fields joined by `separator` and ended by CRLF.
std::string record(const std::vector<std::string>& fields, char separator = ',');

/// A field as it is written: quoted only when it must be.
std::string field(std::string_view value, char separator = ',');

}  // namespace aap::csv
