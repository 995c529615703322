// A calendar date (proleptic Gregorian), parsed from and written as ISO YYYY-MM-DD.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace aap {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  /// Accepts exactly YYYY-MM-DD naming a real day (2027-02-29 is refused).
  static std::optional<Date> parse_iso(std::string_view text);
  /// Today's date in UTC.
  static Date today();
  std::string iso() const;
  auto operator<=>(const Date&) const = default;
};

}  // namespace aap
