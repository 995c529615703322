// French hyphenation through libhyphen: byte offsets, capitals, accents.
#include "render/layout/hyphenator.hpp"

#include <gtest/gtest.h>

namespace aap::render {
namespace {

using Offsets = std::vector<std::size_t>;

TEST(Hyphenator, FrenchWordBreaksBetweenSyllables) {
  // in-ter-na-tio-na-li-sa-tion
  EXPECT_EQ(Hyphenator::french().break_points("internationalisation"), (Offsets{2, 5, 7, 10, 12, 14, 16}));
}

TEST(Hyphenator, CapitalsAreLowerCasedBeforeLookup) {
  EXPECT_EQ(Hyphenator::french().break_points("INTERNATIONALISATION"), (Offsets{2, 5, 7, 10, 12, 14, 16}));
}

TEST(Hyphenator, OffsetsAreBytesAfterAccentedLetters) {
  // ap-pré-ciées: "appré" is 6 bytes; no break leaves fewer than two letters before or three after.
  EXPECT_EQ(Hyphenator::french().break_points("appréciées"), (Offsets{2, 6}));
  EXPECT_EQ(Hyphenator::french().break_points("éléphant"), (Offsets{5}));
}

TEST(Hyphenator, ShortWordHasNoBreak) { EXPECT_TRUE(Hyphenator::french().break_points("Œuvre").empty()); }

TEST(Hyphenator, UnreadableDictionaryThrows) {
  EXPECT_THROW(Hyphenator("/nonexistent/hyph_xx.dic"), std::runtime_error);
}

}  // namespace
}  // namespace aap::render
