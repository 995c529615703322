// Money as an exact count of euro cents: no floating point anywhere money is computed.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aap {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }
  static constexpr Money from_euros(std::int64_t euros) { return Money(euros * 100); }

  /// Parses "30000", "30000.5", "30000.50" (a dot, at most two decimals, no sign, no exponent): data files.
  static std::optional<Money> parse(std::string_view text);
  /// Parses an amount as a person types it: "250000", "250 000", "250 000 €", "1 250 000,50", "30000.5"
  /// (groups of three after the first, split by a space, no-break or narrow no-break space; a comma or a
  /// dot and at most two decimals; at most twelve figures).
  static std::optional<Money> parse_typed(std::string_view text);
  /// Parses the decimal text a spreadsheet writer gives of a double ("30000", "12345.5",
  /// "0.30000000000000004"): the cents it stands for, rounded at the third decimal; no sign, no exponent.
  static std::optional<Money> parse_rounded(std::string_view text);

  constexpr std::int64_t cents() const { return cents_; }
  constexpr std::int64_t whole_euros() const { return cents_ / 100; }
  constexpr bool has_cents() const { return cents_ % 100 != 0; }
  /// "30000,00" or "30000.00": the euros without grouping, `decimal_separator`, two decimals, as data files
  /// and spreadsheets read an amount (the printed form, « 30 000 € », is fr::money's).
  std::string plain(char decimal_separator) const;

  constexpr Money operator+(Money o) const { return Money(cents_ + o.cents_); }
  constexpr Money operator-(Money o) const { return Money(cents_ - o.cents_); }
  constexpr Money& operator+=(Money o) { cents_ += o.cents_; return *this; }
  constexpr Money& operator-=(Money o) { cents_ -= o.cents_; return *this; }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t cents) : cents_(cents) {}
  std::int64_t cents_ = 0;
};

}  // namespace aap
