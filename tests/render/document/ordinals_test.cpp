// Ordinals in figures: which letters are set in superscript, and which look-alikes are left alone.
#include "render/document/ordinals.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace aap::doc {
namespace {

// The spans as "text" with superscript letters in brackets: "1[er] mars".
std::string shown(const Inline& spans) {
  std::string out;
  for (const Span& s : spans) out += s.superscript ? "[" + s.text + "]" : s.text;
  return out;
}

std::string marked(const std::string& text) { return shown(with_ordinals(text)); }

TEST(Ordinals, TheLettersOfFrenchOrdinalsAreSuperscript) {
  EXPECT_EQ(marked("le 1er mars 2027"), "le 1[er] mars 2027");
  EXPECT_EQ(marked("classé au 3e rang"), "classé au 3[e] rang");
  EXPECT_EQ(marked("10e"), "10[e]");
  EXPECT_EQ(marked("la 1re session, les 2es et 1ers rangs"), "la 1[re] session, les 2[es] et 1[ers] rangs");
  EXPECT_EQ(marked("(2e)."), "(2[e]).");
  EXPECT_EQ(marked("au\u00A03e\u202F;"), "au\u00A03[e]\u202F;");
}

TEST(Ordinals, LookAlikesAreLeftAlone) {
  for (const char* text : {"1e6", "A4e", "2eme", "3ème", "1,5e", "10.5e", "contact2e@exemple.fr", "2027-03-20",
                           "12 345 €", "3 étages", "n° 2000-321"}) {
    EXPECT_EQ(marked(text), text);
  }
}

TEST(Ordinals, StylesAndValuesAreKeptAndAValueFollowedByTheTemplatesLetterIsFound) {
  Span rank{"3"};
  rank.keep_whole = true;
  Span rest{"e rang", true};
  Inline spans{Span{"au "}, rank, rest};
  mark_ordinals(spans);
  ASSERT_EQ(shown(spans), "au 3[e] rang");
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_TRUE(spans[1].keep_whole);
  EXPECT_TRUE(spans[2].superscript);
  EXPECT_TRUE(spans[2].bold);
  EXPECT_FALSE(spans[3].superscript);
  EXPECT_TRUE(spans[3].bold);
  EXPECT_TRUE(with_ordinals("Le Président", true).front().keep_whole);
}

}  // namespace
}  // namespace aap::doc
