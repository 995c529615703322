// Caps, priority order and both policies on hand-computed cases.
#include "allocation/allocation.hpp"

#include <gtest/gtest.h>

#include "rules/criteria.hpp"
#include "support/builders.hpp"

namespace aap {
namespace {

using test::eligible_dossier;
using test::seed_campaign;

Money euros(std::int64_t e) { return Money::from_euros(e); }

struct Case {
  Campaign campaign = seed_campaign();
  std::vector<Dossier> dossiers;

  /// Adds an eligible dossier whose cap is exactly `cap` (the amount requested; no other cap binds).
  Dossier& add(std::string id, Money cap) {
    Dossier d = eligible_dossier(std::move(id), 20);
    d.budget.requested = cap;
    d.budget.total_cost = Money::from_cents(cap.cents() * 10);
    dossiers.push_back(std::move(d));
    return dossiers.back();
  }
  Evaluation run() {
    campaign.allocation.max_per_dossier.reset();
    campaign.allocation.max_per_trainee.reset();
    campaign.allocation.max_cost_share_percent.reset();
    return evaluate(campaign, test::test_communes(), dossiers);
  }
};

std::vector<std::int64_t> grants_in_euros(const Evaluation& ev) {
  std::vector<std::int64_t> out;
  for (const auto& e : ev.dossiers) out.push_back(e.grant.cents() / 100);
  return out;
}

std::vector<std::string> ids(const Evaluation& ev) {
  std::vector<std::string> out;
  for (const auto& e : ev.dossiers) out.push_back(e.dossier->id);
  return out;
}

// ---- caps

AllocationRules seed_rules() {
  AllocationRules r;
  r.max_per_dossier = euros(40000);
  r.max_per_trainee = euros(2500);
  r.max_cost_share_percent = Percent::from_whole(80);
  r.min_grant = euros(1000);
  return r;
}

TEST(Cap, IsTheAmountRequestedWhenNothingElseBinds) {
  Dossier d = eligible_dossier("A", 20);
  d.budget.requested = euros(30000);
  d.budget.total_cost = euros(100000);
  EXPECT_EQ(cap_of(seed_rules(), d, 20), euros(30000));
}

TEST(Cap, IsLimitedPerDossier) {
  Dossier d = eligible_dossier("A", 20);
  d.budget.requested = euros(45000);
  d.budget.total_cost = euros(100000);
  EXPECT_EQ(cap_of(seed_rules(), d, 20), euros(40000));
}

TEST(Cap, IsLimitedPerTrainee) {
  Dossier d = eligible_dossier("A", 11);
  d.budget.requested = euros(30000);
  d.budget.total_cost = euros(100000);
  EXPECT_EQ(cap_of(seed_rules(), d, 11), euros(27500));
}

TEST(Cap, IsLimitedToAShareOfTheTotalCost) {
  Dossier d = eligible_dossier("A", 20);
  d.budget.requested = euros(30000);
  d.budget.total_cost = Money::from_cents(3000055);  // 80 % = 24 000,44 €
  EXPECT_EQ(cap_of(seed_rules(), d, 20), euros(24000));
  AllocationRules cents = seed_rules();
  cents.rounding = Rounding::cent;
  EXPECT_EQ(cap_of(cents, d, 20), Money::from_cents(2400044));
}

TEST(Cap, RequestWithCentsIsRoundedDownToTheEuro) {
  Dossier d = eligible_dossier("A", 20);
  d.budget.requested = Money::from_cents(2850075);
  d.budget.total_cost = euros(100000);
  EXPECT_EQ(cap_of(seed_rules(), d, 20), euros(28500));
  AllocationRules cents = seed_rules();
  cents.rounding = Rounding::cent;
  EXPECT_EQ(cap_of(cents, d, 20), Money::from_cents(2850075));
}

TEST(Cap, CapsLeftOutMeanNone) {
  Dossier d = eligible_dossier("A", 1);
  d.budget.requested = euros(900000);
  d.budget.total_cost = euros(900000);
  EXPECT_EQ(cap_of(AllocationRules{}, d, 1), euros(900000));
}

// ---- priority order

TEST(PriorityOrder, TierOneComesBeforeTierTwo) {
  Case c;
  c.add("A", euros(10000)).training.site.insee_code = "13001";  // Aix-en-Provence: tier 2, score 100
  Dossier& b = c.add("B", euros(10000));                        // Marseille, tier 1, lowest score
  b.training.site.qpv_code.reset();
  b.partnerships = {};
  b.employer_partners.clear();
  const Evaluation ev = c.run();
  EXPECT_EQ(ids(ev), (std::vector<std::string>{"B", "A"}));
  EXPECT_EQ(ev.dossiers[0].rank, 1);
  EXPECT_EQ(ev.dossiers[1].rank, 2);
  EXPECT_EQ(ev.dossiers[1].tier, 2);
}

TEST(PriorityOrder, QpvSiteComesBeforeAHigherScore) {
  Case c;
  c.add("A", euros(10000)).training.site.qpv_code.reset();  // 70 points, not in a QPV
  Dossier& b = c.add("B", euros(10000));                    // in a QPV, 30 + 20 points only
  b.training.sessions[0].plie_followed = 0;
  b.partnerships = {};
  b.employer_partners.clear();
  b.training.sessions[0].bac_or_below = 0;
  const Evaluation ev = c.run();
  EXPECT_EQ(ev.dossiers[0].score, 50);
  EXPECT_EQ(ev.dossiers[1].score, 70);
  EXPECT_EQ(ids(ev), (std::vector<std::string>{"B", "A"}));
}

TEST(PriorityOrder, HigherScoreFirst) {
  Case c;
  c.add("A", euros(10000)).employer_partners.clear();  // 90
  c.add("B", euros(10000));                            // 100
  EXPECT_EQ(ids(c.run()), (std::vector<std::string>{"B", "A"}));
}

TEST(PriorityOrder, EarlierReceivedFirstOnEqualScore) {
  Case c;
  c.add("A", euros(10000)).received_on = *Date::parse_iso("2027-01-20");
  c.add("B", euros(10000)).received_on = *Date::parse_iso("2027-01-19");
  EXPECT_EQ(ids(c.run()), (std::vector<std::string>{"B", "A"}));
}

TEST(PriorityOrder, IdDecidesLast) {
  Case c;
  c.add("2027-010", euros(10000));
  c.add("2027-002", euros(10000));
  EXPECT_EQ(ids(c.run()), (std::vector<std::string>{"2027-002", "2027-010"}));
}

TEST(PriorityOrder, IneligibleDossiersFollowByIdWithoutRankOrCap) {
  Case c;
  c.add("Z", euros(10000)).training.free_of_charge = false;
  c.add("M", euros(10000)).training.free_of_charge = false;
  c.add("B", euros(10000));
  const Evaluation ev = c.run();
  EXPECT_EQ(ids(ev), (std::vector<std::string>{"B", "M", "Z"}));
  EXPECT_EQ(ev.dossiers[1].rank, std::nullopt);
  EXPECT_EQ(ev.dossiers[1].cap, std::nullopt);
  EXPECT_EQ(ev.dossiers[1].grant, Money());
  EXPECT_EQ(ev.dossiers[1].decision, Decision::ineligible);
}

// ---- priority policy

TEST(PriorityPolicy, WalksTheOrderUntilTheEnvelopeIsSpent) {
  Case c;
  c.campaign.envelope = euros(100000);
  c.add("A", euros(40000)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(40000)).received_on = *Date::parse_iso("2027-01-02");
  c.add("C", euros(30000)).received_on = *Date::parse_iso("2027-01-03");
  c.add("D", euros(10000)).received_on = *Date::parse_iso("2027-01-04");
  const Evaluation ev = c.run();
  EXPECT_EQ(grants_in_euros(ev), (std::vector<std::int64_t>{40000, 40000, 20000, 0}));
  EXPECT_EQ(ev.dossiers[0].decision, Decision::funded);
  EXPECT_EQ(ev.dossiers[2].decision, Decision::partially_funded);
  EXPECT_EQ(ev.dossiers[3].decision, Decision::not_funded);
  EXPECT_EQ(ev.allocated, euros(100000));
  EXPECT_EQ(ev.remaining, Money());
}

TEST(PriorityPolicy, MinGrantRefusesASmallPartialGrantThenALaterSmallerCapIsFundedInFull) {
  Case c;
  c.campaign.envelope = euros(80500);
  c.campaign.allocation.min_grant = euros(1000);
  c.add("A", euros(40000)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(40000)).received_on = *Date::parse_iso("2027-01-02");
  c.add("C", euros(30000)).received_on = *Date::parse_iso("2027-01-03");  // would get 500 €
  c.add("D", euros(500)).received_on = *Date::parse_iso("2027-01-04");    // a small cap, in full
  const Evaluation ev = c.run();
  EXPECT_EQ(grants_in_euros(ev), (std::vector<std::int64_t>{40000, 40000, 0, 500}));
  EXPECT_EQ(ev.dossiers[2].decision, Decision::not_funded);
  EXPECT_EQ(ev.dossiers[3].decision, Decision::funded);
  EXPECT_EQ(ev.remaining, Money());
}

TEST(PriorityPolicy, PartialGrantAtMinGrantIsKept) {
  Case c;
  c.campaign.envelope = euros(41000);
  c.campaign.allocation.min_grant = euros(1000);
  c.add("A", euros(40000)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(30000)).received_on = *Date::parse_iso("2027-01-02");
  EXPECT_EQ(grants_in_euros(c.run()), (std::vector<std::int64_t>{40000, 1000}));
}

TEST(PriorityPolicy, EuroRoundingLeavesTheCentsOfTheEnvelope) {
  Case c;
  c.campaign.envelope = Money::from_cents(5000050);
  c.add("A", euros(40000)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(30000)).received_on = *Date::parse_iso("2027-01-02");
  const Evaluation ev = c.run();
  EXPECT_EQ(grants_in_euros(ev), (std::vector<std::int64_t>{40000, 10000}));
  EXPECT_EQ(ev.remaining, Money::from_cents(50));
}

TEST(PriorityPolicy, CentRoundingSpendsTheCents) {
  Case c;
  c.campaign.envelope = Money::from_cents(5000050);
  c.campaign.allocation.rounding = Rounding::cent;
  c.add("A", euros(40000)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(30000)).received_on = *Date::parse_iso("2027-01-02");
  const Evaluation ev = c.run();
  EXPECT_EQ(ev.dossiers[1].grant, Money::from_cents(1000050));
  EXPECT_EQ(ev.remaining, Money());
}

// ---- proportional policy

TEST(ProportionalPolicy, TierThatFitsGetsItsCapsAndTheNextTierSharesTheRest) {
  Case c;
  c.campaign.allocation.policy = Policy::proportional;
  c.campaign.envelope = euros(70000);
  c.add("A", euros(30000));
  c.add("B", euros(20000));
  c.add("C", euros(30000)).training.site.insee_code = "13001";  // tier 2
  c.add("D", euros(10000)).training.site.insee_code = "13005";  // tier 2
  const Evaluation ev = c.run();
  // Tier 2 shares 20 000 € in proportion to 30 000 and 10 000: 15 000 and 5 000.
  EXPECT_EQ(ids(ev), (std::vector<std::string>{"A", "B", "C", "D"}));
  EXPECT_EQ(grants_in_euros(ev), (std::vector<std::int64_t>{30000, 20000, 15000, 5000}));
  EXPECT_EQ(ev.dossiers[2].decision, Decision::partially_funded);
}

TEST(ProportionalPolicy, UnitsLeftGoToTheLargestRemainders) {
  Case c;
  c.campaign.allocation.policy = Policy::proportional;
  c.campaign.envelope = euros(50000);
  c.add("A", euros(30000)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(20000)).received_on = *Date::parse_iso("2027-01-02");
  c.add("C", euros(10000)).received_on = *Date::parse_iso("2027-01-03");
  c.add("D", euros(5000)).training.site.insee_code = "13001";  // tier 2: nothing left
  // 30000·50000/60000 = 25000 (remainder 0), 20000·5/6 = 16666,67 (0,67), 10000·5/6 = 8333,33 (0,33):
  // one euro left, to B.
  const Evaluation ev = c.run();
  EXPECT_EQ(grants_in_euros(ev), (std::vector<std::int64_t>{25000, 16667, 8333, 0}));
  EXPECT_EQ(ev.allocated, euros(50000));
  EXPECT_EQ(ev.dossiers[3].decision, Decision::not_funded);
}

TEST(ProportionalPolicy, EqualRemaindersGoInPriorityOrder) {
  Case c;
  c.campaign.allocation.policy = Policy::proportional;
  c.campaign.envelope = euros(20000);
  c.add("C", euros(10000)).received_on = *Date::parse_iso("2027-01-03");
  c.add("A", euros(10000)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(10000)).received_on = *Date::parse_iso("2027-01-02");
  const Evaluation ev = c.run();
  EXPECT_EQ(ids(ev), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(grants_in_euros(ev), (std::vector<std::int64_t>{6667, 6667, 6666}));
}

TEST(ProportionalPolicy, CentRoundingSharesCents) {
  Case c;
  c.campaign.allocation.policy = Policy::proportional;
  c.campaign.allocation.rounding = Rounding::cent;
  c.campaign.envelope = euros(100);
  c.add("A", euros(100)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(100)).received_on = *Date::parse_iso("2027-01-02");
  c.add("C", euros(100)).received_on = *Date::parse_iso("2027-01-03");
  const Evaluation ev = c.run();
  EXPECT_EQ(ev.dossiers[0].grant, Money::from_cents(3334));
  EXPECT_EQ(ev.dossiers[1].grant, Money::from_cents(3333));
  EXPECT_EQ(ev.dossiers[2].grant, Money::from_cents(3333));
  EXPECT_EQ(ev.allocated, euros(100));
}

TEST(ProportionalPolicy, MinGrantDoesNotApply) {
  Case c;
  c.campaign.allocation.policy = Policy::proportional;
  c.campaign.allocation.min_grant = euros(1000);
  c.campaign.envelope = euros(1000);
  c.add("A", euros(30000)).received_on = *Date::parse_iso("2027-01-01");
  c.add("B", euros(10000)).received_on = *Date::parse_iso("2027-01-02");
  EXPECT_EQ(grants_in_euros(c.run()), (std::vector<std::int64_t>{750, 250}));
}

TEST(Allocation, NeverExceedsTheEnvelope) {
  for (Policy policy : {Policy::priority, Policy::proportional}) {
    for (std::int64_t envelope : {0, 1, 999, 12345, 77777, 200000}) {
      Case c;
      c.campaign.allocation.policy = policy;
      c.campaign.envelope = euros(envelope);
      for (int i = 0; i < 7; ++i)
        c.add("D" + std::to_string(i), euros(1000 + 3217 * i)).received_on.day = 1 + i;
      const Evaluation ev = c.run();
      Money sum;
      for (const auto& e : ev.dossiers) {
        EXPECT_LE(e.grant, *e.cap);
        sum += e.grant;
      }
      EXPECT_EQ(sum, ev.allocated);
      EXPECT_LE(ev.allocated, ev.envelope) << "envelope " << envelope;
    }
  }
}

}  // namespace
}  // namespace aap
