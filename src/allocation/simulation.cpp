// The allocation at other envelopes: a copy of the ranked dossiers handed to allocate() once per envelope.
#include "allocation/simulation.hpp"

#include "allocation/allocation.hpp"

namespace aap {
namespace {

EnvelopeOutcome outcome_of(Money envelope, Money allocated, const std::vector<DossierEvaluation>& dossiers) {
  EnvelopeOutcome o;
  o.envelope = envelope;
  o.allocated = allocated;
  o.remaining = envelope - allocated;
  for (const DossierEvaluation& e : dossiers) {
    if (!e.eligible) continue;
    switch (e.decision) {
      case Decision::funded: ++o.funded; break;
      case Decision::partially_funded: ++o.partially_funded; break;
      case Decision::not_funded: ++o.not_funded; break;
      case Decision::ineligible:
      case Decision::inadmissible: break;
    }
    if (e.tier && *e.tier >= 2 && e.grant.cents() > 0) o.tier2_reached = true;
    if (!o.marginal && e.grant < *e.cap) {
      o.marginal = MarginalDossier{e.dossier->id, e.dossier->association.name, e.rank.value_or(0), *e.cap,
                                   e.grant, *e.cap - e.grant};
    }
  }
  return o;
}

}  // namespace

Simulation simulate(const AllocationRules& rules, const std::vector<DossierEvaluation>& ranked,
                    std::span<const Money> envelopes) {
  Simulation s;
  s.policy = rules.policy;
  for (const DossierEvaluation& e : ranked) {
    if (!e.admissible) ++s.inadmissible;
    if (!e.eligible) continue;
    ++s.eligible;
    s.all_caps += *e.cap;
    if (e.tier == 1) {
      ++s.eligible_tier1;
      s.tier1_caps += *e.cap;
    } else {
      ++s.eligible_tier2;
    }
  }
  std::vector<DossierEvaluation> work = ranked;
  for (Money envelope : envelopes) {
    const Money allocated = allocate(rules, envelope, work);
    s.outcomes.push_back(outcome_of(envelope, allocated, work));
  }
  return s;
}

}  // namespace aap
