// Cell values as French spreadsheets write them: amounts, booleans, dates, lists.
#include "input/csv_values.hpp"

#include <gtest/gtest.h>

namespace aap::input {
namespace {

TEST(CsvAmount, DecimalCommaAndSpacedThousandsBecomeTheJsonForm) {
  EXPECT_EQ(normalize_amount("30 000,50"), "30000.50");
  EXPECT_EQ(normalize_amount("30\u00A0000,5"), "30000.5");
  EXPECT_EQ(normalize_amount("1\u202F234\u202F567"), "1234567");
  EXPECT_EQ(normalize_amount("30000.50"), "30000.50");
  EXPECT_EQ(normalize_amount("95 000 €"), "95000");
  EXPECT_EQ(normalize_amount("12,345"), "12.345");  // three decimals: refused later by the JSON rule
}

TEST(CsvAmount, ANegativeAmountKeepsItsSignForTheRuleThatRefusesIt) {
  EXPECT_EQ(normalize_amount("-5"), "-5");
}

TEST(CsvAmount, WhatIsNoNumberIsRefused) {
  EXPECT_EQ(normalize_amount("trente"), std::nullopt);
  EXPECT_EQ(normalize_amount("30,000.50"), std::nullopt);  // the English form: two separators
  EXPECT_EQ(normalize_amount("1.234,50"), std::nullopt);
  EXPECT_EQ(normalize_amount(","), std::nullopt);
  EXPECT_EQ(normalize_amount("5,"), std::nullopt);
  EXPECT_EQ(normalize_amount(""), std::nullopt);
}

TEST(CsvBoolean, FrenchEnglishAndDigitsInAnyCase) {
  for (const char* yes : {"oui", "OUI", "Oui", "vrai", "VRAI", "true", "True", "1", " oui "}) {
    EXPECT_EQ(parse_boolean(yes), true) << yes;
  }
  for (const char* no : {"non", "NON", "faux", "FAUX", "false", "0"}) EXPECT_EQ(parse_boolean(no), false) << no;
  for (const char* neither : {"o", "n", "yes", "2", "", "ouii"}) EXPECT_EQ(parse_boolean(neither), std::nullopt);
}

TEST(CsvDate, IsoAndFrenchForms) {
  EXPECT_EQ(parse_cell_date("2027-01-12"), (Date{2027, 1, 12}));
  EXPECT_EQ(parse_cell_date("12/01/2027"), (Date{2027, 1, 12}));
  EXPECT_EQ(parse_cell_date("1/2/2027"), (Date{2027, 2, 1}));
}

TEST(CsvDate, ImpossibleDaysAndOtherFormsAreRefused) {
  EXPECT_EQ(parse_cell_date("31/02/2027"), std::nullopt);
  EXPECT_EQ(parse_cell_date("29/02/2027"), std::nullopt);
  EXPECT_EQ(parse_cell_date("12/01/27"), std::nullopt);
  EXPECT_EQ(parse_cell_date("01/12/2027/1"), std::nullopt);
  EXPECT_EQ(parse_cell_date("12.01.2027"), std::nullopt);
  EXPECT_EQ(parse_cell_date("2027-1-12"), std::nullopt);
  EXPECT_EQ(parse_cell_date("/01/2027"), std::nullopt);
}

TEST(CsvList, ElementsSeparatedBySemicolonsAreTrimmed) {
  EXPECT_EQ(split_list("Provence Web Factory ; Calanques Data SAS"),
            (std::vector<std::string>{"Provence Web Factory", "Calanques Data SAS"}));
  EXPECT_EQ(split_list("A;B"), (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(split_list("  "), std::vector<std::string>{});
  EXPECT_EQ(split_list("A ; ; B"), (std::vector<std::string>{"A", "", "B"}));
}

}  // namespace
}  // namespace aap::input
