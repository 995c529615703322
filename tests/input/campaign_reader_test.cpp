// Campaign reading and validation: required and optional fields, ranges, exact messages.
#include "input/campaign_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

using nlohmann::json;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

constexpr const char* kValidCampaign = R"({
  "id": "AAP-GEN-2027",
  "title": "Appel à projets 2027 — formations labellisées Grande École du Numérique",
  "authority": {
    "name": "Métropole Aix-Marseille-Provence",
    "council": "Conseil de Territoire Marseille Provence",
    "service": "Direction Emploi-Insertion",
    "address": ["Le Pharo", "58 boulevard Charles Livon", "13007 Marseille"],
    "city": "Marseille",
    "signatory": {"civility": "Monsieur", "name": "Jean Dupont", "title": "Président du Conseil de Territoire"},
    "contact": {"name": "Sophie Blanc", "email": "aap-gen@example.fr", "phone": "04 91 00 00 00"}
  },
  "envelope": 250000,
  "calendar": {"published_on": "2026-12-01", "deadline": "2027-01-31",
               "council_session": "2027-03-12", "documents_date": "2027-03-20"},
  "criteria": {
    "min_low_qualified_job_seekers_per_session": 10,
    "min_women_percent": 30,
    "low_qualification_target_percent": 80,
    "qpv_residents_target_percent": 50,
    "significant_plie_percent": 20,
    "min_employer_partners": 3,
    "priority_territory": "marseille-provence"
  },
  "scoring": {"qpv_site": 30, "qpv_residents": 20, "plie": 15, "partnership_each": 5,
              "employers": 10, "low_qualification": 10},
  "allocation": {"policy": "priority", "max_per_dossier": 40000, "max_per_trainee": 2500,
                 "max_cost_share_percent": 80, "min_grant": 1000, "rounding": "euro"},
  "budget": {"chapter": "65", "account": "6574", "function": "424", "operation": "GEN-2027"},
  "deliberation": {"number": "CT1-2027-014", "commission": "Emploi, insertion et formation",
                   "rapporteur": {"civility": "Madame", "name": "Anne Roux"},
                   "framework": "délibération n° 12 du 5 mai 2026 approuvant le cadre d'intervention financière"}
})";

std::string campaign_with(const std::function<void(json&)>& patch) {
  json j = json::parse(kValidCampaign);
  patch(j);
  return j.dump(2);
}

std::vector<std::string> problems(const std::string& text) {
  aap::Diagnostics diags;
  const auto c = aap::parse_campaign(text, "campagne.json", diags);
  EXPECT_EQ(c.has_value(), diags.empty());
  std::vector<std::string> out;
  for (const auto& d : diags) out.push_back(d.field + " : " + d.message);
  return out;
}

}  // namespace

TEST(CampaignReader, ValidCampaignIsReadWithEveryValue) {
  aap::Diagnostics diags;
  const auto c = aap::parse_campaign(kValidCampaign, "campagne.json", diags);
  ASSERT_THAT(diags, IsEmpty());
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->id, "AAP-GEN-2027");
  EXPECT_EQ(c->authority.address.size(), 3u);
  EXPECT_EQ(c->authority.contact.phone, "04 91 00 00 00");
  EXPECT_EQ(c->envelope.cents(), 25'000'000);
  EXPECT_EQ(c->calendar.deadline, (aap::Date{2027, 1, 31}));
  EXPECT_EQ(c->calendar.documents_date, (aap::Date{2027, 3, 20}));
  EXPECT_EQ(c->criteria.min_women_percent.basis_points(), 3000);
  EXPECT_EQ(c->criteria.priority_territory, "marseille-provence");
  EXPECT_EQ(c->scoring.partnership_each, 5);
  EXPECT_EQ(c->allocation.policy, aap::Policy::priority);
  EXPECT_EQ(c->allocation.max_per_trainee->cents(), 250'000);
  EXPECT_EQ(c->allocation.max_cost_share_percent->basis_points(), 8000);
  EXPECT_EQ(c->budget.account, "6574");
  EXPECT_EQ(c->deliberation.rapporteur.name, "Anne Roux");
}

