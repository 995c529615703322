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
  EXPECT_EQ(address_block(a).shortened, Lines{"« Asso. » pour « Association »"});
  EXPECT_TRUE(address_block(association()).shortened.empty());
  EXPECT_EQ(postal_address_lines(a),
            (Lines{"Monsieur Karim Benhaddou, Président", "Asso. pour la Formation et l'Insertion",
                   "Numérique des Quartiers Nord", "Centre social Les Flamants", "23 avenue Alexandre Ansaldi",
                   "13014 MARSEILLE"}));
}

TEST(PostalAddress, WhenTheOtherLinesLeaveNoRoomTheNameIsCutThenTheRoleAndComplementsGo) {
  Association a = association(
      "Fédération régionale des structures de médiation numérique et d’insertion professionnelle des Bouches-du-Rhône");
  a.representative = {"Madame", "Marie-Christine", "Fabre-Delacroix de Montfort", "Déléguée générale adjointe"};
  a.address.lines = {"Résidence Les Pins", "Bâtiment B escalier 4", "128 boulevard de la Libération", "BP 42"};
  const AddressBlock block = address_block(a);
  expect_standard(block.lines);
  EXPECT_EQ(block.lines, (Lines{"Mme M. Fabre-Delacroix de Montfort", "Fédération régionale des structures",
                                "Bâtiment B escalier 4", "128 boulevard de la Libération", "BP 42",
                                "13002 MARSEILLE"}));
  EXPECT_EQ(block.shortened, (Lines{"civilité abrégée", "prénom réduit à l’initiale", "nom de l’association coupé",
                                    "fonction du destinataire omise", "complément d’adresse omis"}));
  EXPECT_TRUE(block.complete);
}

TEST(PostalAddress, TheAddresseeStaysAndTheNameIsCutAfterAWholeWord) {
  Association a = association(
      "Fédération régionale des structures de médiation numérique et d’insertion professionnelle des "
      "Bouches-du-Rhône et du Var réunies");
  a.address.lines = {"Bâtiment B", "128 boulevard de la Libération"};
  const AddressBlock block = address_block(a);
  expect_standard(block.lines);
  EXPECT_EQ(block.lines, (Lines{"Madame Claire Martin, Présidente", "Fédération régionale des structures de",
                                "médiation numérique et d’insertion", "Bâtiment B",
                                "128 boulevard de la Libération", "13002 MARSEILLE"}));
  EXPECT_EQ(block.shortened, Lines{"nom de l’association coupé"});
}

// Issue 16: a 230-character name pushed out « Madame Nadia Haddad, Présidente » and the complement lines.
TEST(PostalAddress, AVeryLongNameNeverPushesOutTheAddresseeOrTheComplements) {
  Association a = association(
      "Association intercommunale pour la promotion de l’inclusion numérique, de la formation professionnelle "
      "continue et de l’insertion durable des demandeurs d’emploi peu qualifiés des quartiers prioritaires de la "
      "politique de la ville");
  ASSERT_GE(text::code_points(a.name), 220u);
  a.representative = {"Madame", "Nadia", "Haddad", "Présidente"};
  a.address.lines = {"Chez Mme Durand", "Bâtiment C", "5 rue Saint-Ferréol"};
  const AddressBlock block = address_block(a);
  expect_standard(block.lines);
  ASSERT_EQ(block.lines.size(), 6u);
  EXPECT_EQ(block.lines[0], "Madame Nadia Haddad, Présidente");
  EXPECT_EQ(block.lines[1], "Asso. intercommunale pour la promotion");
  EXPECT_EQ((Lines{block.lines.begin() + 2, block.lines.end()}),
            (Lines{"Chez Mme Durand", "Bâtiment C", "5 rue Saint-Ferréol", "13002 MARSEILLE"}));
  EXPECT_EQ(block.shortened, Lines{"nom de l’association coupé"});
}

