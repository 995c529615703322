// Parsing amounts written in euros ("30000.50") into exact cents.
#include "model/money.hpp"

#include <cstddef>
#include <string>

namespace aap {

namespace {

// A hundred billion euros: far above any envelope, far below int64 overflow.
constexpr std::int64_t kMaxCents = 10'000'000'000'000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<Money> Money::parse(std::string_view text) {
  std::size_t i = 0;
  std::int64_t euros = 0;
  // Digits before the dot: at least one, so ".5" is refused.
  while (i < text.size() && is_digit(text[i])) {
    euros = euros * 10 + (text[i] - '0');
    if (euros * 100 > kMaxCents) return std::nullopt;
    ++i;
  }
  if (i == 0) return std::nullopt;
  std::int64_t cents = 0;
  if (i < text.size()) {
    if (text[i] != '.') return std::nullopt;
    ++i;
    const std::size_t decimals = text.size() - i;
    // "30000." is refused: a dot promises decimals.
    if (decimals < 1 || decimals > 2) return std::nullopt;
    for (std::size_t k = 0; k < decimals; ++k) {
      if (!is_digit(text[i + k])) return std::nullopt;
    }
    cents = (text[i] - '0') * 10;
    if (decimals == 2) cents += text[i + 1] - '0';
  }
  const std::int64_t total = euros * 100 + cents;
  if (total > kMaxCents) return std::nullopt;
  return Money(total);
}

std::string Money::plain(char decimal_separator) const {
  const std::int64_t magnitude = cents_ < 0 ? -cents_ : cents_;
  const std::int64_t rest = magnitude % 100;
  return (cents_ < 0 ? "-" : "") + std::to_string(magnitude / 100) + decimal_separator + (rest < 10 ? "0" : "") +
         std::to_string(rest);
}

}  // namespace aap
