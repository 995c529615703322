// Caps, priority order and the sharing of the envelope. Integer cents throughout.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "model/commune.hpp"
#include "model/campaign.hpp"
#include "model/dossier.hpp"
#include "model/evaluation.hpp"

namespace aap {

/// The least of the amount requested, the cap per dossier, the cap per trainee times T and the
/// share of the total cost; rounded down to the euro when the rounding is `euro`.
Money cap_of(const AllocationRules& rules, const Dossier& dossier, std::int64_t trainees);

/// True when `a` comes before `b` in the priority order: tier, QPV site first, score descending,
/// received_on, then id.
bool comes_first(const DossierEvaluation& a, const DossierEvaluation& b);

/// Sorts the eligible dossiers in priority order, numbers them 1, 2… and sets their cap; the
/// ineligible ones follow, by id, then the inadmissible ones, by id. Grants and decisions are left to allocate().
void rank(const AllocationRules& rules, std::vector<DossierEvaluation>& dossiers);

/// Shares `envelope` between the ranked eligible dossiers with the campaign's policy, and sets each
/// grant, decision, shortfall and available amount. Ineligible dossiers get 0. Returns the amount allocated (never above envelope).
Money allocate(const AllocationRules& rules, Money envelope, std::span<DossierEvaluation> ranked);

/// The whole evaluation of a run: criteria of every dossier, rank, caps, grants.
Evaluation evaluate(const Campaign& campaign, const CommuneTable& communes,
                    const std::vector<Dossier>& dossiers);

}  // namespace aap
