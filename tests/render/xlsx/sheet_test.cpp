// A1-style references used in the annexes' formulas.
#include "render/xlsx/sheet.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

#include "support/process.hpp"

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

// On a full disk libxlsxwriter prints "[ERROR] workbook_close(): …" in English itself: the user sees only
// the French message (/dev/full answers every write with ENOSPC, as a full disk does).
TEST(XlsxSheet, AFullDiskIsSaidInFrenchAndTheLibrarysOwnMessageIsKeptFromTheUser) {
  aap::test::TempDir tmp;
  const std::filesystem::path file = tmp / "annexes.xlsx";
  std::filesystem::create_symlink("/dev/full", file);
  lxw_workbook* workbook = workbook_new(file.c_str());
  ASSERT_NE(workbook, nullptr);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Feuille");
  ASSERT_EQ(worksheet_write_string(sheet, 0, 0, "Répartition", nullptr), LXW_NO_ERROR);
  testing::internal::CaptureStderr();
  std::string message;
  try {
    close_workbook(workbook, file.string());
  } catch (const std::runtime_error& e) {
    message = e.what();
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(message, "Impossible d'écrire " + file.string() +
                         " : l’archive du classeur n’a pas pu être écrite (disque plein)");
}
