// Values from the data in the markup: kept whole (never hyphenated), printed exactly, seen through by
// typography, names held on one line in titles and signatures, ordinals in superscript, ’ in addresses.
#include <gtest/gtest.h>

#include "render/markup/escape.hpp"
#include "render/markup/markup.hpp"

namespace aap::markup {
namespace {

const std::string kNbsp = "\u00A0";
const std::string kNnbsp = "\u202F";

template <typename T>
const T& block(const std::vector<doc::Block>& blocks, std::size_t i) {
  EXPECT_LT(i, blocks.size());
  EXPECT_TRUE(std::holds_alternative<T>(blocks.at(i))) << "block " << i;
  return std::get<T>(blocks.at(i));
}

bool has_marker(const std::string& s) {
  return s.find(kValueStart) != std::string::npos || s.find(kValueEnd) != std::string::npos;
}

// The kept-whole text of the spans, joined with "|".
std::string kept(const doc::Inline& spans) {
  std::string out;
  for (const doc::Span& s : spans) {
    if (s.keep_whole) out += (out.empty() ? "" : "|") + s.text;
  }
  return out;
}

TEST(MarkupValues, AValueIsMarkedAndComesOutAsAKeptWholeSpan) {
  EXPECT_EQ(escape_value("  Réseau *Avenir* "), std::string(kValueStart) + "Réseau \\*Avenir\\*" + std::string(kValueEnd));
  EXPECT_EQ(escape_value("  "), "");
  const auto blocks = parse("Le dossier de " + escape_value("Réseaux Avenir") + " est retenu.");
  const auto& p = block<doc::Paragraph>(blocks, 0);
  ASSERT_EQ(p.content.size(), 3u);
  EXPECT_EQ(p.content[0].text, "Le dossier de ");
  EXPECT_FALSE(p.content[0].keep_whole);
  EXPECT_EQ(p.content[1].text, "Réseaux Avenir");
  EXPECT_TRUE(p.content[1].keep_whole);
  EXPECT_EQ(p.content[2].text, " est retenu.");
  EXPECT_FALSE(p.content[2].keep_whole);
}

TEST(MarkupValues, TrickyValuesPrintExactlyWhereverTheyStand) {
  for (const std::string value : {"# titre", "1. premier", "- tiret", "---", "->droite", "| a | b |", "```timbre",
                                  "&amp; &nbsp;", "\\ fin \\", "A | B *C* #1 _x_ [y](z)"}) {
    const auto blocks = parse("Texte\n" + escape_value(value) + "\n\n" + escape_value(value) + "\n\n| a |\n|---|\n| " +
                              escape_value(value) + " |\n");
    ASSERT_EQ(blocks.size(), 3u) << value;
    EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 0).content), "Texte " + value) << value;
    EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 1).content), value) << value;
    EXPECT_EQ(kept(block<doc::Paragraph>(blocks, 1).content), value) << value;
    EXPECT_EQ(plain_text(block<doc::Table>(blocks, 2).rows.at(0).at(0)), value) << value;
  }
}

TEST(MarkupValues, AValueCannotCarryMarkersOfItsOwn) {
  const std::string forged = "a" + std::string(kValueEnd) + "b" + std::string(kValueStart) + "c";
  const auto blocks = parse("x " + escape_value(forged) + " y");
  const auto& p = block<doc::Paragraph>(blocks, 0);
  EXPECT_EQ(plain_text(p.content), "x abc y");
  EXPECT_EQ(kept(p.content), "abc");
}

TEST(MarkupValues, TypographySeesThroughTheMarkers) {
  const auto blocks = parse("**Objet** : formation « " + escape_value("Data analyst") + " » de " +
                            escape_value("l'Insertion") + " ; " + escape_value("Marseille") + " : oui");
  const auto& p = block<doc::Paragraph>(blocks, 0);
  EXPECT_EQ(plain_text(p.content), "Objet" + kNbsp + ": formation «" + kNnbsp + "Data analyst" + kNnbsp +
                                       "» de l’Insertion" + kNnbsp + "; Marseille" + kNbsp + ": oui");
  EXPECT_EQ(kept(p.content), "Data analyst|l’Insertion|Marseille");
  for (const doc::Span& s : p.content) EXPECT_FALSE(has_marker(s.text)) << s.text;
}

