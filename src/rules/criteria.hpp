// The framework's criteria (SPEC §4): eligibility, tier and score of one dossier, compared exactly.
#pragma once

#include <string>
#include <string_view>

#include "input/communes.hpp"
#include "model/campaign.hpp"
#include "model/dossier.hpp"
#include "model/evaluation.hpp"

namespace aap {

/// The criterion codes, in the order every evaluation lists them: eligibility first, then scoring.
inline constexpr const char* kEligibilityCodes[] = {"GEN-LABEL", "GEN-FREE", "GEN-SESSION-SIZE",
                                                    "GEN-WOMEN", "CT-METROPOLE"};
inline constexpr const char* kScoringCodes[] = {"PRIO-QPV-SITE", "CT-QPV-RESIDENTS", "CT-PLIE",
                                                "CT-PARTNERSHIP", "CT-EMPLOYERS",
                                                "GEN-LOW-QUALIFICATION"};

/// T, W, B, Q, P and the rest, summed over every session.
Totals totals_of(const Dossier& d);

/// Evaluates every criterion of one dossier: fills totals, criteria, admissible (received by the deadline),
/// eligible (admissible and every eligibility criterion met), territory, commune, tier, qpv_site and score. Rank, cap, grant and decision are the allocation's.
DossierEvaluation evaluate_criteria(const Campaign& campaign, const CommuneTable& communes,
                                    const Dossier& dossier);

/// "Marseille Provence", "Pays d’Aix"… for a territory key; the key itself when unknown.
std::string territory_label(std::string_view key);

}  // namespace aap
