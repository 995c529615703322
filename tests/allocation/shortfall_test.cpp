// Why each eligible dossier got less than its cap, and what was left when its turn came; late
// dossiers kept out of the allocation.
#include "allocation/allocation.hpp"

#include <gtest/gtest.h>

#include "support/builders.hpp"

namespace aap {
namespace {

using test::eligible_dossier;

Money euros(std::int64_t e) { return Money::from_euros(e); }

struct Case {
  Campaign campaign = test::seed_campaign();
  std::vector<Dossier> dossiers;

  /// An eligible dossier whose cap is `cap`; same tier, QPV, score and date as the others, so ranked by id.
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

const DossierEvaluation& of(const Evaluation& ev, const char* id) {
  const DossierEvaluation* e = ev.find(id);
  if (e == nullptr) throw std::runtime_error(std::string("no dossier ") + id);
  return *e;
}

TEST(Shortfall, BelowMinGrantThoughMoneyIsLeftThenASmallCapIsFunded) {
  // The case: 4 500 € left with a 5 000 € minimum; the next two get nothing, a 4 000 € cap fits.
  Case c;
  c.campaign.envelope = euros(50000);
  c.campaign.allocation.min_grant = euros(5000);
  c.add("A", euros(45500));
  c.add("B", euros(20000));
  c.add("C", euros(10000));
  c.add("D", euros(4000));
  c.add("E", euros(3000));
  const Evaluation ev = c.run();
  EXPECT_FALSE(of(ev, "A").shortfall.has_value());
  EXPECT_EQ(of(ev, "A").available, euros(50000));
  for (const char* id : {"B", "C"}) {
    EXPECT_EQ(of(ev, id).shortfall, Shortfall::below_min_grant) << id;
    EXPECT_EQ(of(ev, id).available, euros(4500)) << id;
    EXPECT_EQ(of(ev, id).decision, Decision::not_funded) << id;
  }
  EXPECT_FALSE(of(ev, "D").shortfall.has_value());
  EXPECT_EQ(of(ev, "D").grant, euros(4000));
  EXPECT_EQ(of(ev, "D").available, euros(4500));
  // 500 € left: more than a unit, less than the cap and the minimum.
  EXPECT_EQ(of(ev, "E").shortfall, Shortfall::below_min_grant);
  EXPECT_EQ(of(ev, "E").available, euros(500));
}

TEST(Shortfall, BalanceThenExhausted) {
  Case c;
  c.campaign.envelope = euros(50000);
  c.add("A", euros(30000));
  c.add("B", euros(30000));
  c.add("C", euros(10000));
  const Evaluation ev = c.run();
  EXPECT_EQ(of(ev, "B").shortfall, Shortfall::balance);
  EXPECT_EQ(of(ev, "B").available, euros(20000));
  EXPECT_EQ(of(ev, "B").grant, euros(20000));
  EXPECT_EQ(of(ev, "C").shortfall, Shortfall::envelope_exhausted);
  EXPECT_EQ(of(ev, "C").available, Money());
}

TEST(Shortfall, LessThanOneUnitLeftIsExhausted) {
  Case c;
  c.campaign.envelope = Money::from_cents(5000050);  // 50 000,50 € rounded to the euro
  c.add("A", euros(50000));
  c.add("B", euros(1000));
  const Evaluation ev = c.run();
  EXPECT_EQ(of(ev, "B").shortfall, Shortfall::envelope_exhausted);
  EXPECT_EQ(of(ev, "B").available, Money::from_cents(50));
  // Rounded to the cent, the same 50 cents are a balance.
  c.campaign.allocation.rounding = Rounding::cent;
  const Evaluation cents = c.run();
  EXPECT_EQ(of(cents, "B").shortfall, Shortfall::balance);
  EXPECT_EQ(of(cents, "B").grant, Money::from_cents(50));
}

TEST(Shortfall, ProRataForTheWholeTierThenExhaustedForTheNext) {
  Case c;
  c.campaign.envelope = euros(30000);
  c.campaign.allocation.policy = Policy::proportional;
  c.add("A", euros(20000));
  c.add("B", euros(20000));
  Dossier& aix = c.add("C", euros(10000));
  aix.training.site = Site{std::nullopt, "13090", "Aix-en-Provence", "13001", std::nullopt};
  const Evaluation ev = c.run();
  for (const char* id : {"A", "B"}) {
    EXPECT_EQ(of(ev, id).shortfall, Shortfall::pro_rata) << id;
    EXPECT_EQ(of(ev, id).available, euros(30000)) << id;
    EXPECT_EQ(of(ev, id).tier_caps, euros(40000)) << id;
    EXPECT_EQ(of(ev, id).grant, euros(15000)) << id;
  }
  EXPECT_EQ(of(ev, "C").tier, 2);
  EXPECT_EQ(of(ev, "C").shortfall, Shortfall::envelope_exhausted);
  EXPECT_EQ(of(ev, "C").available, Money());
  EXPECT_FALSE(of(ev, "C").tier_caps.has_value());
}

TEST(Shortfall, NoneWhenTheTierFitsAndNothingForIneligibleDossiers) {
  Case c;
  c.campaign.allocation.policy = Policy::proportional;
  c.add("A", euros(20000));
  c.add("B", euros(20000)).training.free_of_charge = false;
  const Evaluation ev = c.run();
  EXPECT_FALSE(of(ev, "A").shortfall.has_value());
  EXPECT_EQ(of(ev, "A").available, euros(250000));
  EXPECT_EQ(of(ev, "B").decision, Decision::ineligible);
  EXPECT_FALSE(of(ev, "B").shortfall.has_value());
  EXPECT_FALSE(of(ev, "B").available.has_value());
}

TEST(Admissibility, ReceivedAfterTheDeadlineIsInadmissibleAndComesLast) {
  Case c;
  c.campaign.envelope = euros(100000);
  c.add("A-late", euros(30000)).received_on = Date{2027, 2, 1};
  c.add("B-deadline", euros(30000)).received_on = Date{2027, 1, 31};
  c.add("C-ineligible", euros(30000)).training.free_of_charge = false;
  const Evaluation ev = c.run();
  ASSERT_EQ(ev.dossiers.size(), 3u);
  EXPECT_EQ(ev.dossiers[0].dossier->id, "B-deadline");
  EXPECT_EQ(ev.dossiers[0].decision, Decision::funded);
  EXPECT_EQ(ev.dossiers[0].rank, 1);
  EXPECT_EQ(ev.dossiers[1].decision, Decision::ineligible);
  const DossierEvaluation& late = ev.dossiers[2];
  EXPECT_EQ(late.dossier->id, "A-late");
  EXPECT_EQ(late.decision, Decision::inadmissible);
  EXPECT_FALSE(late.admissible);
  EXPECT_FALSE(late.eligible);
  EXPECT_FALSE(late.rank.has_value());
  EXPECT_FALSE(late.cap.has_value());
  EXPECT_FALSE(late.tier.has_value());
  EXPECT_FALSE(late.shortfall.has_value());
  EXPECT_FALSE(late.available.has_value());
  EXPECT_EQ(late.grant, Money());
  EXPECT_EQ(late.criteria.size(), 11u);  // still computed, for the audit
  EXPECT_EQ(ev.allocated, euros(30000));
  EXPECT_EQ(ev.count(Decision::inadmissible), 1u);
}

}  // namespace
}  // namespace aap
