// The markup → doc::Document mapping, construct by construct, and values that print exactly.
#include "render/markup/markup.hpp"

#include <gtest/gtest.h>

#include "render/markup/escape.hpp"

namespace aap::markup {
namespace {

constexpr std::string_view kTricky = "A | B *C* #1 _x_ [y](z)";
const std::string kNbsp = "\u00A0";
const std::string kNnbsp = "\u202F";

template <typename T>
const T& block(const std::vector<doc::Block>& blocks, std::size_t i) {
  EXPECT_LT(i, blocks.size());
  EXPECT_TRUE(std::holds_alternative<T>(blocks.at(i))) << "block " << i << " has type index " << blocks.at(i).index();
  return std::get<T>(blocks.at(i));
}

TEST(MarkupEscape, BackslashesEveryAsciiPunctuationAndFlattensLineBreaks) {
  EXPECT_EQ(escape(kTricky), "A \\| B \\*C\\* \\#1 \\_x\\_ \\[y\\]\\(z\\)");
  EXPECT_EQ(escape("  1. a\tb\nc  "), "1\\. a b c");
  EXPECT_EQ(escape("\xEE\x80\x80x\xEE\x80\x82"), "x");
  EXPECT_EQ(escape("Élan"), "Élan");
}

TEST(Markup, TrickyValueInAParagraphPrintsExactly) {
  const auto blocks = parse("Association " + escape(kTricky) + " retenue");
  ASSERT_EQ(blocks.size(), 1u);
  const auto& p = block<doc::Paragraph>(blocks, 0);
  ASSERT_EQ(p.content.size(), 1u);
  EXPECT_EQ(p.content[0].text, "Association A | B *C* #1 _x_ [y](z) retenue");
  EXPECT_FALSE(p.content[0].bold);
  EXPECT_FALSE(p.content[0].italic);
}

TEST(Markup, TrickyValueInATableCellPrintsExactly) {
  const auto blocks = parse("| Nom | Montant |\n| --- | ---: |\n| " + escape(kTricky) + " | 3 |\n");
  ASSERT_EQ(blocks.size(), 1u);
  const auto& t = block<doc::Table>(blocks, 0);
  ASSERT_EQ(t.columns.size(), 2u);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(plain_text(t.rows[0][0]), std::string(kTricky));
  EXPECT_EQ(plain_text(t.rows[0][1]), "3");
}

TEST(Markup, TrickyValuesAtTheStartOfALinePrintExactly) {
  for (const std::string value : {"# titre", "1. premier", "- tiret", "---", "> cité", "    code", "->droite",
                                  "=====", "| a | b |", "```timbre", "&amp; &nbsp;", "\\ fin \\"}) {
    const auto blocks = parse("Texte\n" + escape(value) + "\n\n" + escape(value));
    ASSERT_EQ(blocks.size(), 2u) << value;
    std::string expected = value;
    while (expected.front() == ' ') expected.erase(0, 1);
    EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 0).content), "Texte " + expected) << value;
    EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 1).content), expected) << value;
  }
}

TEST(Markup, HeadingsOfThreeLevels) {
  const auto blocks = parse("# Un\n\n## Deux\n\n### Trois\n\n#### Quatre");
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(block<doc::Heading>(blocks, 0).level, 1);
  EXPECT_EQ(plain_text(block<doc::Heading>(blocks, 0).content), "Un");
  EXPECT_EQ(block<doc::Heading>(blocks, 1).level, 2);
  EXPECT_EQ(block<doc::Heading>(blocks, 2).level, 3);
  EXPECT_EQ(block<doc::Heading>(blocks, 3).level, 3);
}

TEST(Markup, BoldAndItalicSpans) {
  const auto blocks = parse("Une **décision** *motivée* et ***les deux***.");
  const auto& p = block<doc::Paragraph>(blocks, 0);
  ASSERT_EQ(p.content.size(), 7u);  // … " et ", "les deux", "."
  EXPECT_EQ(p.content[0].text, "Une ");
  EXPECT_TRUE(p.content[1].bold);
  EXPECT_EQ(p.content[1].text, "décision");
  EXPECT_EQ(p.content[2].text, " ");
  EXPECT_TRUE(p.content[3].italic);
  EXPECT_FALSE(p.content[3].bold);
  EXPECT_EQ(p.content[3].text, "motivée");
  EXPECT_TRUE(p.content[5].bold && p.content[5].italic) << p.content[5].text;
}

TEST(Markup, ParagraphsAreJustifiedAndSoftBreaksBecomeSpaces) {
  const auto blocks = parse("ligne un\nligne deux\n\nautre");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(block<doc::Paragraph>(blocks, 0).align, doc::Align::justify);
  EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 0).content), "ligne un ligne deux");
}

TEST(Markup, ArrowLineIsARightAlignedParagraphAndArrowsBothSidesCentre) {
  const auto blocks = parse("Avant\n->À droite\n-> Au centre <-\napres");
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(block<doc::Paragraph>(blocks, 0).align, doc::Align::justify);
  EXPECT_EQ(block<doc::Paragraph>(blocks, 1).align, doc::Align::right);
  EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 1).content), "À droite");
  EXPECT_EQ(block<doc::Paragraph>(blocks, 2).align, doc::Align::center);
  EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 2).content), "Au centre");
  EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 3).content), "apres");
}

TEST(Markup, ForcedLineBreakStartsANewParagraph) {
  const auto blocks = parse("premier\\\nsecond");
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 1).content), "second");
}

