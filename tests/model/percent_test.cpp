// Percent: percentages parsed exactly into basis points.
#include "model/percent.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace {

std::optional<std::int64_t> basis_points(std::string_view text) {
  const auto p = aap::Percent::parse(text);
  if (!p) return std::nullopt;
  return p->basis_points();
}

}  // namespace

TEST(Percent, ParsesWholePercentages) { EXPECT_EQ(basis_points("30"), 3000); }

TEST(Percent, ParsesOneAndTwoDecimals) {
  EXPECT_EQ(basis_points("30.5"), 3050);
  EXPECT_EQ(basis_points("33.33"), 3333);
}

TEST(Percent, LeavesTheRangeToTheReader) { EXPECT_EQ(basis_points("150"), 15000); }

TEST(Percent, RefusesSignsExponentsAndThreeDecimals) {
  EXPECT_EQ(basis_points("-1"), std::nullopt);
  EXPECT_EQ(basis_points("1e2"), std::nullopt);
  EXPECT_EQ(basis_points("33.333"), std::nullopt);
  EXPECT_EQ(basis_points(""), std::nullopt);
  EXPECT_EQ(basis_points("30 %"), std::nullopt);
}

TEST(Percent, ThirtyPercentIsReachedByExactlyThreeOfTen) {
  const auto thirty = *aap::Percent::parse("30");
  EXPECT_TRUE(thirty.reached_by(3, 10));
  EXPECT_FALSE(thirty.reached_by(29, 100));
}
