// Reduction of the deliberation number to the @ctes internal number ([0-9A-Z_], 15 characters at most).
#include "input/actes_number.hpp"

#include <gtest/gtest.h>

namespace aap::input {
namespace {

std::string reduced(std::string_view number) {
  const ActesNumber n = reduce_actes_number(number);
  EXPECT_TRUE(n.ok()) << n.problem;
  return n.value;
}

std::string problem(std::string_view number) {
  const ActesNumber n = reduce_actes_number(number);
  EXPECT_FALSE(n.ok()) << "reduced to " << n.value;
  EXPECT_TRUE(n.value.empty());
  return n.problem;
}

TEST(ActesNumber, DashesBecomeUnderscores) { EXPECT_EQ(reduced("CT1-2027-014"), "CT1_2027_014"); }

TEST(ActesNumber, LettersArePutInCapitalsAndAccentsFolded) {
  EXPECT_EQ(reduced("délib-ç"), "DELIB_C");
  EXPECT_EQ(reduced("Œuvre-Æ-ß"), "OEUVRE_AE_SS");
}

TEST(ActesNumber, RunsOfSeparatorsBecomeOneAndNoneAtEitherEnd) {
  EXPECT_EQ(reduced("n° 2027/14"), "N_2027_14");
  EXPECT_EQ(reduced("  « CT1 — 14 »  "), "CT1_14");
  EXPECT_EQ(reduced("__A__B__"), "A_B");
  EXPECT_EQ(reduced("CT1\u00A02027\u202F014"), "CT1_2027_014");
}

TEST(ActesNumber, FifteenCharactersAreAccepted) { EXPECT_EQ(reduced("abcde-fghi-jklm"), "ABCDE_FGHI_JKLM"); }

TEST(ActesNumber, SixteenCharactersAreRefusedRatherThanTruncated) {
  EXPECT_EQ(problem("CT1-2027-0145-BI"),
            "donne le numéro interne @ctes CT1_2027_0145_BI, de 16 caractères ; @ctes en admet 15 au plus "
            "(raccourcir le numéro plutôt que le tronquer, qui pourrait le confondre avec un autre)");
}

TEST(ActesNumber, ANumberWithoutLetterOrDigitIsRefused) {
  EXPECT_EQ(problem(" -/- "), "ne contient ni lettre ni chiffre : le numéro interne @ctes serait vide");
  EXPECT_EQ(problem(""), "ne contient ni lettre ni chiffre : le numéro interne @ctes serait vide");
}

TEST(ActesNumber, ALetterOfAnotherScriptIsRefusedAsAmbiguous) {
  // Dropping Ω would make "Ω-14" and "Δ-14" the same act.
  EXPECT_EQ(problem("Ω-14"),
            "contient le caractère « Ω » (U+03A9), sans équivalent dans [0-9A-Z_] : le numéro interne @ctes "
            "serait ambigu");
}

}  // namespace
}  // namespace aap::input
