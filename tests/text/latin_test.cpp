// The one table of Latin letters: case both ways, letters, and the plain capitals of the address block and
// the @ctes numbers.
#include "text/latin.hpp"

#include <gtest/gtest.h>

namespace aap::text {
namespace {

TEST(Latin, UpperAndLowerCaseAreEachOthersInverseOverFrenchLetters) {
  for (char32_t c : std::u32string(U"abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ")) {
    const char32_t upper = to_upper(c);
    EXPECT_NE(upper, c) << static_cast<unsigned>(c);
    EXPECT_EQ(to_lower(upper), c) << static_cast<unsigned>(c);
  }
  EXPECT_EQ(to_upper(U'ÿ'), U'Ÿ');
  EXPECT_EQ(to_upper(U'œ'), U'Œ');
  EXPECT_EQ(to_lower(U'Ł'), U'ł');  // Latin Extended-A's odd run
  EXPECT_EQ(to_upper(U'ß'), U'ß');  // no single capital
  EXPECT_EQ(to_upper(U'÷'), U'÷');
  EXPECT_EQ(to_lower(U'×'), U'×');
}

TEST(Latin, LettersAreLatinOnes) {
  EXPECT_TRUE(is_latin_letter(U'é'));
  EXPECT_TRUE(is_latin_letter(U'Œ'));
  EXPECT_FALSE(is_latin_letter(U'×'));
  EXPECT_FALSE(is_latin_letter(U'-'));
  EXPECT_FALSE(is_latin_letter(U'α'));
}

TEST(Latin, EveryLetterFoldsToPlainCapitalsAndNothingElseDoes) {
  EXPECT_EQ(plain_capitals(U'é'), "E");
  EXPECT_EQ(plain_capitals(U'É'), "E");
  EXPECT_EQ(plain_capitals(U'ç'), "C");
  EXPECT_EQ(plain_capitals(U'œ'), "OE");
  EXPECT_EQ(plain_capitals(U'Æ'), "AE");
  EXPECT_EQ(plain_capitals(U'ß'), "SS");
  EXPECT_EQ(plain_capitals(U'ÿ'), "Y");
  EXPECT_EQ(plain_capitals(U'q'), "Q");
  EXPECT_EQ(plain_capitals(U'7'), "7");
  EXPECT_EQ(plain_capitals(U' '), "");
  EXPECT_EQ(plain_capitals(U'’'), "");
  EXPECT_EQ(plain_capitals(U'α'), "");
}

}  // namespace
}  // namespace aap::text
