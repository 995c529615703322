// Line breaking with a monospace measurer: 10 pt text, 5 pt a character.
#include "render/layout/line_breaker.hpp"

#include <gtest/gtest.h>

#include "render/document/ordinals.hpp"
#include "render/layout/fake_measurer.hpp"

namespace aap::render {
namespace {

constexpr double kChar = 5;  // width of one character at 10 pt in the fake measurer

std::vector<std::string> texts(const std::vector<TextLine>& lines) {
  std::vector<std::string> out;
  for (const auto& l : lines) {
    std::string s;
    for (const auto& p : l.pieces) s += (s.empty() ? "" : "|") + p.text;
    out.push_back(s);
  }
  return out;
}

std::vector<TextLine> lines(const doc::Inline& content, double chars, doc::Align align = doc::Align::left,
                            const Hyphenator* hyphenator = nullptr) {
  LineBreakOptions o;
  o.width_pt = chars * kChar;
  o.size_pt = 10;
  o.align = align;
  o.hyphenator = hyphenator;
  return break_lines(content, o, test::FakeMeasurer());
}

doc::Inline plain(const std::string& s) { return {doc::Span{s}}; }

using Texts = std::vector<std::string>;

TEST(LineBreaker, FillsEachLineWithWholeWords) {
  EXPECT_EQ(texts(lines(plain("aaa bbb ccc ddd eee"), 11)), (Texts{"aaa bbb ccc", "ddd eee"}));
}

TEST(LineBreaker, WordExactlyFillingTheLineStaysOnIt) {
  EXPECT_EQ(texts(lines(plain("aaaa bbbbb cc"), 10)), (Texts{"aaaa bbbbb", "cc"}));
}

TEST(LineBreaker, NeverBreaksAtNoBreakSpaces) {
  // "montant de 12 345 €" with U+202F and U+00A0: the amount moves whole to the next line.
  EXPECT_EQ(texts(lines(plain("montant de 12\u202F345\u00A0€"), 14)), (Texts{"montant de", "12\u202F345\u00A0€"}));
}

TEST(LineBreaker, JustifiedLinesEndAtTheRightEdgeButNotTheLastOne) {
  const auto result = lines(plain("aa bb cc dd ee ff gg"), 10, doc::Align::justify);
  ASSERT_EQ(texts(result), (Texts{"aa|bb|cc", "dd|ee|ff", "gg"}));
  // 6 characters and 4 spare: 2 characters more in each of the two spaces.
  EXPECT_DOUBLE_EQ(result[0].pieces[1].x_pt, 4 * kChar);
  EXPECT_DOUBLE_EQ(result[0].pieces[2].x_pt + result[0].pieces[2].width_pt, 10 * kChar);
  EXPECT_EQ(result[2].pieces[0].x_pt, 0);
}

TEST(LineBreaker, RightAndCentreAlignmentShiftTheLine) {
  EXPECT_DOUBLE_EQ(lines(plain("abcd"), 10, doc::Align::right)[0].pieces[0].x_pt, 6 * kChar);
  EXPECT_DOUBLE_EQ(lines(plain("abcd"), 10, doc::Align::center)[0].pieces[0].x_pt, 3 * kChar);
}

TEST(LineBreaker, LooseLineHyphenatesTheNextWordInFrench) {
  // "ab" leaves room for 12 characters: "internatio-" fits, "internationa-" would not.
  EXPECT_EQ(texts(lines(plain("ab internationalisation"), 15, doc::Align::left, &Hyphenator::french())),
            (Texts{"ab internatio-", "nalisation"}));
}

TEST(LineBreaker, WithoutDictionaryTheLongWordMovesWhole) {
  EXPECT_EQ(texts(lines(plain("ab internationalisation"), 20)), (Texts{"ab", "internationalisation"}));
}

TEST(LineBreaker, WebAndEmailAddressesAreNeverHyphenated) {
  const Hyphenator* fr = &Hyphenator::french();
  EXPECT_EQ(texts(lines(plain("ab https://subventions.example.fr/aap-gen"), 40, doc::Align::left, fr)),
            (Texts{"ab", "https://subventions.example.fr/aap-gen"}));
  EXPECT_EQ(texts(lines(plain("ab contact@subventions-numeriques.fr"), 34, doc::Align::left, fr)),
            (Texts{"ab", "contact@subventions-numeriques.fr"}));
}

TEST(LineBreaker, TightLineDoesNotHyphenate) {
  // Two characters of room: the line is not loose, the word moves whole.
  EXPECT_EQ(texts(lines(plain("abcdefghijklm conventionnement"), 16, doc::Align::left, &Hyphenator::french())),
            (Texts{"abcdefghijklm", "conventionnement"}));
}

TEST(LineBreaker, SoftHyphenShowsOnlyWhereTheWordBreaks) {
  EXPECT_EQ(texts(lines(plain("xx abc\u00ADdefgh"), 8)), (Texts{"xx abc-", "defgh"}));
  EXPECT_EQ(texts(lines(plain("abc\u00ADdefgh"), 20)), (Texts{"abcdefgh"}));
}

TEST(LineBreaker, CompoundWordBreaksAfterItsHyphen) {
  EXPECT_EQ(texts(lines(plain("à Septèmes-les-Vallons"), 16)), (Texts{"à Septèmes-les-", "Vallons"}));
}

TEST(LineBreaker, WordWiderThanTheLineIsCutNeverOverflows) {
  EXPECT_EQ(texts(lines(plain("https://example.org/abcdefgh"), 10)), (Texts{"https://ex", "ample.org/", "abcdefgh"}));
}

TEST(LineBreaker, NewlineForcesABreakAndThatLineIsNotJustified) {
  const auto result = lines(plain("aa bb\ncc dd ee ff"), 10, doc::Align::justify);
  ASSERT_EQ(texts(result), (Texts{"aa bb", "cc|dd|ee", "ff"}));
  EXPECT_DOUBLE_EQ(result[0].pieces[0].width_pt, 5 * kChar);
}

TEST(LineBreaker, FacesFollowTheSpansAcrossAWord) {
  const doc::Inline content{doc::Span{"Objet", true}, doc::Span{"\u00A0: attribution"}};
  const auto result = lines(content, 40);
  ASSERT_EQ(result.size(), 1u);
  ASSERT_EQ(result[0].pieces.size(), 2u);
  EXPECT_EQ(result[0].pieces[0].text, "Objet");
  EXPECT_EQ(result[0].pieces[0].face, Face::bold);
  EXPECT_EQ(result[0].pieces[1].text, "\u00A0: attribution");
  EXPECT_EQ(result[0].pieces[1].face, Face::regular);
  EXPECT_DOUBLE_EQ(result[0].pieces[1].x_pt, 5 * kChar);
}

TEST(LineBreaker, MissingGlyphNamesTheWholeText) {
  try {
    lines(plain("Formation 中文 avancée"), 40);
    FAIL() << "no exception";
  } catch (const MissingGlyph& e) {
    EXPECT_EQ(e.code_point(), U'\u4E2D');
    EXPECT_EQ(e.text(), "Formation 中文 avancée");
  }
}

TEST(LineBreaker, InvalidUtf8IsRefused) { EXPECT_THROW(lines(plain("abc\xC3"), 40), InvalidText); }

// Measures like the fake measurer, counts its calls, and says its widths are those of `identity`.
class CountingMeasurer final : public TextMeasurer {
 public:
  explicit CountingMeasurer(const void* identity) : identity_(identity) {}
  double width(std::string_view text, Face face, double size_pt) const override {
    ++calls;
    return fake_.width(text, face, size_pt);
  }
  const void* widths_identity() const override { return identity_; }
  mutable int calls = 0;