TEST(CampaignReader, OptionalPartsMayBeLeftOut) {
  aap::Diagnostics diags;
  const auto c = aap::parse_campaign(campaign_with([](json& j) {
                                       j.erase("budget");
                                       j.erase("deliberation");
                                       j["calendar"].erase("documents_date");
                                       j["authority"]["contact"].erase("phone");
                                       j["allocation"] = {{"policy", "proportional"}};
                                     }),
                                     "campagne.json", diags);
  ASSERT_THAT(diags, IsEmpty());
  EXPECT_FALSE(c->calendar.documents_date.has_value());
  EXPECT_FALSE(c->authority.contact.phone.has_value());
  EXPECT_FALSE(c->budget.chapter.has_value());
  EXPECT_FALSE(c->deliberation.number.has_value());
  EXPECT_EQ(c->allocation.policy, aap::Policy::proportional);
  EXPECT_FALSE(c->allocation.max_per_dossier.has_value());
  EXPECT_FALSE(c->allocation.min_grant.has_value());
  EXPECT_EQ(c->allocation.rounding, aap::Rounding::euro);
}

TEST(CampaignReader, PartialBudgetAndDeliberationAreAccepted) {
  EXPECT_THAT(problems(campaign_with([](json& j) {
                j["budget"] = {{"chapter", "65"}};
                j["deliberation"] = {{"rapporteur", {{"name", "Anne Roux"}}}};
              })),
              IsEmpty());
}

TEST(CampaignReader, AnInternationalPhoneNumberIsNoFormula) {
  // Only the dossiers' texts reach the CSV outputs: a campaign text may begin with "+".
  EXPECT_THAT(problems(campaign_with([](json& j) { j["authority"]["contact"]["phone"] = "+33 4 91 00 00 00"; })),
              IsEmpty());
}

TEST(CampaignReader, DelegationConventionModelAndSubmissionAreRead) {
  aap::Diagnostics diags;
  const auto c = aap::parse_campaign(campaign_with([](json& j) {
                                       j["deliberation"]["delegation"] = "délibération n° 9 du 17 mars 2016";
                                       j["deliberation"]["convention_model"] = "convention type (annexe 1)";
                                       j["submission"] = {{"platform", "https://depot.example.fr"},
                                                          {"postal_address", {"Le Pharo", "13007 Marseille"}},
                                                          {"format", "PDF"}};
                                     }),
                                     "campagne.json", diags);
  ASSERT_THAT(diags, IsEmpty());
  EXPECT_EQ(c->deliberation.delegation, "délibération n° 9 du 17 mars 2016");
  EXPECT_EQ(c->deliberation.convention_model, "convention type (annexe 1)");
  EXPECT_EQ(c->submission.platform, "https://depot.example.fr");
  EXPECT_EQ(c->submission.postal_address, (std::vector<std::string>{"Le Pharo", "13007 Marseille"}));
  EXPECT_EQ(c->submission.format, "PDF");
  EXPECT_THAT(problems(campaign_with([](json& j) { j["submission"] = {{"url", "x"}}; })),
              ElementsAre("submission.url : champ inconnu"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["submission"] = {{"postal_address", "Le Pharo"}}; })),
              testing::SizeIs(1));
}

TEST(CampaignReader, UnknownFieldIsRefused) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["criteria"]["min_women_pct"] = 30; })),
              ElementsAre("criteria.min_women_pct : champ inconnu"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["deliberation"]["rapporteur"]["role"] = "x"; })),
              ElementsAre("deliberation.rapporteur.role : champ inconnu"));
}

TEST(CampaignReader, RequiredFieldsAreRequired) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["authority"]["contact"].erase("email"); })),
              ElementsAre("authority.contact.email : champ obligatoire manquant"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["allocation"].erase("policy"); })),
              ElementsAre("allocation.policy : champ obligatoire manquant"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["calendar"].erase("council_session"); })),
              ElementsAre("calendar.council_session : champ obligatoire manquant"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j.erase("scoring"); })),
              ElementsAre("scoring : champ obligatoire manquant"));
}

