// The territories' one table: every key known, every label as printed, the list a refusal names.
#include "model/territory.hpp"

#include <gtest/gtest.h>

namespace aap {
namespace {

TEST(Territory, EveryKeyIsKnownAndHasItsPrintedName) {
  EXPECT_EQ(kTerritories.size(), 6U);
  for (const Territory& t : kTerritories) {
    EXPECT_TRUE(is_known_territory(t.key)) << t.key;
    EXPECT_EQ(territory_label(t.key), t.label);
  }
  EXPECT_EQ(territory_label("pays-d-aubagne-et-de-l-etoile"), "Pays d’Aubagne et de l’Étoile");
}

TEST(Territory, AnUnknownKeyIsNotKnownAndPrintsAsItself) {
  EXPECT_FALSE(is_known_territory("marseille"));
  EXPECT_FALSE(is_known_territory(""));
  EXPECT_EQ(territory_label("marseille"), "marseille");
}

TEST(Territory, TheListOfKeysNamesEveryKeyInOrder) {
  EXPECT_EQ(territory_keys_listed(),
            "marseille-provence, pays-d-aix, pays-salonais, pays-d-aubagne-et-de-l-etoile, istres-ouest-provence, "
            "pays-de-martigues");
}

}  // namespace
}  // namespace aap
