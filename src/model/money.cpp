// Parsing amounts written in euros into exact cents: data ("30000.50"), typed ("250 000 €"), a double's text.
#include "model/money.hpp"

#include <algorithm>
#include <cstddef>
#include <string>

namespace aap {

namespace {

// A hundred billion euros: far above any envelope, far below int64 overflow.
constexpr std::int64_t kMaxCents = 10'000'000'000'000;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Thousands separators a user may type or paste from a document: space, no-break, narrow no-break.
std::size_t separator_length(std::string_view s, std::size_t i) {
  if (s.compare(i, 1, " ") == 0) return 1;
  if (s.compare(i, 2, "\u00A0") == 0) return 2;
  if (s.compare(i, 3, "\u202F") == 0) return 3;
  return 0;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

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

std::optional<Money> Money::parse_typed(std::string_view text) {
  std::string_view s = trim_spaces(text);
  if (s.size() >= 3 && s.substr(s.size() - 3) == "€") {
    s.remove_suffix(3);
    while (!s.empty() && separator_length(s, s.size() - 1) == 1) s.remove_suffix(1);
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\u00A0") s.remove_suffix(2);
  }
  std::int64_t euros = 0;
  int digits = 0;        // in the whole part
  int group = 0;         // digits since the last separator
  bool grouped = false;  // a separator was seen
  std::size_t i = 0;
  while (i < s.size() && s[i] != ',' && s[i] != '.') {
    if (is_digit(s[i])) {
      if (++digits > 12) return std::nullopt;  // a thousand billion euros: a typing error
      euros = euros * 10 + (s[i] - '0');
      ++group;
      ++i;
      continue;
    }
    const std::size_t sep = separator_length(s, i);
    // Groups of three after the first: "250 000" yes, "2 50000" no.
    if (sep == 0 || group == 0 || (grouped ? group != 3 : group > 3)) return std::nullopt;
    grouped = true;
    group = 0;
    i += sep;
  }
  if (digits == 0 || (grouped && group != 3)) return std::nullopt;
  std::int64_t cents = 0;
  if (i < s.size()) {
    const std::string_view decimals = s.substr(i + 1);
    if (decimals.empty() || decimals.size() > 2 || !std::all_of(decimals.begin(), decimals.end(), is_digit))
      return std::nullopt;
    cents = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
  }
  return Money::from_cents(euros * 100 + cents);
}

std::optional<Money> Money::parse_rounded(std::string_view number) {
  std::int64_t euros = 0;
  std::size_t i = 0;
  if (number.empty() || number.size() > 20) return std::nullopt;
  for (; i < number.size() && number[i] != '.'; ++i) {
    if (number[i] < '0' || number[i] > '9') return std::nullopt;
    euros = euros * 10 + (number[i] - '0');
  }
  // The double holds the cents approximately: round what follows the second decimal.
  std::int64_t cents = 0;
  int digits = 0;
  bool round_up = false;
  for (++i; i < number.size(); ++i, ++digits) {
    if (number[i] < '0' || number[i] > '9') return std::nullopt;
    if (digits < 2) cents = cents * 10 + (number[i] - '0');
    else if (digits == 2) round_up = number[i] >= '5';
  }
  if (digits == 1) cents *= 10;
  return Money::from_cents(euros * 100 + cents + (round_up ? 1 : 0));
}

std::string Money::plain(char decimal_separator) const {
  const std::int64_t magnitude = cents_ < 0 ? -cents_ : cents_;
  const std::int64_t rest = magnitude % 100;
  return (cents_ < 0 ? "-" : "") + std::to_string(magnitude / 100) + decimal_separator + (rest < 10 ? "0" : "") +
         std::to_string(rest);
}

}  // namespace aap
