// The campaign fields that the @ctes envelope, the open data and the mailing use: authority.siret,
// authority.contact.email, deliberation.number (as an @ctes internal number), deliberation.classification.
#include "test_paths.hpp"
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "input/campaign_reader.hpp"

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace aap {
namespace {

json fixture_campaign() {
  std::ifstream in(std::filesystem::path(AAP_SOURCE_DIR) / "fixtures/campaign.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

std::vector<std::string> problems(const std::function<void(json&)>& patch) {
  json j = fixture_campaign();
  patch(j);
  Diagnostics diags;
  const auto c = parse_campaign(j.dump(2), "campagne.json", diags);
  EXPECT_EQ(c.has_value(), diags.empty());
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(d.field + " : " + d.message);
  return out;
}

std::optional<Campaign> read(const std::function<void(json&)>& patch) {
  json j = fixture_campaign();
  patch(j);
  Diagnostics diags;
  auto c = parse_campaign(j.dump(2), "campagne.json", diags);
  EXPECT_THAT(diags, IsEmpty());
  return c;
}

TEST(CampaignReaderMailing, ShippedCampaignGivesSiretAndClassification) {
  const auto c = read([](json&) {});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->authority.siret, "20005480700017");
  EXPECT_EQ(c->deliberation.classification.matiere, (std::vector<int>{7, 5}));
  EXPECT_EQ(c->deliberation.classification.version_date, (Date{2026, 9, 1}));
}

TEST(CampaignReaderMailing, SiretAndClassificationAreOptionalWithMatiereSevenFiveByDefault) {
  const auto c = read([](json& j) {
    j["authority"].erase("siret");
    j["deliberation"].erase("classification");
  });
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->authority.siret.has_value());
  EXPECT_EQ(c->deliberation.classification.matiere, (std::vector<int>{7, 5}));
  EXPECT_FALSE(c->deliberation.classification.version_date.has_value());
}

TEST(CampaignReaderMailing, ClassificationOfThreeLevelsIsRead) {
  const auto c = read([](json& j) { j["deliberation"]["classification"] = {{"matiere", "7.5.12"}}; });
  ASSERT_TRUE(c);
  EXPECT_EQ(c->deliberation.classification.matiere, (std::vector<int>{7, 5, 12}));
}

TEST(CampaignReaderMailing, InvalidSiretIsRefused) {
  EXPECT_THAT(problems([](json& j) { j["authority"]["siret"] = "20005480700018"; }),
              ElementsAre("authority.siret : « 20005480700018 » n’est pas un SIRET valide (clé de contrôle)"));
  EXPECT_THAT(problems([](json& j) { j["authority"]["siret"] = "200 054 807"; }),
              ElementsAre("authority.siret : « 200 054 807 » n’est pas un SIRET valide (14 chiffres attendus)"));
}

TEST(CampaignReaderMailing, MatiereThatIsNotACodeIsRefused) {
  const std::string reason =
      " n’est pas un code matière @ctes (de 2 à 5 nombres séparés par des points, par exemple 7.5)";
  EXPECT_THAT(problems([](json& j) { j["deliberation"]["classification"]["matiere"] = "7,5"; }),
              ElementsAre("deliberation.classification.matiere : « 7,5 »" + reason));
  EXPECT_THAT(problems([](json& j) { j["deliberation"]["classification"]["matiere"] = "1.2.3.4.5.6"; }),
              ElementsAre("deliberation.classification.matiere : « 1.2.3.4.5.6 »" + reason));
  EXPECT_THAT(problems([](json& j) { j["deliberation"]["classification"]["matiere"] = "07.5"; }),
              ElementsAre("deliberation.classification.matiere : « 07.5 »" + reason));
  // The ACTES schema requires CodeMatiere1 and CodeMatiere2: one level would give an envelope it refuses.
  EXPECT_THAT(problems([](json& j) { j["deliberation"]["classification"]["matiere"] = "7"; }),
              ElementsAre("deliberation.classification.matiere : « 7 »" + reason));
}

TEST(CampaignReaderMailing, DepartementIsOptionalOnThreeCharacters) {
  EXPECT_FALSE(read([](json& j) { j["authority"].erase("departement"); })->authority.departement.has_value());
  for (const char* d : {"013", "02A", "02B", "001", "095", "974", "988"})
    EXPECT_EQ(read([&](json& j) { j["authority"]["departement"] = d; })->authority.departement, d);
}

TEST(CampaignReaderMailing, DepartementThatActesDoesNotWriteIsRefused) {
  const std::string reason =
      " n’est pas un département @ctes (trois caractères : 013 pour les Bouches-du-Rhône, 02A ou 02B pour la "
      "Corse, 974 pour La Réunion)";
  for (const char* d : {"13", "0013", "2A", "02C", "000", "096", "970", "990", "13 ", "０13", ""})
    EXPECT_THAT(problems([&](json& j) { j["authority"]["departement"] = d; }),
                ElementsAre("authority.departement : « " + std::string(d) + " »" + reason))
        << d;
}

TEST(CampaignReaderMailing, UnknownClassificationFieldIsRefused) {
  EXPECT_THAT(problems([](json& j) { j["deliberation"]["classification"]["date"] = "2026-09-01"; }),
              ElementsAre("deliberation.classification.date : champ inconnu"));
}

TEST(CampaignReaderMailing, DeliberationNumberTooLongForActesIsRefusedAtReading) {
  EXPECT_THAT(problems([](json& j) { j["deliberation"]["number"] = "CT1-2027-0145-BIS"; }),
              ElementsAre("deliberation.number : « CT1-2027-0145-BIS » donne le numéro interne @ctes "
                          "CT1_2027_0145_BIS, de 17 caractères ; @ctes en admet 15 au plus (raccourcir le numéro "
                          "plutôt que le tronquer, qui pourrait le confondre avec un autre)"));
}

TEST(CampaignReaderMailing, DeliberationNumberWithoutLetterOrDigitIsRefused) {
  EXPECT_THAT(problems([](json& j) { j["deliberation"]["number"] = "— / —"; }),
              ElementsAre("deliberation.number : « — / — » ne contient ni lettre ni chiffre : le numéro interne "
                          "@ctes serait vide"));
}

TEST(CampaignReaderMailing, ContactEmailMustBeAnAddress) {
  EXPECT_THAT(problems([](json& j) { j["authority"]["contact"]["email"] = "Karima Messaoudi"; }),
              ElementsAre("authority.contact.email : « Karima Messaoudi » n’est pas une adresse électronique "
                          "valide"));
}

}  // namespace
}  // namespace aap
