// Small queries over an evaluation.
#include "model/evaluation.hpp"

#include <algorithm>

namespace aap {

const char* decision_code(Decision d) {
  switch (d) {
    case Decision::ineligible: return "ineligible";
    case Decision::funded: return "funded";
    case Decision::partially_funded: return "partially_funded";
    case Decision::not_funded: return "not_funded";
    case Decision::inadmissible: return "inadmissible";
  }
  return "ineligible";
}

const char* shortfall_code(Shortfall s) {
  switch (s) {
    case Shortfall::envelope_exhausted: return "envelope_exhausted";
    case Shortfall::below_min_grant: return "below_min_grant";
    case Shortfall::balance: return "balance";
    case Shortfall::pro_rata: return "pro_rata";
  }
  return "balance";
}

const CriterionResult* DossierEvaluation::find(std::string_view code) const {
  auto it = std::find_if(criteria.begin(), criteria.end(),
                         [&](const CriterionResult& c) { return c.code == code; });
  return it == criteria.end() ? nullptr : &*it;
}

std::size_t Evaluation::count(Decision d) const {
  return static_cast<std::size_t>(std::count_if(
      dossiers.begin(), dossiers.end(), [&](const DossierEvaluation& e) { return e.decision == d; }));
}

const DossierEvaluation* Evaluation::find(std::string_view id) const {
  auto it = std::find_if(dossiers.begin(), dossiers.end(),
                         [&](const DossierEvaluation& e) { return e.dossier->id == id; });
  return it == dossiers.end() ? nullptr : &*it;
}

}  // namespace aap
