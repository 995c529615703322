// The allocation at envelopes other than the campaign's, through the same allocate() as a run.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/campaign.hpp"
#include "model/evaluation.hpp"
#include "model/money.hpp"

namespace aap {

/// The first eligible dossier, in rank order, that does not get its whole cap.
struct MarginalDossier {
  std::string id;
  std::string association;
  int rank = 0;
  Money cap;
  Money grant;
  Money missing;  // cap − grant: what it lacks to be fully funded
};

/// What one envelope gives.
struct EnvelopeOutcome {
  Money envelope;
  std::size_t funded = 0;
  std::size_t partially_funded = 0;
  std::size_t not_funded = 0;
  std::optional<MarginalDossier> marginal;  // none when every eligible dossier is fully funded
  bool tier2_reached = false;                // some tier-2 dossier gets a grant
  Money allocated;
  Money remaining;
};

struct Simulation {
  Policy policy = Policy::priority;
  std::size_t eligible = 0;
  std::size_t eligible_tier1 = 0;
  std::size_t eligible_tier2 = 0;
  std::size_t inadmissible = 0;  // received after the deadline: never in the allocation
  Money tier1_caps;  // the least envelope that funds every tier-1 cap
  Money all_caps;    // the least envelope that funds every eligible cap
  std::vector<EnvelopeOutcome> outcomes;  // one per envelope, in the order given
};

/// Allocates each envelope over a copy of `ranked` (as rank() left it) with allocate(), the code a run
/// uses. Both policies fund every cap of a tier exactly when what is left reaches the sum of its caps
/// (caps are whole units of the rounding), so the two thresholds are sums of caps.
Simulation simulate(const AllocationRules& rules, const std::vector<DossierEvaluation>& ranked,
                    std::span<const Money> envelopes);

}  // namespace aap
