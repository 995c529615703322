// CommuneTable: the `insee_code;name;territory` file, its checks, and Marseille's arrondissements.
#include "input/communes.hpp"
#include "model/territory.hpp"
#include "test_paths.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

using ::testing::IsEmpty;

namespace {

class Communes : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = std::filesystem::temp_directory_path() /
            ("aap-communes-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".csv");
  }
  void TearDown() override { std::filesystem::remove(file_); }
  std::optional<aap::CommuneTable> load(const std::string& text) {
    std::ofstream(file_, std::ios::binary) << text;
    return aap::load_communes(file_, diags_);
  }
  std::vector<std::string> problems() const {
    std::vector<std::string> out;
    // Strip the temporary directory: what matters is line, field and message.
    for (const auto& d : diags_) out.push_back(d.to_string().substr(file_.string().size()));
    return out;
  }
  std::filesystem::path file_;
  aap::Diagnostics diags_;
};

constexpr const char* kHeader = "insee_code;name;territory\n";

}  // namespace

TEST_F(Communes, LoadsRowsAndFindsByCode) {
  const auto table = load(std::string(kHeader) + "13001;Aix-en-Provence;pays-d-aix\n13055;Marseille;marseille-provence\n");
  ASSERT_TRUE(table.has_value());
  EXPECT_THAT(diags_, IsEmpty());
  EXPECT_EQ(table->size(), 2u);
  ASSERT_NE(table->find("13001"), nullptr);
  EXPECT_EQ(table->find("13001")->territory, "pays-d-aix");
  EXPECT_EQ(table->find("84007"), nullptr);
}

TEST_F(Communes, MarseilleArrondissementsResolveToMarseille) {
  const auto table = load(std::string(kHeader) + "13055;Marseille;marseille-provence\n");
  ASSERT_TRUE(table.has_value());
  for (const char* code : {"13201", "13207", "13216"}) {
    ASSERT_NE(table->find(code), nullptr) << code;
    EXPECT_EQ(table->find(code)->insee_code, "13055");
  }
  EXPECT_EQ(table->find("13200"), nullptr);
  EXPECT_EQ(table->find("13217"), nullptr);
  EXPECT_EQ(table->find("1320A"), nullptr);
}

TEST_F(Communes, ByteOrderMarkAndWindowsLineEndsAreAccepted) {
  const auto table = load("\xEF\xBB\xBFinsee_code;name;territory\r\n13005;Aubagne;pays-d-aubagne-et-de-l-etoile\r\n");
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->find("13005")->name, "Aubagne");
}

TEST_F(Communes, UnknownTerritoryIsAnErrorWithItsLine) {
  EXPECT_FALSE(load(std::string(kHeader) + "13001;Aix-en-Provence;pays-d-aix\n13002;Allauch;marseille\n").has_value());
  EXPECT_THAT(problems(), ::testing::ElementsAre(
                              ":3: territory : « marseille » n’est pas un territoire connu (marseille-provence, "
                              "pays-d-aix, pays-salonais, pays-d-aubagne-et-de-l-etoile, istres-ouest-provence, "
                              "pays-de-martigues)"));
}

TEST_F(Communes, DuplicateCodeIsAnError) {
  EXPECT_FALSE(load(std::string(kHeader) + "13002;Allauch;marseille-provence\n13005;Aubagne;pays-d-aubagne-et-de-l-etoile\n"
                                            "13002;Allauch bis;marseille-provence\n")
                   .has_value());
  EXPECT_THAT(problems(), ::testing::ElementsAre(":4: insee_code : code 13002 déjà présent ligne 2"));
}

TEST_F(Communes, BadCodeAndWrongColumnCount) {
  EXPECT_FALSE(load(std::string(kHeader) + "1300;Allauch;marseille-provence\n13005;Aubagne\n").has_value());
  EXPECT_THAT(problems(), ::testing::ElementsAre(":2: insee_code : « 1300 » n’est pas un code INSEE valide",
                                                 ":3: 2 colonnes au lieu de 3 (insee_code;name;territory)"));
}

TEST_F(Communes, HeaderIsRequired) {
  EXPECT_FALSE(load("13002;Allauch;marseille-provence\n").has_value());
  EXPECT_THAT(problems(), ::testing::ElementsAre(
                              ":1: en-tête « 13002;Allauch;marseille-provence » : « insee_code;name;territory » attendu"));
}

TEST_F(Communes, MissingFile) {
  EXPECT_FALSE(aap::load_communes("nulle/part.csv", diags_).has_value());
  ASSERT_EQ(diags_.size(), 1u);
  EXPECT_EQ(diags_[0].to_string(), "nulle/part.csv: fichier introuvable ou illisible");
}

TEST_F(Communes, TheSharedReferenceFileHoldsNinetyTwoCommunes) {
  const std::filesystem::path shipped = std::filesystem::path(AAP_SOURCE_DIR) / "data" / "communes-metropole.csv";
  ASSERT_TRUE(std::filesystem::exists(shipped)) << shipped << " is missing from the repository";
  const auto table = aap::load_communes(shipped, diags_);
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->size(), 92u);
  EXPECT_EQ(table->find("13203")->name, "Marseille");
}

TEST(Territories, TheSixKeysOfSpec) {
  for (const char* key : {"marseille-provence", "pays-d-aix", "pays-salonais", "pays-d-aubagne-et-de-l-etoile",
                          "istres-ouest-provence", "pays-de-martigues"}) {
    EXPECT_TRUE(aap::is_known_territory(key)) << key;
  }
  EXPECT_FALSE(aap::is_known_territory("marseille"));
  EXPECT_FALSE(aap::is_known_territory(""));
}
