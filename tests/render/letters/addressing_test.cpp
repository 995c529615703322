// The NF Z10-011 address block, the salutation and closing formula, the signatory's name.
#include "render/letters/addressing.hpp"

#include <gtest/gtest.h>

#include "text/utf8.hpp"

namespace aap::letters {
namespace {

using Lines = std::vector<std::string>;

Association association(std::string name = "Association Code & Quartiers") {
  Association a;
  a.name = std::move(name);
  a.representative = {"Madame", "Claire", "Martin", "Présidente"};
  a.address = {{"12 rue de la République"}, "13002", "Marseille"};
  return a;
}

void expect_standard(const Lines& lines) {
  EXPECT_LE(lines.size(), 6u);
  for (const std::string& l : lines) {
    EXPECT_LE(text::code_points(l), 38u) << l;
    EXPECT_FALSE(l.empty());
  }
}

TEST(PostalAddress, AddresseeAssociationStreetThenPostalCodeAndLocalityInCapitals) {
  EXPECT_EQ(postal_address_lines(association()),
            (Lines{"Madame Claire Martin, Présidente", "Association Code & Quartiers", "12 rue de la République",
                   "13002 MARSEILLE"}));
}

TEST(PostalAddress, LocalityLosesAccentsHyphensAndApostrophes) {
  Association a = association();
  a.address = {{"3 place de l’Église"}, "13240", "Septèmes-les-Vallons"};
  EXPECT_EQ(postal_address_lines(a).back(), "13240 SEPTEMES LES VALLONS");
  a.address.city = "L'Île-Rousse";
  EXPECT_EQ(postal_address_lines(a).back(), "13240 L ILE ROUSSE");
}

TEST(PostalAddress, BlankAddressLinesAreLeftOutAndSpacesSqueezed) {
  Association a = association();
  a.address.lines = {"  ", "Bâtiment  B", "", "12 rue de la République "};
  EXPECT_EQ(postal_address_lines(a),
            (Lines{"Madame Claire Martin, Présidente", "Association Code & Quartiers", "Bâtiment B",
                   "12 rue de la République", "13002 MARSEILLE"}));
}

TEST(PostalAddress, NoPunctuationFromTheFourthLineOn) {
  Association a = association();
  a.address.lines = {"Résidence « Les Pins », bât. A", "12, rue de l'Église"};
  EXPECT_EQ(postal_address_lines(a),
            (Lines{"Madame Claire Martin, Présidente", "Association Code & Quartiers",
                   "Résidence « Les Pins », bât. A", "12 rue de l Église", "13002 MARSEILLE"}));
}

TEST(PostalAddress, AddresseeTooLongPutsTheRoleOnItsOwnLine) {
  Association a = association();
  a.representative = {"Monsieur", "Jean-Baptiste", "Delacroix", "Directeur général"};
  const Lines lines = postal_address_lines(a);
  EXPECT_EQ(lines, (Lines{"Monsieur Jean-Baptiste Delacroix", "Directeur général",
                          "Association Code & Quartiers", "12 rue de la République", "13002 MARSEILLE"}));
}

TEST(PostalAddress, LongNameIsWrappedAtSpacesNeverCut) {
  const std::string name = "Association pour le développement des compétences numériques dans les quartiers nord";
  const Lines lines = postal_address_lines(association(name));
  expect_standard(lines);
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_EQ(lines[1], "Association pour le développement des");
  EXPECT_EQ(lines[1] + " " + lines[2] + " " + lines[3], name);
  EXPECT_EQ(lines[4], "12 rue de la République");
}

TEST(PostalAddress, TooManyLinesAbbreviatesBeforeDroppingAnything) {
  Association a = association("Association pour le développement des compétences numériques des jeunes");
  a.representative = {"Madame", "Marie-Christine", "Fabre", "Présidente"};
  a.address.lines = {"Bâtiment B", "12 rue de la République"};
  const Lines lines = postal_address_lines(a);
  expect_standard(lines);
  EXPECT_EQ(lines, (Lines{"Mme Marie-Christine Fabre, Présidente", "Asso. pour le développement des",
                          "compétences numériques des jeunes", "Bâtiment B", "12 rue de la République",
                          "13002 MARSEILLE"}));
}

TEST(PostalAddress, AbbreviatesOnlyAsMuchAsNeeded) {
  Association a = association("Association pour la Formation et l'Insertion Numérique des Quartiers Nord");
  a.representative = {"Monsieur", "Karim", "Benhaddou", "Président"};
  a.address = {{"Centre social Les Flamants", "23 avenue Alexandre Ansaldi"}, "13014", "Marseille"};
  EXPECT_EQ(postal_address_lines(a),
            (Lines{"Monsieur Karim Benhaddou, Président", "Asso. pour la Formation et l'Insertion",
                   "Numérique des Quartiers Nord", "Centre social Les Flamants", "23 avenue Alexandre Ansaldi",
                   "13014 MARSEILLE"}));
}

TEST(PostalAddress, DropsTheRoleThenTheComplementsButNeverStreetOrLocality) {
  Association a = association(
      "Fédération régionale des structures de médiation numérique et d’insertion professionnelle des Bouches-du-Rhône");
  a.representative = {"Madame", "Marie-Christine", "Fabre-Delacroix de Montfort", "Déléguée générale adjointe"};
  a.address.lines = {"Résidence Les Pins", "Bâtiment B escalier 4", "128 boulevard de la Libération", "BP 42"};
  const Lines lines = postal_address_lines(a);
  expect_standard(lines);
  EXPECT_EQ(lines, (Lines{"Mme M. Fabre-Delacroix de Montfort", "Fédération régionale des structures de",
                          "médiation numérique et d’insertion", "professionnelle des Bouches-du-Rhône",
                          "128 boulevard de la Libération", "13002 MARSEILLE"}));
}

TEST(PostalAddress, DropsTheAddresseeBeforeTheEndOfTheName) {
  Association a = association(
      "Fédération régionale des structures de médiation numérique et d’insertion professionnelle des "
      "Bouches-du-Rhône et du Var réunies");
  a.address.lines = {"Bâtiment B", "128 boulevard de la Libération"};
  const Lines lines = postal_address_lines(a);
  expect_standard(lines);
  EXPECT_EQ(lines, (Lines{"Fédération régionale des structures de", "médiation numérique et d’insertion",
                          "professionnelle des Bouches-du-Rhône", "et du Var réunies",
                          "128 boulevard de la Libération", "13002 MARSEILLE"}));
}

TEST(PostalAddress, LongStreetIsAbbreviatedNotWrapped) {
  Association a = association();
  a.address.lines = {"128 boulevard du Général de Gaulle Nord"};
  const Lines lines = postal_address_lines(a);
  EXPECT_EQ(lines[2], "128 bd du Général de Gaulle Nord");
  expect_standard(lines);
}

TEST(PostalAddress, WordLongerThanALineIsSplitWithAHyphen) {
  const Lines lines = postal_address_lines(association("Association ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQ"));
  expect_standard(lines);
  EXPECT_EQ(lines[2], "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJK-");
  EXPECT_EQ(lines[3], "LMNOPQ");
}

TEST(PostalAddress, TrickyNameKeepsItsSymbolsOnTheSecondLine) {
  const Lines lines = postal_address_lines(association("A | B *C* #1 _x_ [y](z)"));
  EXPECT_EQ(lines[1], "A | B *C* #1 _x_ [y](z)");
}

TEST(Salutation, MatchesCivilityAndRole) {
  EXPECT_EQ(salutation({"Madame", "Claire", "Martin", "Présidente"}), "Madame la Présidente,");
  EXPECT_EQ(salutation({"Monsieur", "Jean", "Dupont", "Directeur"}), "Monsieur le Directeur,");
  EXPECT_EQ(salutation({"Monsieur", "Jean", "Dupont", "directeur général"}), "Monsieur le Directeur général,");
  EXPECT_EQ(salutation({"Madame", "Anne", "Roux", "Président"}), "Madame le Président,");
  EXPECT_EQ(salutation({"Monsieur", "Paul", "Roux", "Secrétaire"}), "Monsieur le Secrétaire,");
  EXPECT_EQ(salutation({"Madame", "Lou", "Roux", "Trésorière"}), "Madame la Trésorière,");
}

TEST(Salutation, UnknownRoleOrCivilityFallsBack) {
  EXPECT_EQ(salutation({"Madame", "Claire", "Martin", "Chargée de mission"}), "Madame,");
  EXPECT_EQ(salutation({"Monsieur", "Jean", "Dupont", ""}), "Monsieur,");
  EXPECT_EQ(salutation({"Docteur", "Jean", "Dupont", "Président"}), "Madame, Monsieur,");
}

TEST(Salutation, ClosingFormulaRepeatsTheFormOfAddress) {
  EXPECT_EQ(closing_formula({"Madame", "Claire", "Martin", "Présidente"}),
            "Je vous prie d’agréer, Madame la Présidente, l’assurance de ma considération distinguée.");
  EXPECT_EQ(closing_formula({"Monsieur", "Jean", "Dupont", "Bénévole"}),
            "Je vous prie d’agréer, Monsieur, l’assurance de ma considération distinguée.");
}

TEST(SignatoryName, LastNameInCapitals) {
  EXPECT_EQ(signatory_name("Jean-Marc Dupont"), "Jean-Marc DUPONT");
  EXPECT_EQ(signatory_name("Anne de la Tour"), "Anne DE LA TOUR");
  EXPECT_EQ(signatory_name("Élodie Lefèvre"), "Élodie LEFÈVRE");
  EXPECT_EQ(signatory_name("Anne DE LA TOUR"), "Anne DE LA TOUR");
  EXPECT_EQ(signatory_name("Martin"), "Martin");
}

TEST(SignatoryName, UpperCaseKeepsAccents) { EXPECT_EQ(to_upper("éèçœàÿ"), "ÉÈÇŒÀŸ"); }

}  // namespace
}  // namespace aap::letters