TEST(PostalAddress, TheShortNameIsUsedOnlyWhenTheNameDoesNotFit) {
  Association a = association(
      "Association intercommunale pour la promotion de l’inclusion numérique, de la formation professionnelle "
      "continue et de l’insertion durable des demandeurs d’emploi");
  a.short_name = "AIPIN Formation";
  a.representative = {"Madame", "Nadia", "Haddad", "Présidente"};
  a.address.lines = {"Chez Mme Durand", "Bâtiment C", "5 rue Saint-Ferréol"};
  AddressBlock block = address_block(a);
  EXPECT_EQ(block.lines, (Lines{"Madame Nadia Haddad, Présidente", "AIPIN Formation", "Chez Mme Durand",
                                "Bâtiment C", "5 rue Saint-Ferréol", "13002 MARSEILLE"}));
  EXPECT_EQ(block.shortened, Lines{"nom court de l’association"});

  a.address.lines = {"5 rue Saint-Ferréol"};
  a.name = "Association Code & Quartiers";
  block = address_block(a);
  EXPECT_EQ(block.lines[1], "Association Code & Quartiers");
  EXPECT_TRUE(block.shortened.empty());
}

TEST(PostalAddress, NoPunctuationFromTheStreetOnWhereverItLands) {
  // The name takes four lines and the street lands on the sixth: the name keeps its apostrophes and commas.
  Association a = association("Entraide, Formation et Insertion : l’atelier numérique des jeunes d’Endoume");
  a.representative = {"Madame", "Claire", "Martin", "Présidente"};
  a.address.lines = {"12, rue de l'Église"};
  Lines lines = address_block(a).lines;
  expect_standard(lines);
  EXPECT_EQ(lines, (Lines{"Madame Claire Martin, Présidente", "Entraide, Formation et Insertion :",
                          "l’atelier numérique des jeunes", "d’Endoume", "12 rue de l Église",
                          "13002 MARSEILLE"}));
  // The street on the third line loses its punctuation the same way.
  a.name = "Code & Quartiers";
  lines = address_block(a).lines;
  EXPECT_EQ(lines, (Lines{"Madame Claire Martin, Présidente", "Code & Quartiers", "12 rue de l Église",
                          "13002 MARSEILLE"}));
}

TEST(PostalAddress, ANameOfOneHugeWordKeepsItsFirstLinesNeverVanishes) {
  Association a = association(std::string(300, 'W'));
  a.address.lines = {"Chez Mme Durand", "Bâtiment C", "5 rue Saint-Ferréol"};
  const AddressBlock block = address_block(a);
  expect_standard(block.lines);
  EXPECT_EQ(block.lines[1], std::string(37, 'W') + "-");
  EXPECT_EQ(block.lines[2], "Chez Mme Durand");
  EXPECT_EQ(block.shortened, Lines{"nom de l’association coupé"});
}

TEST(PostalAddress, LongStreetIsAbbreviatedNotWrapped) {
  Association a = association();
  a.address.lines = {"128 boulevard du Général de Gaulle Nord"};
  const Lines lines = postal_address_lines(a);
  EXPECT_EQ(lines[2], "128 bd du Général de Gaulle Nord");
  EXPECT_EQ(address_block(a).shortened, Lines{"voie abrégée (bd, av…)"});
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

TEST(Salutation, TheRoleIsWrittenAsTheDossierSpellsIt) {
  Representative r{"Madame", "Aurélie", "Baptiste", "Co-présidente"};
  EXPECT_EQ(salutation(r), "Madame la Co-présidente,");
  r.role = "coprésidente";
  EXPECT_EQ(salutation(r), "Madame la Coprésidente,");
  r = {"Monsieur", "Paul", "Roux", "directeur général"};
  EXPECT_EQ(form_of_address(r), "Monsieur le Directeur général");
  r.role = "Administrateur";
  EXPECT_EQ(form_of_address(r), "Monsieur l’Administrateur");
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