 private:
  const void* identity_;
  test::FakeMeasurer fake_;
};

std::vector<TextLine> counted(const doc::Inline& content, double chars, const CountingMeasurer& measurer,
                              doc::Align align = doc::Align::left) {
  LineBreakOptions o;
  o.width_pt = chars * kChar;
  o.size_pt = 10;
  o.align = align;
  return break_lines(content, o, measurer);
}

// Letters repeat the same paragraphs: a text broken once is not measured again.
TEST(LineBreaker, TheSameTextWithTheSameWidthsIsBrokenOnce) {
  static const int kTables = 0;  // any stable address stands for "the same font tables"
  const CountingMeasurer first(&kTables);
  const doc::Inline text = plain("Le versement est subordonné à la signature d’une convention");
  const Texts expected = texts(counted(text, 20, first));
  EXPECT_GT(first.calls, 0);
  const CountingMeasurer second(&kTables);
  EXPECT_EQ(texts(counted(text, 20, second)), expected);
  EXPECT_EQ(second.calls, 0);
}

// What the lines depend on is part of what is reused: width, alignment, faces, text, font tables.
TEST(LineBreaker, ReusedLinesAreThoseOfTheSameTextWidthFacesAndFont) {
  static const int kTables = 0;
  static const int kOtherTables = 0;
  const CountingMeasurer measurer(&kTables);
  const doc::Inline text = plain("un deux trois quatre cinq six");
  EXPECT_EQ(texts(counted(text, 14, measurer)), (Texts{"un deux trois", "quatre cinq", "six"}));
  EXPECT_EQ(texts(counted(text, 9, measurer)), (Texts{"un deux", "trois", "quatre", "cinq six"}));
  const auto justified = counted(text, 14, measurer, doc::Align::justify);
  EXPECT_EQ(justified[0].pieces.back().x_pt + justified[0].pieces.back().width_pt, 14 * kChar);
  doc::Inline bold = text;
  bold[0].bold = true;
  EXPECT_EQ(counted(bold, 14, measurer)[0].pieces[0].face, Face::bold);
  EXPECT_EQ(texts(counted(plain("un deux trois quatre cinq sept"), 14, measurer)),
            (Texts{"un deux trois", "quatre cinq", "sept"}));
  const CountingMeasurer other(&kOtherTables);
  counted(text, 14, other);
  EXPECT_GT(other.calls, 0);
  const CountingMeasurer unknown(nullptr);  // widths of unknown origin are never reused
  counted(text, 14, unknown);
  counted(text, 14, unknown);
  EXPECT_GT(unknown.calls, 0);
  const int once = unknown.calls / 2;
  EXPECT_EQ(unknown.calls, 2 * once);
}

doc::Inline value(const std::string& before, const std::string& kept, const std::string& after = "") {
  doc::Span v{kept};
  v.keep_whole = true;
  doc::Inline out;
  if (!before.empty()) out.push_back(doc::Span{before});
  out.push_back(v);
  if (!after.empty()) out.push_back(doc::Span{after});
  return out;
}

TEST(LineBreaker, ANameFromTheDataMovesWholeWhereRunningTextWouldBeHyphenated) {
  // The same loose line as LooseLineHyphenatesTheNextWordInFrench, the word now a value.
  ASSERT_EQ(texts(lines(plain("ab internationalisation"), 20, doc::Align::left, &Hyphenator::french())).size(), 2u);
  EXPECT_EQ(texts(lines(plain("ab internationalisation"), 20, doc::Align::left, &Hyphenator::french()))[0].back(), '-');
  EXPECT_EQ(texts(lines(value("ab ", "internationalisation"), 20, doc::Align::left, &Hyphenator::french())),
            (Texts{"ab", "internationalisation"}));
  // An amount in words: neither the dictionary nor its own hyphen cuts it on a loose line.
  EXPECT_EQ(texts(lines(value("soit ", "cinquante-cinq centimes"), 16, doc::Align::left, &Hyphenator::french())),
            (Texts{"soit", "cinquante-cinq", "centimes"}));
  // English in a title between guillemets: French patterns cut it when it is running text, not as a value.
  const std::string open = "la formation «\u202F";
  const std::string close = "\u202F» ouvre";
  const auto running = texts(lines(plain(open + "Designer" + close), 19, doc::Align::left, &Hyphenator::french()));
  ASSERT_EQ(running.at(0).back(), '-') << running.at(0);
  EXPECT_EQ(texts(lines(value(open, "Designer", close), 19, doc::Align::left, &Hyphenator::french())),
            (Texts{"la formation", "«\u202FDesigner\u202F» ouvre"}));
}

TEST(LineBreaker, ANameWiderThanAWholeLineBreaksAfterItsOwnHyphensThenBetweenCharacters) {
  EXPECT_EQ(texts(lines(value("", "Aix-en-Provence"), 8, doc::Align::left, &Hyphenator::french())),
            (Texts{"Aix-en-", "Provence"}));
  // A lowercase word of a value wider than the line: hyphenated as French rather than cut anywhere.
  const auto wide = texts(lines(value("", "internationalisation"), 15, doc::Align::left, &Hyphenator::french()));
  EXPECT_EQ(wide, texts(lines(plain("internationalisation"), 15, doc::Align::left, &Hyphenator::french())));
  EXPECT_EQ(wide.at(0).back(), '-');
  EXPECT_EQ(texts(lines(value("", "Abcdefghijkl"), 5, doc::Align::left, &Hyphenator::french())),
            (Texts{"Abcde", "fghij", "kl"}));
}

TEST(LineBreaker, AnOrdinalsLettersAreMeasuredAndPlacedInSuperscript) {
  doc::Span er{"er"};
  er.superscript = true;
  const doc::Inline content{doc::Span{"le 1"}, er, doc::Span{" mars"}};
  const auto result = lines(content, 40);
  ASSERT_EQ(result.size(), 1u);
  ASSERT_EQ(texts(result), (Texts{"le 1|er|mars"}));
  const auto& pieces = result[0].pieces;
  EXPECT_FALSE(pieces[0].superscript);
  EXPECT_TRUE(pieces[1].superscript);
  EXPECT_DOUBLE_EQ(pieces[1].x_pt, 4 * kChar);
  EXPECT_DOUBLE_EQ(pieces[1].width_pt, 2 * kChar * doc::kSuperscriptScale);
  EXPECT_DOUBLE_EQ(pieces[2].x_pt, 4 * kChar + 2 * kChar * doc::kSuperscriptScale + kChar);
}

}  // namespace
}  // namespace aap::render
