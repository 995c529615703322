// The commune table's codes, as the blank workbook lists them for users to choose from.
#include "model/commune.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace aap {
namespace {

std::vector<std::string> codes_of(const CommuneTable& table) {
  std::vector<std::string> out;
  for (const Commune& c : table.codes()) out.push_back(c.insee_code);
  return out;
}

TEST(CommuneCodes, EveryCodeFindResolvesByCodeMarseillesArrondissementsNamed) {
  const CommuneTable table = CommuneTable::from_rows({{"13103", "Salon-de-Provence", "pays-salonais"},
                                                      {"13055", "Marseille", "marseille-provence"},
                                                      {"13001", "Aix-en-Provence", "pays-d-aix"}});
  const std::vector<Commune> codes = table.codes();
  ASSERT_EQ(codes.size(), 3u + 16u);
  EXPECT_EQ(codes.front().insee_code, "13001");
  EXPECT_EQ(codes[1].insee_code, "13055");
  EXPECT_EQ(codes[2].insee_code, "13103");
  EXPECT_EQ(codes[3].insee_code, "13201");
  EXPECT_EQ(codes[3].name, "Marseille 1er arrondissement");
  EXPECT_EQ(codes[3].territory, "marseille-provence");
  EXPECT_EQ(codes[4].name, "Marseille 2e arrondissement");
  EXPECT_EQ(codes.back().insee_code, "13216");
  EXPECT_EQ(codes.back().name, "Marseille 16e arrondissement");
  for (const Commune& c : codes) {
    const Commune* found = table.find(c.insee_code);
    ASSERT_NE(found, nullptr) << c.insee_code;
    EXPECT_EQ(found->territory, c.territory) << c.insee_code;
  }
}

TEST(CommuneCodes, NoArrondissementWithoutMarseilleNorTwiceWhenTheTableListsOne) {
  EXPECT_EQ(codes_of(CommuneTable::from_rows({{"13001", "Aix-en-Provence", "pays-d-aix"}})),
            std::vector<std::string>{"13001"});
  const CommuneTable table = CommuneTable::from_rows(
      {{"13055", "Marseille", "marseille-provence"}, {"13203", "Marseille 3e", "marseille-provence"}});
  const auto codes = codes_of(table);
  EXPECT_EQ(codes.size(), 17u);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "13203"), 1);
  EXPECT_EQ(table.codes()[3].name, "Marseille 3e");  // as the table names it
}

}  // namespace
}  // namespace aap