TEST(CampaignReader, EnvelopeMustBePositive) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["envelope"] = 0; })),
              ElementsAre("envelope : l’enveloppe doit être supérieure à 0"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["envelope"] = -1; })),
              ElementsAre("envelope : « -1 » : un montant ne peut pas être négatif"));
}

TEST(CampaignReader, WeightsAreNonNegativeIntegers) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["scoring"]["plie"] = -5; })),
              ElementsAre("scoring.plie : doit être positif ou nul (trouvé : -5)"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["scoring"]["plie"] = 2.5; })),
              ElementsAre("scoring.plie : doit être un entier (trouvé : 2.5)"));
}

TEST(CampaignReader, PercentagesAreBetweenZeroAndHundredWithTwoDecimals) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["criteria"]["min_women_percent"] = 120; })),
              ElementsAre("criteria.min_women_percent : doit être un pourcentage de 0 à 100 (trouvé : 120)"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["criteria"]["min_women_percent"] = -1; })),
              ElementsAre("criteria.min_women_percent : doit être un pourcentage de 0 à 100 (trouvé : -1)"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["criteria"]["significant_plie_percent"] = "33.333"; })),
              ElementsAre("criteria.significant_plie_percent : « 33.333 » : un pourcentage a deux décimales au plus"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["criteria"]["significant_plie_percent"] = "20 %"; })),
              ElementsAre("criteria.significant_plie_percent : « 20 % » n’est pas un pourcentage (un nombre de 0 à "
                          "100, deux décimales au plus)"));
}

TEST(CampaignReader, PercentageWithDecimalsIsExact) {
  aap::Diagnostics diags;
  const auto c = aap::parse_campaign(campaign_with([](json& j) { j["criteria"]["min_women_percent"] = 33.33; }),
                                     "campagne.json", diags);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->criteria.min_women_percent.basis_points(), 3333);
}

TEST(CampaignReader, MinimumCountsAreNonNegativeIntegers) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["criteria"]["min_employer_partners"] = -1; })),
              ElementsAre("criteria.min_employer_partners : doit être positif ou nul (trouvé : -1)"));
}

TEST(CampaignReader, PriorityTerritoryMustBeKnown) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["criteria"]["priority_territory"] = "marseille"; })),
              ElementsAre("criteria.priority_territory : « marseille » n’est pas un territoire connu "
                          "(marseille-provence, pays-d-aix, pays-salonais, pays-d-aubagne-et-de-l-etoile, "
                          "istres-ouest-provence, pays-de-martigues)"));
}

TEST(CampaignReader, PolicyAndRoundingAreFromTheirLists) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["allocation"]["policy"] = "fifo"; })),
              ElementsAre("allocation.policy : « fifo » n’est pas une règle de répartition connue (priority ou "
                          "proportional)"));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["allocation"]["rounding"] = "dix"; })),
              ElementsAre("allocation.rounding : « dix » n’est pas un arrondi connu (euro ou cent)"));
}

TEST(CampaignReader, CentRoundingIsRead) {
  aap::Diagnostics diags;
  const auto c = aap::parse_campaign(campaign_with([](json& j) { j["allocation"]["rounding"] = "cent"; }),
                                     "campagne.json", diags);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->allocation.rounding, aap::Rounding::cent);
}

constexpr const char* kOrder = " ; ordre attendu : publication < date limite < séance ≤ date des courriers";

TEST(CampaignReader, DeadlineBeforePublication) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["calendar"]["deadline"] = "2026-11-30"; })),
              ElementsAre(std::string("calendar.deadline : la date limite de dépôt (2026-11-30) doit être postérieure à "
                                      "la publication de l’appel (calendar.published_on, 2026-12-01)") + kOrder));
}

