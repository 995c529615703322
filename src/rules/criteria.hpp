// The framework's criteria: eligibility, tier and score of one dossier, compared exactly.
#pragma once

#include <string>
#include <string_view>

#include "model/campaign.hpp"
#include "model/commune.hpp"
#include "model/criterion.hpp"
#include "model/dossier.hpp"
#include "model/evaluation.hpp"

namespace aap {

/// T, W, B, Q, P and the rest, summed over every session.
Totals totals_of(const Dossier& d);

/// Evaluates every criterion of one dossier: fills totals, criteria, admissible (received by the deadline),
/// eligible (admissible and every eligibility criterion met), territory, commune, tier, qpv_site and score. Rank, cap, grant and decision are the allocation's.
DossierEvaluation evaluate_criteria(const Campaign& campaign, const CommuneTable& communes,
                                    const Dossier& dossier);

}  // namespace aap
