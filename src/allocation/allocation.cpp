// Caps, priority order and the sharing of the envelope.
#include "allocation/allocation.hpp"

#include <algorithm>
#include <numeric>

#include "rules/criteria.hpp"

namespace aap {
namespace {

// Caps times envelopes overflow 64 bits in cents: the products are taken on 128 bits.
__extension__ typedef __int128 Wide;

std::int64_t unit_cents(Rounding r) { return r == Rounding::euro ? 100 : 1; }

Money floor_to_unit(Money m, Rounding r) {
  const std::int64_t unit = unit_cents(r);
  return Money::from_cents(m.cents() / unit * unit);
}

Decision decision_for(Money grant, Money cap) {
  if (grant.cents() <= 0) return Decision::not_funded;
  return grant >= cap ? Decision::funded : Decision::partially_funded;
}

void allocate_priority(const AllocationRules& rules, Money envelope,
                       std::span<DossierEvaluation> eligible) {
  Money left = envelope;
  for (DossierEvaluation& e : eligible) {
    const Money cap = *e.cap;
    Money grant = floor_to_unit(std::min(cap, left), rules.rounding);
    // A partial grant too small to be useful is refused; a small cap granted in full is not.
    if (grant < cap && rules.min_grant && grant < *rules.min_grant) grant = Money();
    e.grant = grant;
    e.available = left;
    if (grant < cap) {
      e.shortfall = left.cents() < unit_cents(rules.rounding) ? Shortfall::envelope_exhausted
                    : grant.cents() == 0                       ? Shortfall::below_min_grant
                                                               : Shortfall::balance;
    }
    left -= grant;
  }
}

// One tier of the proportional policy: each gets ⌊cap·R/Σcaps⌋ units, then the units left go one by
// one to the largest remainders, ties in priority order (the span is in that order).
Money allocate_proportional_tier(const AllocationRules& rules, Money available,
                                 std::span<DossierEvaluation> tier) {
  const std::int64_t unit = unit_cents(rules.rounding);
  Wide total_caps = 0;
  for (const DossierEvaluation& e : tier) total_caps += e.cap->cents() / unit;
  const std::int64_t units = available.cents() / unit;
  for (DossierEvaluation& e : tier) e.available = available;
  if (total_caps <= units) {
    Money sum;
    for (DossierEvaluation& e : tier) {
      e.grant = *e.cap;
      sum += e.grant;
    }
    return sum;
  }
  struct Share {
    std::size_t index;
    Wide remainder;
  };
  std::vector<Share> shares;
  std::int64_t given = 0;
  for (std::size_t i = 0; i < tier.size(); ++i) {
    const Wide product = static_cast<Wide>(tier[i].cap->cents() / unit) * units;
    const auto share = static_cast<std::int64_t>(product / total_caps);
    tier[i].grant = Money::from_cents(share * unit);
    given += share;
    shares.push_back({i, product % total_caps});
  }
  std::stable_sort(shares.begin(), shares.end(),
                   [](const Share& a, const Share& b) { return a.remainder > b.remainder; });
  std::int64_t left = units - given;
  for (const Share& s : shares) {
    if (left == 0) break;
    DossierEvaluation& e = tier[s.index];
    if (e.grant.cents() + unit > e.cap->cents()) continue;
    e.grant += Money::from_cents(unit);
    --left;
  }
  Money caps;
  for (const DossierEvaluation& e : tier) caps += *e.cap;
  for (DossierEvaluation& e : tier) {
    if (e.grant >= *e.cap) continue;
    e.shortfall = units == 0 ? Shortfall::envelope_exhausted : Shortfall::pro_rata;
    if (units > 0) e.tier_caps = caps;
  }
  return Money::from_cents((units - left) * unit);
}

void allocate_proportional(const AllocationRules& rules, Money envelope,
                           std::span<DossierEvaluation> eligible) {
  Money left = envelope;
  auto begin = eligible.begin();
  while (begin != eligible.end()) {
    auto end = std::find_if(begin, eligible.end(),
                            [&](const DossierEvaluation& e) { return e.tier != begin->tier; });
    left -= allocate_proportional_tier(rules, left, std::span<DossierEvaluation>(begin, end));
    begin = end;
  }
}

}  // namespace

Money cap_of(const AllocationRules& rules, const Dossier& dossier, std::int64_t trainees) {
  Money cap = dossier.budget.requested;
  if (rules.max_per_dossier) cap = std::min(cap, *rules.max_per_dossier);
  if (rules.max_per_trainee) {
    const Wide per_trainee = static_cast<Wide>(rules.max_per_trainee->cents()) * trainees;
    if (per_trainee < cap.cents()) cap = Money::from_cents(static_cast<std::int64_t>(per_trainee));
  }
  if (rules.max_cost_share_percent) {
    const Wide share = static_cast<Wide>(dossier.budget.total_cost.cents()) *
                           rules.max_cost_share_percent->basis_points() / 10000;
    cap = std::min(cap, Money::from_cents(static_cast<std::int64_t>(share)));
  }
  return floor_to_unit(cap, rules.rounding);
}

bool comes_first(const DossierEvaluation& a, const DossierEvaluation& b) {
  if (a.tier != b.tier) return a.tier < b.tier;
  if (a.qpv_site != b.qpv_site) return a.qpv_site;
  if (a.score != b.score) return a.score > b.score;
  if (a.dossier->received_on != b.dossier->received_on)
    return a.dossier->received_on < b.dossier->received_on;
  return a.dossier->id < b.dossier->id;
}

void rank(const AllocationRules& rules, std::vector<DossierEvaluation>& dossiers) {
  auto ineligible = std::stable_partition(dossiers.begin(), dossiers.end(),
                                          [](const DossierEvaluation& e) { return e.eligible; });
  std::sort(dossiers.begin(), ineligible, comes_first);
  // The ineligible by id, then the inadmissible by id.
  std::sort(ineligible, dossiers.end(), [](const DossierEvaluation& a, const DossierEvaluation& b) {
    if (a.admissible != b.admissible) return a.admissible;
    return a.dossier->id < b.dossier->id;
  });
  int next = 1;
  for (auto it = dossiers.begin(); it != ineligible; ++it) {
    it->rank = next++;
    it->cap = cap_of(rules, *it->dossier, it->totals.trainees);
  }
  for (auto it = ineligible; it != dossiers.end(); ++it) {
    it->rank.reset();
    it->cap.reset();
  }
}

Money allocate(const AllocationRules& rules, Money envelope, std::span<DossierEvaluation> ranked) {
  auto end = std::find_if(ranked.begin(), ranked.end(),
                          [](const DossierEvaluation& e) { return !e.eligible; });
  std::span<DossierEvaluation> eligible(ranked.begin(), end);
  for (DossierEvaluation& e : ranked) {
    e.grant = Money();
    e.shortfall.reset();
    e.available.reset();
    e.tier_caps.reset();
  }
  if (rules.policy == Policy::priority)
    allocate_priority(rules, envelope, eligible);
  else
    allocate_proportional(rules, envelope, eligible);

  Money allocated;
  for (DossierEvaluation& e : ranked) {
    e.decision = e.eligible     ? decision_for(e.grant, *e.cap)
                 : e.admissible ? Decision::ineligible
                                : Decision::inadmissible;
    allocated += e.grant;
  }
  return allocated;
}

Evaluation evaluate(const Campaign& campaign, const CommuneTable& communes,
                    const std::vector<Dossier>& dossiers) {
  Evaluation ev;
  ev.campaign_id = campaign.id;
  ev.envelope = campaign.envelope;
  ev.dossiers.reserve(dossiers.size());
  for (const Dossier& d : dossiers) ev.dossiers.push_back(evaluate_criteria(campaign, communes, d));
  rank(campaign.allocation, ev.dossiers);
  ev.allocated = allocate(campaign.allocation, campaign.envelope, ev.dossiers);
  ev.remaining = ev.envelope - ev.allocated;
  return ev;
}

}  // namespace aap
