// Criteria at their boundaries, compared exactly.
#include "rules/criteria.hpp"

#include <gtest/gtest.h>

#include "support/builders.hpp"

namespace aap {
namespace {

using test::eligible_dossier;
using test::seed_campaign;
using test::test_communes;

DossierEvaluation evaluate(const Campaign& c, const Dossier& d) {
  static const CommuneTable communes = test_communes();
  return evaluate_criteria(c, communes, d);
}

bool passed(const DossierEvaluation& e, const char* code) { return e.find(code)->passed; }

TEST(Criteria, ListsEveryCodeEligibilityFirst) {
  const Dossier d = eligible_dossier("A");
  const DossierEvaluation e = evaluate(seed_campaign(), d);
  std::vector<std::string> codes;
  for (const auto& c : e.criteria) codes.push_back(c.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"GEN-LABEL", "GEN-FREE", "GEN-SESSION-SIZE", "GEN-WOMEN",
                                             "CT-METROPOLE", "PRIO-QPV-SITE", "CT-QPV-RESIDENTS", "CT-PLIE",
                                             "CT-PARTNERSHIP", "CT-EMPLOYERS", "GEN-LOW-QUALIFICATION"}));
  EXPECT_TRUE(e.eligible);
  EXPECT_EQ(e.tier, 1);
  EXPECT_EQ(e.score, 100);
}

TEST(Criteria, ExactlyThirtyPercentWomenPasses) {
  Dossier d = eligible_dossier("A", 10);
  d.training.sessions[0].women = 3;
  const DossierEvaluation e = evaluate(seed_campaign(), d);
  EXPECT_TRUE(passed(e, "GEN-WOMEN"));
  EXPECT_EQ(e.find("GEN-WOMEN")->observed, "3 / 10 (30,00\u00A0%)");
  EXPECT_EQ(e.find("GEN-WOMEN")->required, "≥ 30\u00A0%");
}

TEST(Criteria, OneWomanShortOfThirtyPercentFails) {
  Dossier d = eligible_dossier("A", 14);
  d.training.sessions[0].women = 4;  // 28,57 %
  const DossierEvaluation e = evaluate(seed_campaign(), d);
  EXPECT_FALSE(passed(e, "GEN-WOMEN"));
  EXPECT_FALSE(e.eligible);
  EXPECT_EQ(e.tier, std::nullopt);
}

// 29 of 100 against 29 % and 57 of 100 against 57 % are exact equalities that a double
// (0.29 * 100 = 28.999…, 0.57 * 100 = 56.99…) would get wrong.
TEST(Criteria, TwentyNineOfHundredReachesTwentyNinePercentExactly) {
  Campaign c = seed_campaign();
  c.criteria.min_women_percent = Percent::from_whole(29);
  Dossier d = eligible_dossier("A", 100);
  d.training.sessions[0].women = 29;
  EXPECT_TRUE(passed(evaluate(c, d), "GEN-WOMEN"));
  d.training.sessions[0].women = 28;
  EXPECT_FALSE(passed(evaluate(c, d), "GEN-WOMEN"));
}

TEST(Criteria, FiftySevenOfHundredReachesFiftySevenPercentExactly) {
  Campaign c = seed_campaign();
  c.criteria.qpv_residents_target_percent = Percent::from_whole(57);
  Dossier d = eligible_dossier("A", 100);
  d.training.sessions[0].qpv_residents = 57;
  EXPECT_TRUE(passed(evaluate(c, d), "CT-QPV-RESIDENTS"));
  d.training.sessions[0].qpv_residents = 56;
  EXPECT_FALSE(passed(evaluate(c, d), "CT-QPV-RESIDENTS"));
}

TEST(Criteria, PercentWithDecimalsComparedExactly) {
  Campaign c = seed_campaign();
  c.criteria.min_women_percent = *Percent::parse("33.33");
  Dossier d = eligible_dossier("A", 3);
  d.training.sessions[0].women = 1;  // 33,333… % ≥ 33,33 %
  EXPECT_TRUE(passed(evaluate(c, d), "GEN-WOMEN"));
  c.criteria.min_women_percent = *Percent::parse("33.34");
  EXPECT_FALSE(passed(evaluate(c, d), "GEN-WOMEN"));
}

TEST(Criteria, LabelValidOnTheDeadlinePasses) {
  const Campaign c = seed_campaign();
  Dossier d = eligible_dossier("A");
  d.training.gen_label->valid_until = c.calendar.deadline;
  EXPECT_TRUE(passed(evaluate(c, d), "GEN-LABEL"));
}

TEST(Criteria, LabelExpiringTheDayBeforeTheDeadlineFails) {
  const Campaign c = seed_campaign();
  Dossier d = eligible_dossier("A");
  d.training.gen_label->valid_until = *Date::parse_iso("2027-01-30");
  const DossierEvaluation e = evaluate(c, d);
  EXPECT_FALSE(passed(e, "GEN-LABEL"));
  EXPECT_EQ(e.find("GEN-LABEL")->observed, "GEN-2025-0123, valable jusqu’au 30 janvier 2027");
  EXPECT_EQ(e.find("GEN-LABEL")->required, "valable au 31 janvier 2027");
}

