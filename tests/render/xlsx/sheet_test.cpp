// A1-style references used in the annexes' formulas.
#include "render/xlsx/sheet.hpp"

#include <gtest/gtest.h>

using namespace aap::xlsx;

TEST(XlsxSheet, ColumnNamesGoFromZToAaAndZzToAaa) {
  EXPECT_EQ(column_name(0), "A");
  EXPECT_EQ(column_name(25), "Z");
  EXPECT_EQ(column_name(26), "AA");
  EXPECT_EQ(column_name(27), "AB");
  EXPECT_EQ(column_name(701), "ZZ");
  EXPECT_EQ(column_name(702), "AAA");
}

TEST(XlsxSheet, CellNamesAreOneBasedAndOptionallyAbsolute) {
  EXPECT_EQ(cell_name(0, 0), "A1");
  EXPECT_EQ(cell_name(11, 7), "H12");
  EXPECT_EQ(cell_name(11, 7, true), "$H$12");
}

TEST(XlsxSheet, SheetReferencesAreQuoted) {
  EXPECT_EQ(sheet_ref("Répartition", "$H$12"), "'Répartition'!$H$12");
}

TEST(XlsxSheet, EurosAreCentsOverAHundred) {
  EXPECT_DOUBLE_EQ(euros(aap::Money::from_cents(1234550)), 12345.5);
  EXPECT_DOUBLE_EQ(euros(aap::Money::from_cents(7)), 0.07);
}
