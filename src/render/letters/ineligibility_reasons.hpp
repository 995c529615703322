// Why a dossier is not eligible, said as a sentence of the letter for each criterion it fails.
#pragma once

#include <string>

#include "model/campaign.hpp"
#include "model/dossier.hpp"
#include "model/evaluation.hpp"

namespace aap::letters {

/// The reason a failed eligibility criterion gives, as the end of a sentence with what was found and what
/// the framework requires ("la formation ne bénéficie d’aucun label, alors qu’un label valable au
/// 31 janvier 2027, date limite de dépôt des dossiers, est requis"); no capital, no final point.
/// A code this function does not know gives « constaté : …, requis : … ».
std::string ineligibility_reason(const Campaign& campaign, const Dossier& dossier, const DossierEvaluation& evaluation,
                                 const CriterionResult& criterion);

}  // namespace aap::letters
