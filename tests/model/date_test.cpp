// Date: strict ISO dates.
#include "model/date.hpp"

#include <gtest/gtest.h>

TEST(Date, ParsesAnIsoDate) {
  const auto d = aap::Date::parse_iso("2027-03-20");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2027);
  EXPECT_EQ(d->month, 3);
  EXPECT_EQ(d->day, 20);
}

TEST(Date, AcceptsTheTwentyNinthOfFebruaryInLeapYearsOnly) {
  EXPECT_TRUE(aap::Date::parse_iso("2028-02-29"));
  EXPECT_TRUE(aap::Date::parse_iso("2000-02-29"));
  EXPECT_FALSE(aap::Date::parse_iso("2027-02-29"));
  EXPECT_FALSE(aap::Date::parse_iso("2100-02-29"));
}

TEST(Date, RefusesDaysThatDoNotExist) {
  EXPECT_FALSE(aap::Date::parse_iso("2027-04-31"));
  EXPECT_FALSE(aap::Date::parse_iso("2027-13-01"));
  EXPECT_FALSE(aap::Date::parse_iso("2027-00-10"));
  EXPECT_FALSE(aap::Date::parse_iso("2027-01-00"));
  EXPECT_FALSE(aap::Date::parse_iso("2027-01-32"));
  EXPECT_TRUE(aap::Date::parse_iso("2027-12-31"));
}

TEST(Date, RefusesAnythingButExactlyYyyyMmDd) {
  EXPECT_FALSE(aap::Date::parse_iso("2027-3-20"));
  EXPECT_FALSE(aap::Date::parse_iso("20/03/2027"));
  EXPECT_FALSE(aap::Date::parse_iso("2027-03-20T10:00"));
  EXPECT_FALSE(aap::Date::parse_iso(" 2027-03-20"));
  EXPECT_FALSE(aap::Date::parse_iso("2027/03/20"));
  EXPECT_FALSE(aap::Date::parse_iso("2027-0a-20"));
  EXPECT_FALSE(aap::Date::parse_iso(""));
}

TEST(Date, WritesIsoWithLeadingZeros) {
  EXPECT_EQ((aap::Date{2027, 3, 1}).iso(), "2027-03-01");
  EXPECT_EQ(aap::Date::parse_iso("2026-12-01")->iso(), "2026-12-01");
}

TEST(Date, ComparesChronologically) {
  EXPECT_LT(*aap::Date::parse_iso("2027-01-31"), *aap::Date::parse_iso("2027-02-01"));
  EXPECT_LT(*aap::Date::parse_iso("2026-12-31"), *aap::Date::parse_iso("2027-01-01"));
}

TEST(Date, TodayIsARealDayAfterThisCodeWasWritten) {
  const aap::Date today = aap::Date::today();
  EXPECT_TRUE(aap::Date::parse_iso(today.iso()));
  EXPECT_GE(today, (aap::Date{2026, 1, 1}));
}