TEST(Markup, BulletAndNumberedLists) {
  const auto blocks = parse("- un\n- **deux**\n\n3. trois\n4. quatre\n   - imbriqué\n");
  ASSERT_EQ(blocks.size(), 2u);
  const auto& bullets = block<doc::ListBlock>(blocks, 0);
  EXPECT_FALSE(bullets.ordered);
  ASSERT_EQ(bullets.items.size(), 2u);
  EXPECT_EQ(plain_text(bullets.items[1]), "deux");
  EXPECT_TRUE(bullets.items[1][0].bold);
  const auto& numbers = block<doc::ListBlock>(blocks, 1);
  EXPECT_TRUE(numbers.ordered);
  EXPECT_EQ(numbers.start, 3);
  ASSERT_EQ(numbers.items.size(), 3u);
  EXPECT_EQ(plain_text(numbers.items[2]), "imbriqué");
}

TEST(Markup, TableWithHeaderAlignmentAndWeights) {
  const auto blocks = parse(
      "| Critère | Constaté | Résultat |\n|:--|--:|:-:|\n| Part de femmes dans les sessions | 5 / 14 | Satisfait |\n| x |\n");
  const auto& t = block<doc::Table>(blocks, 0);
  ASSERT_EQ(t.columns.size(), 3u);
  EXPECT_EQ(t.columns[0].align, doc::Align::left);
  EXPECT_EQ(t.columns[1].align, doc::Align::right);
  EXPECT_EQ(t.columns[2].align, doc::Align::center);
  EXPECT_EQ(t.columns[0].width_weight, 30);  // 32 characters, held to 30
  EXPECT_EQ(t.columns[1].width_weight, 8);
  EXPECT_EQ(t.columns[2].width_weight, 9);
  ASSERT_EQ(t.header.size(), 1u);
  EXPECT_EQ(plain_text(t.header[0][1]), "Constaté");
  ASSERT_EQ(t.rows.size(), 2u);
  ASSERT_EQ(t.rows[1].size(), 3u);  // a short row is padded
  EXPECT_TRUE(t.rows[1][2].empty());
}

TEST(Markup, RuleAfterABlankLineIsAPageBreak) {
  const auto blocks = parse("avant\n\n---\n\naprès");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<doc::PageBreak>(blocks[1]));
}

TEST(Markup, LetterBlocks) {
  const auto blocks = parse(
      "```timbre\n**Métropole**\n*Affaire suivie par* : Mme X\n\n1. pas une liste\n```\n\n"
      "```adresse\nMadame Claire Martin\n" + escape("A*`b`*") + "\n13002 MARSEILLE\n```\n\n"
      "```lieu-date\nMarseille, le 20 mars 2027\n```\n\n```signature\nLe Président\nJean DUPONT\n```\n");
  ASSERT_EQ(blocks.size(), 4u);
  const auto& head = block<doc::Letterhead>(blocks, 0);
  ASSERT_EQ(head.lines.size(), 3u);
  EXPECT_TRUE(head.lines[0][0].bold);
  EXPECT_EQ(head.lines[0][0].text, "Métropole");
  EXPECT_TRUE(head.lines[1][0].italic);
  EXPECT_EQ(plain_text(head.lines[1]), "Affaire suivie par" + kNbsp + ": Mme X");
  EXPECT_EQ(plain_text(head.lines[2]), "1. pas une liste");
  EXPECT_EQ(block<doc::AddressWindow>(blocks, 1).lines,
            (std::vector<std::string>{"Madame Claire Martin", "A*`b`*", "13002 MARSEILLE"}));
  EXPECT_EQ(block<doc::PlaceDate>(blocks, 2).text, "Marseille, le 20 mars 2027");
  EXPECT_EQ(block<doc::Signature>(blocks, 3).lines, (std::vector<std::string>{"Le Président", "Jean DUPONT"}));
}

TEST(Markup, AddressBlockBeyondTheStandardIsRefused) {
  EXPECT_THROW(parse("```adresse\n1\n2\n3\n4\n5\n6\n7\n```"), MarkupError);
  try {
    parse("```adresse\n123456789012345678901234567890123456789\n```");
    FAIL();
  } catch (const MarkupError& e) {
    EXPECT_STREQ(e.what(), "la ligne d’adresse « 123456789012345678901234567890123456789 » a 39 caractères, 38 au "
                           "plus (norme NF Z10-011)");
  }
}

TEST(Markup, UnknownOrIndentedBlocksAreRefused) {
  try {
    parse("```adress\nx\n```");
    FAIL();
  } catch (const MarkupError& e) {
    EXPECT_STREQ(e.what(), "bloc « ```adress » inconnu : les blocs sont ```timbre, ```adresse, ```lieu-date et "
                           "```signature");
  }
  EXPECT_THROW(parse("texte\n\n    indenté"), MarkupError);
}

TEST(Markup, FrenchTypographyOnTemplateTextAndValues) {
  const auto blocks = parse("**Objet** : l'aide " + escape("« Élan » ; oui !") + "\n\n| a |\n|---|\n| Note : x |");
  const auto& p = block<doc::Paragraph>(blocks, 0);
  EXPECT_EQ(plain_text(p.content), "Objet" + kNbsp + ": l’aide «" + kNnbsp + "Élan" + kNnbsp + "»" + kNnbsp +
                                       "; oui" + kNnbsp + "!");
  EXPECT_EQ(p.content[0].text, "Objet");
  EXPECT_EQ(plain_text(block<doc::Table>(blocks, 1).rows[0][0]), "Note" + kNbsp + ": x");
}

TEST(Markup, EntitiesAreDecoded) {
  const auto blocks = parse("a&nbsp;b &#8239;c &euro; &bogus;");
  EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 0).content), "a" + kNbsp + "b " + kNnbsp + "c € &bogus;");
}

}  // namespace
}  // namespace aap::markup
