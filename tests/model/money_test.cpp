// Money: amounts parsed from the inputs into exact cents.
#include "model/money.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace {

std::optional<std::int64_t> cents(std::string_view text) {
  const auto m = aap::Money::parse(text);
  if (!m) return std::nullopt;
  return m->cents();
}

}  // namespace

TEST(Money, ParsesWholeEuros) {
  EXPECT_EQ(cents("30000"), 3000000);
  EXPECT_EQ(cents("0"), 0);
}

TEST(Money, ParsesOneDecimalAsTensOfCents) { EXPECT_EQ(cents("30000.5"), 3000050); }

TEST(Money, ParsesTwoDecimals) {
  EXPECT_EQ(cents("30000.50"), 3000050);
  EXPECT_EQ(cents("0.07"), 7);
  EXPECT_EQ(cents("1234.99"), 123499);
}

TEST(Money, RefusesMoreThanTwoDecimals) {
  EXPECT_EQ(cents("30000.505"), std::nullopt);
  EXPECT_EQ(cents("1.000"), std::nullopt);
}

TEST(Money, RefusesSigns) {
  EXPECT_EQ(cents("-5"), std::nullopt);
  EXPECT_EQ(cents("+5"), std::nullopt);
}

TEST(Money, RefusesExponents) {
  EXPECT_EQ(cents("3e4"), std::nullopt);
  EXPECT_EQ(cents("3.0E4"), std::nullopt);
}

TEST(Money, RefusesEmptyText) { EXPECT_EQ(cents(""), std::nullopt); }

TEST(Money, RefusesSpacesAnywhere) {
  EXPECT_EQ(cents(" 5"), std::nullopt);
  EXPECT_EQ(cents("5 "), std::nullopt);
  EXPECT_EQ(cents("30 000"), std::nullopt);
}

TEST(Money, RefusesALeadingOrTrailingDot) {
  EXPECT_EQ(cents(".5"), std::nullopt);
  EXPECT_EQ(cents("5."), std::nullopt);
  EXPECT_EQ(cents("."), std::nullopt);
}

TEST(Money, RefusesACommaAsDecimalSeparator) { EXPECT_EQ(cents("5,50"), std::nullopt); }

TEST(Money, RefusesLettersAndSecondDots) {
  EXPECT_EQ(cents("12a"), std::nullopt);
  EXPECT_EQ(cents("1.2.3"), std::nullopt);
  EXPECT_EQ(cents("1.a"), std::nullopt);
}

TEST(Money, AcceptsUpToAHundredBillionEurosAndRefusesMore) {
  EXPECT_EQ(cents("100000000000"), 10'000'000'000'000);
  EXPECT_EQ(cents("100000000000.01"), std::nullopt);
  EXPECT_EQ(cents("99999999999.99"), 9'999'999'999'999);
  EXPECT_EQ(cents("99999999999999999999999"), std::nullopt);
}

TEST(Money, PlainFormIsCentsAfterTheGivenSeparatorWithoutGrouping) {
  EXPECT_EQ(aap::Money::from_cents(3000000).plain(','), "30000,00");
  EXPECT_EQ(aap::Money::from_cents(3000005).plain('.'), "30000.05");
  EXPECT_EQ(aap::Money::from_cents(50).plain(','), "0,50");
  EXPECT_EQ(aap::Money::from_cents(-1205).plain(','), "-12,05");
}

// The three grammars of an amount, one home: data files (strict), what a person types, a double's text.
TEST(Money, EachGrammarReadsItsOwnForm) {
  using aap::Money;
  EXPECT_EQ(Money::parse("250 000"), std::nullopt);
  EXPECT_EQ(Money::parse_typed("250 000 €"), Money::from_euros(250000));
  EXPECT_EQ(Money::parse_typed("1 250 000,5"), Money::from_cents(125000050));
  EXPECT_EQ(Money::parse_typed("2 50000"), std::nullopt);
  EXPECT_EQ(Money::parse("0.30000000000000004"), std::nullopt);
  EXPECT_EQ(Money::parse_rounded("0.30000000000000004"), Money::from_cents(30));
  EXPECT_EQ(Money::parse_rounded("12345.5"), Money::from_cents(1234550));
  EXPECT_EQ(Money::parse_rounded("30000"), Money::from_euros(30000));
  EXPECT_EQ(Money::parse_rounded("1.005"), Money::from_cents(101));  // a third decimal of 5 rounds up
  EXPECT_EQ(Money::parse_rounded("1.2E4"), std::nullopt);
  EXPECT_EQ(Money::parse_rounded("-5"), std::nullopt);
  EXPECT_EQ(Money::parse_rounded(""), std::nullopt);
}
