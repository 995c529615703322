// Money: exact cents.
#include "model/money.hpp"

#include <gtest/gtest.h>

TEST(Money, FloorEuroDropsCents) {
  EXPECT_EQ(aap::Money::from_cents(123456).floor_euro().cents(), 123400);
}
