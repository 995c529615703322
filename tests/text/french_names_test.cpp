// The article before an association's name after « à »: every fixture name, and the awkward ones.
#include "text/french_names.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace aap::fr {
namespace {

TEST(FrenchNames, EveryFixtureNameReadsAsFrenchAfterA) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"L'Atelier Code & Quartiers", "à L'Atelier Code & Quartiers"},
      {"Méditerranée Développeurs Solidaires", "à Méditerranée Développeurs Solidaires"},
      {"Association pour la Formation et l'Insertion Numérique des Quartiers Nord",
       "à l’Association pour la Formation et l'Insertion Numérique des Quartiers Nord"},
      {"Aix Numérique Pour Tous", "à Aix Numérique Pour Tous"},
      {"Données Solidaires Méditerranée", "à Données Solidaires Méditerranée"},
      {"Luberon Digital Insertion", "à Luberon Digital Insertion"},
      {"Ciotat Numérique Emploi", "à Ciotat Numérique Emploi"},
      {"Huveaune Data Formation", "à Huveaune Data Formation"},
      {"Les Connecteurs du 14e", "aux Connecteurs du 14e"},
      {"Salon Clic Emploi", "à Salon Clic Emploi"},
      {"Marignane Réseaux Avenir", "à Marignane Réseaux Avenir"},
      {"Sainte-Baume Numérique", "à Sainte-Baume Numérique"},
      {"Les Déclics du Panier", "aux Déclics du Panier"},
      {"Atelier Pixel Provence", "à l’Atelier Pixel Provence"},
      {"Vitrolles Compétences Numériques", "à Vitrolles Compétences Numériques"},
      {"Académie Numérique du Prado", "à l’Académie Numérique du Prado"},
      {"Septèmes Solidarité Numérique", "à Septèmes Solidarité Numérique"},
      {"Istres Code Académie", "à Istres Code Académie"},
      {"Rhône Numérique Formation", "à Rhône Numérique Formation"},
      {"Var Digital Insertion", "à Var Digital Insertion"},
  };
  for (const auto& [name, expected] : cases) EXPECT_EQ(after_a(name), expected) << name;
}

TEST(FrenchNames, CommonNounsTakeTheirArticle) {
  EXPECT_EQ(after_a("Fédération des Centres Sociaux"), "à la Fédération des Centres Sociaux");
  EXPECT_EQ(after_a("Comité de Bassin d’Emploi"), "au Comité de Bassin d’Emploi");
  EXPECT_EQ(after_a("Ateliers du Numérique"), "aux Ateliers du Numérique");
  EXPECT_EQ(after_a("École de la Deuxième Chance"), "à l’École de la Deuxième Chance");
  EXPECT_EQ(after_a("association des amis"), "à l’association des amis");
  EXPECT_EQ(after_a("Maison-de-Quartier Saint-Just"), "à la Maison-de-Quartier Saint-Just");
  EXPECT_EQ(after_a("Le Cercle Numérique"), "au Cercle Numérique");
}

TEST(FrenchNames, AwkwardNamesAreLeftAsTheyAre) {
  EXPECT_EQ(after_a("A | B *C* #1"), "à A | B *C* #1");
  EXPECT_EQ(after_a("L’Œuvre & Cie"), "à L’Œuvre & Cie");
  EXPECT_EQ(after_a("La Fabrique du Code"), "à La Fabrique du Code");
  EXPECT_EQ(after_a("Les"), "à Les");
  EXPECT_EQ(after_a("Le"), "à Le");
  EXPECT_EQ(after_a("Lesbos Numérique"), "à Lesbos Numérique");
  EXPECT_EQ(after_a("Associations"), "à Associations");
  EXPECT_EQ(after_a(""), "à ");
  EXPECT_EQ(after_a("\xFF\xFE"), "à \xFF\xFE");
}

}  // namespace
}  // namespace aap::fr
