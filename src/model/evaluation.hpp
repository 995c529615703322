// The result of a run: each dossier's criteria, score, tier, rank, cap, grant and decision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "model/dossier.hpp"
#include "model/money.hpp"

namespace aap {

enum class Decision { ineligible, funded, partially_funded, not_funded, inadmissible };

/// "ineligible", "funded", "partially_funded", "not_funded", "inadmissible" (the codes of evaluation.json).
const char* decision_code(Decision d);

/// Why an eligible dossier got less than its cap.
enum class Shortfall {
  envelope_exhausted,  // less than one rounding unit was left: nothing could be granted
  below_min_grant,     // something was left, but less than both the cap and min_grant: nothing granted
  balance,             // the dossier got all that was left, less than its cap (priority)
  pro_rata,            // the caps of its tier did not fit: every dossier of the tier reduced in proportion
};

/// "envelope_exhausted", "below_min_grant", "balance", "pro_rata" (the codes of evaluation.json).
const char* shortfall_code(Shortfall s);

/// Sums over every session of a dossier (T, W, B, Q, P and the rest), in 64 bits: no number of
/// sessions can make them wrap to a negative total that passes every percentage.
struct Totals {
  std::int64_t trainees = 0;                   // T
  std::int64_t women = 0;                      // W
  std::int64_t low_qualified_job_seekers = 0;
  std::int64_t bac_or_below = 0;               // B
  std::int64_t qpv_or_veille_residents = 0;    // Q
  std::int64_t plie_followed = 0;              // P
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
  bool admissible = true;  // received by the deadline; false makes the decision `inadmissible`
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
  std::optional<Shortfall> shortfall;  // null when the grant is the cap, and when not eligible
  // What was left of the envelope when its turn came (priority) or for its tier (proportional); null
  // when not eligible.
  std::optional<Money> available;
  std::optional<Money> tier_caps;  // pro_rata: the caps of its tier added up, the basis of the proportion

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
  /// By rank, then the ineligible ones by id, then the inadmissible ones by id.
  std::vector<DossierEvaluation> dossiers;
  std::vector<InvalidDossier> invalid;

  std::size_t count(Decision d) const;
  const DossierEvaluation* find(std::string_view id) const;
};

}  // namespace aap
