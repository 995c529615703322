// The result of a run: each dossier's criteria, score, tier, rank, cap, grant and decision (SPEC §4–6).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/dossier.hpp"
#include "model/money.hpp"

namespace aap {

enum class Decision { ineligible, funded, partially_funded, not_funded };

/// "ineligible", "funded", "partially_funded", "not_funded" (the codes of evaluation.json).
const char* decision_code(Decision d);

/// Sums over every session of a dossier (SPEC §4: T, W, B, Q, P and the rest).
struct Totals {
  int trainees = 0;                   // T
  int women = 0;                      // W
  int low_qualified_job_seekers = 0;
  int bac_or_below = 0;               // B
  int qpv_or_veille_residents = 0;    // Q
  int plie_followed = 0;              // P
};

struct CriterionResult {
  std::string code;        // "GEN-WOMEN", "PRIO-QPV-SITE"…
  std::string label;       // French, for documents: "Part de femmes"
  bool eligibility = false;  // an eligibility criterion (else a scoring one)
  bool passed = false;
  int points = 0;          // scoring criteria: points awarded; 0 for eligibility ones
  int max_points = 0;      // scoring criteria: the weight
  std::string observed;    // "5 / 14 (35,71 %)"
  std::string required;    // "≥ 30 %"
};

struct DossierEvaluation {
  const Dossier* dossier = nullptr;  // owned by the run's dossier list
  Totals totals;
  std::vector<CriterionResult> criteria;  // the five eligibility codes, then the six scoring codes
  bool eligible = false;
  std::optional<std::string> territory;  // null outside the Métropole
  std::optional<std::string> commune;    // the commune's name when known
  std::optional<int> tier;               // null when ineligible
  bool qpv_site = false;
  int score = 0;
  std::optional<int> rank;               // 1, 2… in priority order; null when ineligible
  std::optional<Money> cap;              // null when ineligible
  Money grant;
  Decision decision = Decision::ineligible;

  const CriterionResult* find(std::string_view code) const;
};

struct InvalidDossier {
  std::string file;
  std::vector<std::string> errors;  // each as Diagnostic::to_string()
};

struct Evaluation {
  std::string campaign_id;
  Money envelope;
  Money allocated;
  Money remaining;
  /// By rank, then the ineligible ones by id (SPEC §6).
  std::vector<DossierEvaluation> dossiers;
  std::vector<InvalidDossier> invalid;

  std::size_t count(Decision d) const;
  const DossierEvaluation* find(std::string_view id) const;
};

}  // namespace aap
