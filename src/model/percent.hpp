// Exact percentages, held in basis points (hundredths of a percent): "at most two decimals".
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string_view>

namespace aap {

class Percent {
 public:
  constexpr Percent() = default;
  static constexpr Percent from_basis_points(std::int64_t bp) { return Percent(bp); }
  static constexpr Percent from_whole(std::int64_t pct) { return Percent(pct * 100); }
  /// Parses "30", "30.5", "33.33" (dot, at most two decimals, no sign).
  static std::optional<Percent> parse(std::string_view text);

  constexpr std::int64_t basis_points() const { return bp_; }
  /// True when part / whole ≥ this percentage, compared exactly: 10000·part ≥ bp·whole.
  constexpr bool reached_by(std::int64_t part, std::int64_t whole) const {
    return 10000 * part >= bp_ * whole;
  }
  constexpr auto operator<=>(const Percent&) const = default;

 private:
  constexpr explicit Percent(std::int64_t bp) : bp_(bp) {}
  std::int64_t bp_ = 0;
};

}  // namespace aap
