// Strings refused before they reach a workbook: bad UTF-8, control characters, XML's forbidden U+FFFE/U+FFFF.
#include "render/xlsx/text_check.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

using aap::xlsx::text_problem;

TEST(XlsxTextCheck, AcceptsFrenchTextAndCharactersOutsideTheBasicPlane) {
  EXPECT_EQ(text_problem("Métropole Aix-Marseille-Provence — « Été » 12 345,50 €"), std::nullopt);
  EXPECT_EQ(text_problem("Code \xF0\x9F\x98\x80 Quartiers"), std::nullopt);  // U+1F600 is fine in a workbook
  EXPECT_EQ(text_problem(""), std::nullopt);
}

TEST(XlsxTextCheck, RefusesAStrayContinuationByteWithItsOffset) {
  EXPECT_EQ(text_problem("ab\x80"), "UTF-8 invalide à l'octet 3");
}

TEST(XlsxTextCheck, RefusesALeadByteWithoutItsContinuation) {
  EXPECT_EQ(text_problem("Caf\xC3 du code"), "UTF-8 invalide à l'octet 4");
  EXPECT_EQ(text_problem("Caf\xC3"), "UTF-8 invalide (séquence tronquée) à l'octet 4");
}

TEST(XlsxTextCheck, RefusesOverlongFormsSurrogatesAndCodePointsBeyondUnicode) {
  EXPECT_EQ(text_problem("\xC0\xAF"), "UTF-8 invalide à l'octet 1");          // overlong "/"
  EXPECT_EQ(text_problem("\xE0\x80\xAF"), "UTF-8 invalide à l'octet 1");      // overlong, 3 bytes
  EXPECT_EQ(text_problem("x\xED\xA0\x80"), "UTF-8 invalide à l'octet 2");     // U+D800
  EXPECT_EQ(text_problem("\xF4\x90\x80\x80"), "UTF-8 invalide à l'octet 1");  // U+110000
  EXPECT_EQ(text_problem("\xF5\x80\x80\x80"), "UTF-8 invalide à l'octet 1");
}

TEST(XlsxTextCheck, RefusesControlCharactersC0DelAndC1) {
  EXPECT_EQ(text_problem("a\tb"), "caractère de contrôle U+0009 à l'octet 2");
  EXPECT_EQ(text_problem("line\n"), "caractère de contrôle U+000A à l'octet 5");
  EXPECT_EQ(text_problem(std::string("a\0b", 3)), "caractère de contrôle U+0000 à l'octet 2");
  EXPECT_EQ(text_problem("\x7F"), "caractère de contrôle U+007F à l'octet 1");
  EXPECT_EQ(text_problem("é\xC2\x85"), "caractère de contrôle U+0085 à l'octet 3");
}

TEST(XlsxTextCheck, RefusesTheNoncharactersXmlForbids) {
  EXPECT_EQ(text_problem("a\xEF\xBF\xBE"), "caractère interdit U+FFFE à l'octet 2");
  EXPECT_EQ(text_problem("\xEF\xBF\xBF"), "caractère interdit U+FFFF à l'octet 1");
  EXPECT_EQ(text_problem("\xEF\xBF\xBD"), std::nullopt);  // U+FFFD, the replacement character, is fine
}

TEST(XlsxTextCheck, RefusesTextTooLongForACell) {
  EXPECT_EQ(text_problem(std::string(32767, 'a')), std::nullopt);
  EXPECT_EQ(text_problem(std::string(32768, 'a')), "texte de 32768 octets, plus que les 32767 d'une cellule");
}
