// The allocation at other envelopes, on hand-computed cases for both policies.
#include "allocation/simulation.hpp"

#include <gtest/gtest.h>

#include "allocation/allocation.hpp"
#include "support/builders.hpp"

namespace aap {
namespace {

Money euros(std::int64_t e) { return Money::from_euros(e); }

// Two tier-1 dossiers (Marseille) capped at 30 000 € and 20 000 €, one tier-2 dossier (Aix) at
// 10 000 €: the caps are the amounts requested, no other cap binds.
struct ThreeDossiers {
  Campaign campaign = test::seed_campaign();
  std::vector<Dossier> dossiers;
  Evaluation evaluation;

  explicit ThreeDossiers(Policy policy) {
    campaign.allocation.policy = policy;
    campaign.allocation.max_per_dossier.reset();
    campaign.allocation.max_per_trainee.reset();
    campaign.allocation.max_cost_share_percent.reset();
    campaign.allocation.min_grant = euros(1000);
    add("2027-001", 30000, "13203");
    add("2027-002", 20000, "13203");
    add("2027-003", 10000, "13001");
    evaluation = evaluate(campaign, test::test_communes(), dossiers);
  }
  void add(const std::string& id, std::int64_t requested, const std::string& insee) {
    Dossier d = test::eligible_dossier(id);
    d.budget.requested = euros(requested);
    d.training.site.insee_code = insee;
    dossiers.push_back(std::move(d));
  }
  Simulation at(std::vector<Money> envelopes) const {
    return simulate(campaign.allocation, evaluation.dossiers, envelopes);
  }
};

std::vector<Money> range(std::int64_t from, std::int64_t to, std::int64_t step) {
  std::vector<Money> out;
  for (std::int64_t e = from; e <= to; e += step) out.push_back(euros(e));
  return out;
}

TEST(Simulation, ThresholdsAreTheSumsOfTheCaps) {
  const ThreeDossiers c(Policy::priority);
  const Simulation s = c.at({});
  EXPECT_EQ(s.eligible, 3u);
  EXPECT_EQ(s.eligible_tier1, 2u);
  EXPECT_EQ(s.eligible_tier2, 1u);
  EXPECT_EQ(s.tier1_caps, euros(50000));
  EXPECT_EQ(s.all_caps, euros(60000));
  EXPECT_TRUE(s.outcomes.empty());
}

TEST(Simulation, PriorityEnvelopeOfTierOneCapsFundsTierOneExactly) {
  const Simulation s = ThreeDossiers(Policy::priority).at({euros(50000)});
  const EnvelopeOutcome& o = s.outcomes.at(0);
  EXPECT_EQ(o.funded, 2u);
  EXPECT_EQ(o.partially_funded, 0u);
  EXPECT_EQ(o.not_funded, 1u);
  EXPECT_FALSE(o.tier2_reached);
  EXPECT_EQ(o.allocated, euros(50000));
  EXPECT_EQ(o.remaining, Money());
  ASSERT_TRUE(o.marginal);
  EXPECT_EQ(o.marginal->id, "2027-003");
  EXPECT_EQ(o.marginal->rank, 3);
  EXPECT_EQ(o.marginal->grant, Money());
  EXPECT_EQ(o.marginal->missing, euros(10000));
}

TEST(Simulation, PriorityOneEuroLessLeavesTheLastTierOneDossierOneEuroShort) {
  const Simulation s = ThreeDossiers(Policy::priority).at({euros(49999)});
  const EnvelopeOutcome& o = s.outcomes.at(0);
  EXPECT_EQ(o.funded, 1u);
  EXPECT_EQ(o.partially_funded, 1u);
  EXPECT_EQ(o.not_funded, 1u);
  ASSERT_TRUE(o.marginal);
  EXPECT_EQ(o.marginal->id, "2027-002");
  EXPECT_EQ(o.marginal->grant, euros(19999));
  EXPECT_EQ(o.marginal->missing, euros(1));
  EXPECT_EQ(o.allocated, euros(49999));
}

TEST(Simulation, PriorityRangeCrossingTheTierTwoThreshold) {
  const Simulation s = ThreeDossiers(Policy::priority).at(range(45000, 60000, 5000));
  ASSERT_EQ(s.outcomes.size(), 4u);
  // 45 000: 30 000 + 15 000 (partial), nothing for tier 2.
  EXPECT_EQ(s.outcomes[0].marginal->id, "2027-002");
  EXPECT_EQ(s.outcomes[0].marginal->missing, euros(5000));
  EXPECT_FALSE(s.outcomes[0].tier2_reached);
  // 50 000: tier 1 in full, still nothing for tier 2.
  EXPECT_FALSE(s.outcomes[1].tier2_reached);
  EXPECT_EQ(s.outcomes[1].marginal->id, "2027-003");
  // 55 000: 5 000 for the tier-2 dossier.
  EXPECT_TRUE(s.outcomes[2].tier2_reached);
  EXPECT_EQ(s.outcomes[2].partially_funded, 1u);
  EXPECT_EQ(s.outcomes[2].marginal->missing, euros(5000));
  // 60 000: every cap.
  EXPECT_EQ(s.outcomes[3].funded, 3u);
  EXPECT_FALSE(s.outcomes[3].marginal);
  EXPECT_EQ(s.outcomes[3].remaining, Money());
}

TEST(Simulation, ProportionalEnvelopeOfTierOneCapsFundsTierOneExactly) {
  const Simulation s = ThreeDossiers(Policy::proportional).at({euros(50000)});
  const EnvelopeOutcome& o = s.outcomes.at(0);
  EXPECT_EQ(o.funded, 2u);
  EXPECT_EQ(o.not_funded, 1u);
  EXPECT_FALSE(o.tier2_reached);
  EXPECT_EQ(o.marginal->id, "2027-003");
}

TEST(Simulation, ProportionalOneEuroLessGoesToTheLargestRemainder) {
  // 30 000 × 49 999 / 50 000 = 29 999,4 and 20 000 × 49 999 / 50 000 = 19 999,6: the euro left goes to
  // the larger remainder, so 2027-002 is funded in full and 2027-001 lacks one euro.
  const Simulation s = ThreeDossiers(Policy::proportional).at({euros(49999)});
  const EnvelopeOutcome& o = s.outcomes.at(0);
  EXPECT_EQ(o.funded, 1u);
  EXPECT_EQ(o.partially_funded, 1u);
  ASSERT_TRUE(o.marginal);
  EXPECT_EQ(o.marginal->id, "2027-001");
  EXPECT_EQ(o.marginal->grant, euros(29999));
  EXPECT_EQ(o.marginal->missing, euros(1));
  EXPECT_EQ(o.allocated, euros(49999));
}

TEST(Simulation, ProportionalRangeCrossingTheTierTwoThreshold) {
  const Simulation s = ThreeDossiers(Policy::proportional).at(range(45000, 60000, 5000));
  ASSERT_EQ(s.outcomes.size(), 4u);
  // 45 000 shared 27 000 / 18 000: both partial, the first in rank is the marginal one.
  EXPECT_EQ(s.outcomes[0].partially_funded, 2u);
  EXPECT_EQ(s.outcomes[0].marginal->id, "2027-001");
  EXPECT_EQ(s.outcomes[0].marginal->missing, euros(3000));
  EXPECT_FALSE(s.outcomes[1].tier2_reached);
  EXPECT_TRUE(s.outcomes[2].tier2_reached);
  EXPECT_EQ(s.outcomes[2].marginal->id, "2027-003");
  EXPECT_EQ(s.outcomes[2].marginal->grant, euros(5000));
  EXPECT_EQ(s.outcomes[3].funded, 3u);
  EXPECT_FALSE(s.outcomes[3].marginal);
}

TEST(Simulation, LeavesTheEvaluationItWasGivenUntouched) {
  const ThreeDossiers c(Policy::priority);
  const Money before = c.evaluation.dossiers[2].grant;
  c.at({euros(1000)});
  EXPECT_EQ(c.evaluation.dossiers[2].grant, before);
}

}  // namespace
}  // namespace aap