TEST(MarkupValues, ANameInATitleOrASignatureStaysOnOneLine) {
  const auto blocks = parse("# Extrait des registres du " + escape_value("Conseil de Territoire Marseille Provence") +
                            "\n\nLe " + escape_value("Conseil de Territoire Marseille Provence") + " décide.\n\n" +
                            "```signature\nLe " + escape_value("Président du Conseil de Territoire Marseille Provence") +
                            "\n" + escape_value("Jean-Pierre CASTELLANI") + "\n```\n");
  const std::string joined = "Territoire" + kNbsp + "Marseille" + kNbsp + "Provence";
  EXPECT_EQ(plain_text(block<doc::Heading>(blocks, 0).content), "Extrait des registres du Conseil de " + joined);
  // Running text breaks between words as usual.
  EXPECT_EQ(plain_text(block<doc::Paragraph>(blocks, 1).content),
            "Le Conseil de Territoire Marseille Provence décide.");
  const auto& signature = block<doc::Signature>(blocks, 2);
  EXPECT_EQ(signature.lines,
            (std::vector<std::string>{"Le Président du Conseil de " + joined, "Jean-Pierre" + kNbsp + "CASTELLANI"}));
}

TEST(MarkupValues, ALongRunOfCapitalisedWordsIsNotJoinedIntoOneUnbreakableWord) {
  const auto blocks = parse("# " + escape_value("Association Pour La Formation Numérique Des Quartiers Nord"));
  const std::string text = plain_text(block<doc::Heading>(blocks, 0).content);
  // Joined while the run stays within 32 characters, then a breakable space.
  EXPECT_EQ(text, "Association" + kNbsp + "Pour" + kNbsp + "La" + kNbsp + "Formation Numérique" + kNbsp + "Des" +
                      kNbsp + "Quartiers" + kNbsp + "Nord");
}

TEST(MarkupValues, OrdinalsAreSuperscriptInParagraphsTablesAndTitles) {
  const auto blocks = parse("classé au " + escape_value("3e") + " rang, le " + escape_value("1er mars 2027") +
                            "\n\n| Rang |\n|---|\n| " + escape_value("10e") + " |\n\n## Le 2e article\n");
  const auto& p = block<doc::Paragraph>(blocks, 0);
  std::string sup;
  for (const doc::Span& s : p.content) {
    if (s.superscript) sup += "[" + s.text + "]";
  }
  EXPECT_EQ(sup, "[e][er]");
  EXPECT_EQ(plain_text(p.content), "classé au 3e rang, le 1er mars 2027");
  const auto& cell = block<doc::Table>(blocks, 1).rows.at(0).at(0);
  ASSERT_EQ(cell.size(), 2u);
  EXPECT_EQ(cell[1].text, "e");
  EXPECT_TRUE(cell[1].superscript);
  EXPECT_TRUE(cell[1].keep_whole);
  const auto& h = block<doc::Heading>(blocks, 2);
  ASSERT_EQ(h.content.size(), 3u);
  EXPECT_TRUE(h.content[1].superscript);
}

TEST(MarkupValues, PlaceDateAndAddressLinesCarryNoMarkersAndAddressApostrophesAreTypographic) {
  const auto blocks = parse("```lieu-date\n" + escape_value("Marseille") + ", le " + escape_value("1er mars 2027") +
                            "\n```\n\n```adresse\n" + escape_value("Monsieur Karim Benhaddou, Président") + "\n" +
                            escape_value("Asso. pour la Formation et l'Insertion") + "\n" +
                            escape_value("13014 MARSEILLE") + "\n```\n");
  EXPECT_EQ(block<doc::PlaceDate>(blocks, 0).text, "Marseille, le 1er mars 2027");
  const auto& address = block<doc::AddressWindow>(blocks, 1);
  EXPECT_EQ(address.lines, (std::vector<std::string>{"Monsieur Karim Benhaddou, Président",
                                                     "Asso. pour la Formation et l’Insertion", "13014 MARSEILLE"}));
  // An address line is still measured in characters, the ’ counting as one: 38 pass, 39 do not.
  EXPECT_NO_THROW(parse("```adresse\n" + escape_value("l'" + std::string(36, 'a')) + "\n```\n"));
  EXPECT_THROW(parse("```adresse\n" + escape_value("l'" + std::string(37, 'a')) + "\n```\n"), MarkupError);
}

}  // namespace
}  // namespace aap::markup
