// The framework's criterion codes: one name for each, used by the criteria that compute them, the letters
// that explain a failed one and the workbook's columns.
#pragma once

#include <array>

namespace aap::criterion {

// Eligibility: a dossier must meet every one.
inline constexpr const char* kGenLabel = "GEN-LABEL";
inline constexpr const char* kGenFree = "GEN-FREE";
inline constexpr const char* kGenSessionSize = "GEN-SESSION-SIZE";
inline constexpr const char* kGenWomen = "GEN-WOMEN";
inline constexpr const char* kMetropole = "CT-METROPOLE";
// Scoring: each met one adds its weight.
inline constexpr const char* kQpvSite = "PRIO-QPV-SITE";
inline constexpr const char* kQpvResidents = "CT-QPV-RESIDENTS";
inline constexpr const char* kPlie = "CT-PLIE";
inline constexpr const char* kPartnership = "CT-PARTNERSHIP";
inline constexpr const char* kEmployers = "CT-EMPLOYERS";
inline constexpr const char* kLowQualification = "GEN-LOW-QUALIFICATION";

/// The codes in the order every evaluation lists them: eligibility first, then scoring.
inline constexpr std::array<const char*, 5> kEligibilityCodes = {kGenLabel, kGenFree, kGenSessionSize, kGenWomen,
                                                                 kMetropole};
inline constexpr std::array<const char*, 6> kScoringCodes = {kQpvSite,    kQpvResidents, kPlie,
                                                             kPartnership, kEmployers,    kLowQualification};

}  // namespace aap::criterion