TEST(Criteria, TrainingWithoutLabelFails) {
  Dossier d = eligible_dossier("A");
  d.training.gen_label.reset();
  const DossierEvaluation e = evaluate(seed_campaign(), d);
  EXPECT_FALSE(passed(e, "GEN-LABEL"));
  EXPECT_EQ(e.find("GEN-LABEL")->observed, "aucun label");
}

TEST(Criteria, PayingTrainingFails) {
  Dossier d = eligible_dossier("A");
  d.training.free_of_charge = false;
  EXPECT_FALSE(passed(evaluate(seed_campaign(), d), "GEN-FREE"));
}

TEST(Criteria, EverySessionNeedsTenLowQualifiedJobSeekers) {
  Dossier d = eligible_dossier("A", 12);
  Session second = d.training.sessions[0];
  second.label = "Session d’automne";
  second.low_qualified_job_seekers = 9;
  d.training.sessions.push_back(second);
  DossierEvaluation e = evaluate(seed_campaign(), d);
  EXPECT_FALSE(passed(e, "GEN-SESSION-SIZE"));
  EXPECT_EQ(e.find("GEN-SESSION-SIZE")->observed,
            "9 demandeurs d’emploi peu qualifiés (Session d’automne)");
  EXPECT_EQ(e.find("GEN-SESSION-SIZE")->required, "≥ 10 par session");
  d.training.sessions[1].low_qualified_job_seekers = 10;
  EXPECT_TRUE(passed(evaluate(seed_campaign(), d), "GEN-SESSION-SIZE"));
}

TEST(Criteria, SiteOutsideTheMetropoleIsIneligibleWithoutTerritory) {
  Dossier d = eligible_dossier("A");
  d.training.site.insee_code = "84007";
  d.training.site.city = "Avignon";
  const DossierEvaluation e = evaluate(seed_campaign(), d);
  EXPECT_FALSE(passed(e, "CT-METROPOLE"));
  EXPECT_EQ(e.territory, std::nullopt);
  EXPECT_EQ(e.find("CT-METROPOLE")->observed, "Avignon (code commune 84007), hors Métropole");
  EXPECT_FALSE(e.eligible);
}

TEST(Criteria, MarseilleArrondissementIsTierOne) {
  Dossier d = eligible_dossier("A");
  d.training.site.insee_code = "13215";
  const DossierEvaluation e = evaluate(seed_campaign(), d);
  EXPECT_EQ(e.territory, "marseille-provence");
  EXPECT_EQ(e.commune, "Marseille");
  EXPECT_EQ(e.tier, 1);
}

TEST(Criteria, OtherTerritoryOfTheMetropoleIsTierTwo) {
  Dossier d = eligible_dossier("A");
  d.training.site.insee_code = "84089";  // Pertuis: Vaucluse, but Pays d'Aix
  const DossierEvaluation e = evaluate(seed_campaign(), d);
  EXPECT_TRUE(e.eligible);
  EXPECT_EQ(e.territory, "pays-d-aix");
  EXPECT_EQ(e.tier, 2);
}

TEST(Criteria, ScoreAddsTheCampaignWeights) {
  Campaign c = seed_campaign();
  c.scoring = Scoring{7, 11, 13, 2, 17, 19};
  Dossier d = eligible_dossier("A", 10);
  d.training.site.qpv_code.reset();               // no PRIO-QPV-SITE
  d.training.sessions[0].qpv_residents = 5;       // 50 %: CT-QPV-RESIDENTS
  d.training.sessions[0].plie_followed = 1;       // 10 % < 20 %: no CT-PLIE
  d.partnerships = {true, false, true};           // 2 × 2
  d.employer_partners = {"A", "B"};               // 2 < 3: no CT-EMPLOYERS
  d.training.sessions[0].bac_or_below = 8;        // 80 %: GEN-LOW-QUALIFICATION
  const DossierEvaluation e = evaluate(c, d);
  EXPECT_EQ(e.find("PRIO-QPV-SITE")->points, 0);
  EXPECT_EQ(e.find("CT-QPV-RESIDENTS")->points, 11);
  EXPECT_EQ(e.find("CT-PLIE")->points, 0);
  EXPECT_EQ(e.find("CT-PARTNERSHIP")->points, 4);
  EXPECT_EQ(e.find("CT-EMPLOYERS")->points, 0);
  EXPECT_EQ(e.find("GEN-LOW-QUALIFICATION")->points, 19);
  EXPECT_EQ(e.score, 34);
  EXPECT_FALSE(e.qpv_site);
}

TEST(Criteria, ScoreIsComputedForIneligibleDossiersToo) {
  Dossier d = eligible_dossier("A");
  d.training.free_of_charge = false;
  const DossierEvaluation e = evaluate(seed_campaign(), d);
  EXPECT_FALSE(e.eligible);
  EXPECT_EQ(e.score, 100);
}

TEST(Criteria, TotalsSumEverySession) {
  Dossier d = eligible_dossier("A", 10);
  Session s = d.training.sessions[0];
  s.trainees = 5;
  s.women = 1;
  s.qpv_residents = 2;
  s.veille_active_residents = 1;
  d.training.sessions.push_back(s);
  const Totals t = totals_of(d);
  EXPECT_EQ(t.trainees, 15);
  EXPECT_EQ(t.women, 6);
  EXPECT_EQ(t.qpv_or_veille_residents, 13);
}

}  // namespace
}  // namespace aap
