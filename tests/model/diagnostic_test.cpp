// Diagnostic: one problem per line, file:line: field : reason.
#include "model/diagnostic.hpp"

#include <gtest/gtest.h>

TEST(Diagnostic, NamesFileLineFieldAndReason) {
  const aap::Diagnostic d{"fixtures/dossiers/2027-004.json", 23, "training.sessions[1].women",
                          "12 femmes déclarées pour 10 stagiaires"};
  EXPECT_EQ(d.to_string(),
            "fixtures/dossiers/2027-004.json:23: training.sessions[1].women : "
            "12 femmes déclarées pour 10 stagiaires");
}

TEST(Diagnostic, LeavesOutAnUnknownLine) {
  const aap::Diagnostic d{"campagne.json", 0, "envelope", "montant négatif"};
  EXPECT_EQ(d.to_string(), "campagne.json: envelope : montant négatif");
}

TEST(Diagnostic, LeavesOutAnEmptyField) {
  EXPECT_EQ((aap::Diagnostic{"a.json", 3, "", "JSON invalide"}).to_string(), "a.json:3: JSON invalide");
  EXPECT_EQ((aap::Diagnostic{"a.json", 0, "", "fichier illisible"}).to_string(),
            "a.json: fichier illisible");
}
