// Dossier ids, SIRET checksums, INSEE, postal and QPV codes.
#include "input/identifiers.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace aap::input;

TEST(Identifiers, IdStartsWithALetterOrDigitThenAllowsDotUnderscoreDash) {
  EXPECT_TRUE(is_valid_id("2027-001"));
  EXPECT_TRUE(is_valid_id("a.b_c-D9"));
  EXPECT_FALSE(is_valid_id(""));
  EXPECT_FALSE(is_valid_id("-2027"));
  EXPECT_FALSE(is_valid_id(".hidden"));
  EXPECT_FALSE(is_valid_id("2027/001"));
  EXPECT_FALSE(is_valid_id("2027 001"));
  EXPECT_FALSE(is_valid_id("dossier-é"));
}

TEST(Identifiers, IdHasAtMostSixtyFourCharacters) {
  EXPECT_TRUE(is_valid_id(std::string(64, 'a')));
  EXPECT_FALSE(is_valid_id(std::string(65, 'a')));
}

TEST(Identifiers, SiretWithValidLuhnKey) {
  EXPECT_EQ(check_siret("44306184100047"), SiretCheck::valid);
  EXPECT_EQ(check_siret("73282932000074"), SiretCheck::valid);
}

TEST(Identifiers, SiretWithWrongLuhnKey) {
  EXPECT_EQ(check_siret("44306184100048"), SiretCheck::bad_checksum);
  EXPECT_EQ(check_siret("12345678901234"), SiretCheck::bad_checksum);
}

TEST(Identifiers, SiretMustBeFourteenDigits) {
  EXPECT_EQ(check_siret("4430618410004"), SiretCheck::not_fourteen_digits);
  EXPECT_EQ(check_siret("443061841000470"), SiretCheck::not_fourteen_digits);
  EXPECT_EQ(check_siret("443 061 841 00047"), SiretCheck::not_fourteen_digits);
  EXPECT_EQ(check_siret("4430618410004A"), SiretCheck::not_fourteen_digits);
}

TEST(Identifiers, LaPosteSiretSumsItsDigitsModuloFive) {
  // 3+5+6+4+9+8+3+7 = 45: a multiple of 5, though Luhn fails.
  EXPECT_EQ(check_siret("35600000049837"), SiretCheck::valid);
  // Luhn would not save it: La Poste's rule alone applies.
  EXPECT_EQ(check_siret("35600000000013"), SiretCheck::bad_checksum);
}

TEST(Identifiers, LaPosteHeadOfficeFollowsLuhn) {
  EXPECT_EQ(check_siret("35600000000048"), SiretCheck::valid);
}

TEST(Identifiers, SiretProblemSaysWhichRuleFails) {
  EXPECT_EQ(siret_problem("44306184100047"), std::nullopt);
  EXPECT_EQ(siret_problem("35600000049837"), std::nullopt);
  EXPECT_EQ(siret_problem("4430618410004"), "n’est pas un SIRET valide (14 chiffres attendus)");
  EXPECT_EQ(siret_problem("44306184100048"), "n’est pas un SIRET valide (clé de contrôle)");
}

TEST(Identifiers, InseeCodeIsFiveDigitsOrCorsican) {
  EXPECT_TRUE(is_valid_insee_code("13203"));
  EXPECT_TRUE(is_valid_insee_code("2A004"));
  EXPECT_TRUE(is_valid_insee_code("2B033"));
  EXPECT_FALSE(is_valid_insee_code("1320"));
  EXPECT_FALSE(is_valid_insee_code("132030"));
  EXPECT_FALSE(is_valid_insee_code("2C004"));
  EXPECT_FALSE(is_valid_insee_code("2a004"));
  EXPECT_FALSE(is_valid_insee_code("3A004"));
}

TEST(Identifiers, PostalCodeIsFiveDigits) {
  EXPECT_TRUE(is_valid_postal_code("13002"));
  EXPECT_FALSE(is_valid_postal_code("1300"));
  EXPECT_FALSE(is_valid_postal_code("13 002"));
  EXPECT_FALSE(is_valid_postal_code("2A004"));
}

TEST(Identifiers, QpvCodeIsQpOrQnThreeDigitsThreeDigitsOrCapitals) {
  EXPECT_TRUE(is_valid_qpv_code("QN01312M"));
  EXPECT_TRUE(is_valid_qpv_code("QP013001"));
  EXPECT_FALSE(is_valid_qpv_code("QX01312M"));
  EXPECT_FALSE(is_valid_qpv_code("qn01312m"));
  EXPECT_FALSE(is_valid_qpv_code("QN0A312M"));
  EXPECT_FALSE(is_valid_qpv_code("QN01312m"));
  EXPECT_FALSE(is_valid_qpv_code("QN01312"));
  EXPECT_FALSE(is_valid_qpv_code("QN01312MM"));
}

namespace aap::input {
namespace {

TEST(ReservedIds, TheNamesOfTheOtherOutputsBesideTheLettersAreRefusedInAnyCase) {
  EXPECT_EQ(reserved_id_reason("courriers-a-imprimer"),
            "c’est le nom du lot d’impression courriers/courriers-a-imprimer.pdf, que sa lettre écraserait");
  EXPECT_TRUE(reserved_id_reason("Courriers-A-Imprimer"));
  EXPECT_EQ(reserved_id_reason("ENVOI"), "c’est le nom de la liste d’envoi courriers/envoi.csv, écrite à côté des lettres");
  EXPECT_TRUE(reserved_id_reason("emails"));
}

TEST(ReservedIds, WindowsDeviceNamesAreRefusedWithOrWithoutAnExtension) {
  for (const char* id : {"CON", "nul", "Aux", "PRN", "COM1", "lpt9", "con.2027", "NUL.v2"})
    EXPECT_TRUE(reserved_id_reason(id)) << id;
  for (const char* id : {"2027-001", "console", "COM10", "comm1", "envois", "courriers", "null"})
    EXPECT_FALSE(reserved_id_reason(id)) << id;
}

TEST(ReservedIds, FoldingLowersAsciiLettersOnly) { EXPECT_EQ(folded_id("2027-AbC_x.Y"), "2027-abc_x.y"); }

}  // namespace
}  // namespace aap::input
