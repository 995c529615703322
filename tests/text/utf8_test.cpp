// Text checks on input fields: UTF-8, control characters, characters PDFs cannot show, length.
#include "text/utf8.hpp"

#include <gtest/gtest.h>

#include <string>

using aap::text::check_text;

TEST(Utf8, AcceptsAsciiAndFrenchText) {
  EXPECT_TRUE(aap::text::is_valid_utf8("Association Code & Quartiers"));
  EXPECT_TRUE(aap::text::is_valid_utf8("Développeur — « été » ’ €"));
  EXPECT_TRUE(aap::text::is_valid_utf8(""));
}

TEST(Utf8, RefusesMalformedSequences) {
  EXPECT_FALSE(aap::text::is_valid_utf8("caf\xE9"));           // Latin-1 é
  EXPECT_FALSE(aap::text::is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(aap::text::is_valid_utf8("\x80"));              // lone continuation byte
  EXPECT_FALSE(aap::text::is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(aap::text::is_valid_utf8("\xE0\x80\xAF"));      // overlong, three bytes
  EXPECT_FALSE(aap::text::is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(aap::text::is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(aap::text::is_valid_utf8("\xFF"));
}

TEST(Utf8, AcceptsFourByteSequences) { EXPECT_TRUE(aap::text::is_valid_utf8("\xF0\x9F\x98\x80")); }

TEST(Utf8, CountsCodePointsNotBytes) {
  EXPECT_EQ(aap::text::code_points("abc"), 3u);
  EXPECT_EQ(aap::text::code_points("été"), 3u);
  EXPECT_EQ(aap::text::code_points("12\u202F345\u00A0€"), 8u);
}

TEST(Utf8, AcceptsOrdinaryText) {
  EXPECT_EQ(check_text("Développeur web et web mobile", 300), std::nullopt);
}

TEST(Utf8, ReasonForInvalidUtf8) {
  EXPECT_EQ(check_text("caf\xE9", 300), "texte qui n’est pas de l’UTF-8 valide");
}

TEST(Utf8, ReasonNamesTheControlCharacter) {
  EXPECT_EQ(check_text("bip\a", 300), "caractère de contrôle U+0007 interdit");
  EXPECT_EQ(check_text("a\x7F", 300), "caractère de contrôle U+007F interdit");
  EXPECT_EQ(check_text("a\u0085b", 300), "caractère de contrôle U+0085 interdit");
  EXPECT_EQ(check_text(std::string("a\0b", 3), 300), "caractère de contrôle U+0000 interdit");
}

TEST(Utf8, RefusesLineBreaksAndTabsInOneLineFields) {
  EXPECT_EQ(check_text("ligne 1\nligne 2", 300), "caractère de contrôle U+000A interdit");
  EXPECT_EQ(check_text("a\tb", 300), "caractère de contrôle U+0009 interdit");
  EXPECT_EQ(check_text("a\r", 300), "caractère de contrôle U+000D interdit");
}

TEST(Utf8, AcceptsLineBreaksAndTabsInNotesOnly) {
  EXPECT_EQ(check_text("ligne 1\r\nligne 2\tfin", 5000, true), std::nullopt);
  EXPECT_EQ(check_text("ligne 1\a", 5000, true), "caractère de contrôle U+0007 interdit");
}

TEST(Utf8, RefusesCharactersOutsideTheBasicPlane) {
  EXPECT_EQ(check_text("Bravo \xF0\x9F\x98\x80", 300),
            "caractère U+1F600 hors du plan multilingue de base, que les PDF ne peuvent pas afficher");
}

TEST(Utf8, CountsLengthInCharacters) {
  EXPECT_EQ(check_text(std::string(300, 'a'), 300), std::nullopt);
  std::string accented;
  for (int i = 0; i < 300; ++i) accented += "é";  // 600 bytes, 300 characters
  EXPECT_EQ(check_text(accented, 300), std::nullopt);
  EXPECT_EQ(check_text(std::string(312, 'a'), 300), "312 caractères, 300 au plus");
  EXPECT_EQ(check_text("a", 0), "1 caractère, 0 au plus");
}

TEST(Utf8, StripsALeadingByteOrderMarkOnly) {
  EXPECT_EQ(aap::text::strip_bom("\xEF\xBB\xBF{\"id\": 1}"), "{\"id\": 1}");
  EXPECT_EQ(aap::text::strip_bom("{}"), "{}");
  EXPECT_EQ(aap::text::strip_bom("a\xEF\xBB\xBF"), "a\xEF\xBB\xBF");
  EXPECT_EQ(aap::text::strip_bom(""), "");
}

TEST(Utf8, DecodesAndEncodesEveryLength) {
  const std::string text = "a\u00E9\u202F\u20AC\U0001F600";
  const auto decoded = aap::text::decode_utf8(text);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(*decoded, U"a\u00E9\u202F\u20AC\U0001F600");
  EXPECT_EQ(aap::text::encode_utf8(*decoded), text);
}

TEST(Utf8, DecodingInvalidTextGivesNothing) { EXPECT_EQ(aap::text::decode_utf8("caf\xE9"), std::nullopt); }

// The one decoder every reader and writer steps with: a code point and its length, or length 0.
TEST(Utf8, DecodeAtGivesEachCodePointWithItsLength) {
  const std::string s = "a\xC3\xA9\xE2\x80\xAF\xF0\x9F\x98\x80";  // a, é, U+202F, U+1F600
  EXPECT_EQ(aap::text::decode_at(s, 0).value, U'a');
  EXPECT_EQ(aap::text::decode_at(s, 0).length, 1U);
  EXPECT_EQ(aap::text::decode_at(s, 1).value, U'é');
  EXPECT_EQ(aap::text::decode_at(s, 1).length, 2U);
  EXPECT_EQ(aap::text::decode_at(s, 3).value, U'\u202F');
  EXPECT_EQ(aap::text::decode_at(s, 3).length, 3U);
  EXPECT_EQ(aap::text::decode_at(s, 6).value, U'\U0001F600');
  EXPECT_EQ(aap::text::decode_at(s, 6).length, 4U);
}

TEST(Utf8, DecodeAtRefusesEveryMalformedForm) {
  for (const std::string bad : {"\x80", "\xC3", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                "\xE2\x28\xA1", "\xFF"}) {
    EXPECT_EQ(aap::text::decode_at(bad, 0).length, 0U) << bad.size();
  }
  std::string out;
  aap::text::append_utf8(out, U'œ');
  EXPECT_EQ(out, "\xC5\x93");
}