TEST(CampaignReader, CalendarStepsMustFollowEachOther) {
  // The same day is no order: the deadline cannot be the publication day, nor the session the deadline.
  EXPECT_THAT(problems(campaign_with([](json& j) { j["calendar"]["deadline"] = "2026-12-01"; })),
              ElementsAre(std::string("calendar.deadline : la date limite de dépôt (2026-12-01) doit être postérieure à "
                                      "la publication de l’appel (calendar.published_on, 2026-12-01)") + kOrder));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["calendar"]["council_session"] = "2027-01-31"; })),
              ElementsAre(std::string("calendar.council_session : la séance du conseil (2027-01-31) doit être "
                                      "postérieure à la date limite de dépôt (calendar.deadline, 2027-01-31)") + kOrder));
  EXPECT_THAT(problems(campaign_with([](json& j) { j["calendar"]["documents_date"] = "2027-03-11"; })),
              ElementsAre(std::string("calendar.documents_date : la date des courriers (2027-03-11) ne peut pas précéder "
                                      "la séance du conseil (calendar.council_session, 2027-03-12)") + kOrder));
  // The letters may be dated the day of the session.
  EXPECT_THAT(problems(campaign_with([](json& j) { j["calendar"]["documents_date"] = "2027-03-12"; })), IsEmpty());
  // Two steps out of order: each is named.
  EXPECT_THAT(problems(campaign_with([](json& j) {
                j["calendar"]["council_session"] = "2027-01-15";
                j["calendar"]["documents_date"] = "2027-01-10";
              })),
              ElementsAre(std::string("calendar.council_session : la séance du conseil (2027-01-15) doit être "
                                      "postérieure à la date limite de dépôt (calendar.deadline, 2027-01-31)") + kOrder,
                          std::string("calendar.documents_date : la date des courriers (2027-01-10) ne peut pas "
                                      "précéder la séance du conseil (calendar.council_session, 2027-01-15)") + kOrder));
}

TEST(CampaignReader, DocumentsDateMustBeValidWhenGiven) {
  EXPECT_THAT(problems(campaign_with([](json& j) { j["calendar"]["documents_date"] = "2027-02-30"; })),
              ElementsAre("calendar.documents_date : « 2027-02-30 » n’est pas une date valide (AAAA-MM-JJ)"));
}

TEST(CampaignReader, EveryProblemIsReportedWithItsLine) {
  std::string text = kValidCampaign;
  text.replace(text.find("\"min_women_percent\": 30"), 23, "\"min_women_percent\": 130");
  text.replace(text.find("\"plie\": 15"), 10, "\"plie\": -15");
  aap::Diagnostics diags;
  EXPECT_FALSE(aap::parse_campaign(text, "fixtures/campaign.json", diags).has_value());
  std::vector<std::string> lines;
  for (const auto& d : diags) lines.push_back(d.to_string());
  EXPECT_THAT(lines, ElementsAre("fixtures/campaign.json:18: criteria.min_women_percent : doit être un pourcentage "
                                 "de 0 à 100 (trouvé : 130)",
                                 "fixtures/campaign.json:25: scoring.plie : doit être positif ou nul (trouvé : -15)"));
}

TEST(CampaignReader, MalformedJsonAndByteOrderMark) {
  aap::Diagnostics diags;
  EXPECT_TRUE(aap::parse_campaign("\xEF\xBB\xBF" + std::string(kValidCampaign), "c.json", diags).has_value());
  EXPECT_THAT(diags, IsEmpty());
  EXPECT_FALSE(aap::parse_campaign("{\"id\": \"x\",,}", "c.json", diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].to_string(),
            "c.json:1: JSON mal formé (colonne 12) : « , » inattendu, un nom de champ entre guillemets était attendu");
}

TEST(CampaignReader, CampaignMustBeAnObject) {
  EXPECT_THAT(problems("[]"), ElementsAre(" : le fichier doit contenir un objet JSON (trouvé : un tableau)"));
}

TEST(CampaignReader, MissingFileIsReported) {
  aap::Diagnostics diags;
  EXPECT_FALSE(aap::read_campaign("nulle/part/campagne.json", diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].to_string(), "nulle/part/campagne.json: fichier introuvable ou illisible");
}
