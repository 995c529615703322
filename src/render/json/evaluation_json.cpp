// evaluation.json: every figure and every decision of a run.
#include "render/json/evaluation_json.hpp"

#include <nlohmann/json.hpp>

namespace aap {

std::string evaluation_json(const Evaluation& ev) {
  using Json = nlohmann::ordered_json;
  Json root;
  root["campaign"] = ev.campaign_id;
  root["envelope_cents"] = ev.envelope.cents();
  root["allocated_cents"] = ev.allocated.cents();
  root["remaining_cents"] = ev.remaining.cents();
  Json dossiers = Json::array();
  for (const DossierEvaluation& e : ev.dossiers) {
    Json d;
    d["id"] = e.dossier->id;
    d["association"] = e.dossier->association.name;
    d["eligible"] = e.eligible;
    d["tier"] = e.tier ? Json(*e.tier) : Json(nullptr);
    d["territory"] = e.territory ? Json(*e.territory) : Json(nullptr);
    d["qpv_site"] = e.qpv_site;
    d["score"] = e.score;
    d["rank"] = e.rank ? Json(*e.rank) : Json(nullptr);
    Json criteria = Json::array();
    for (const CriterionResult& c : e.criteria) {
      Json cj;
      cj["code"] = c.code;
      cj["passed"] = c.passed;
      if (!c.eligibility) cj["points"] = c.points;
      cj["observed"] = c.observed;
      cj["required"] = c.required;
      criteria.push_back(std::move(cj));
    }
    d["criteria"] = std::move(criteria);
    d["cap_cents"] = e.cap ? Json(e.cap->cents()) : Json(nullptr);
    d["grant_cents"] = e.grant.cents();
    d["decision"] = decision_code(e.decision);
    d["shortfall"] = e.shortfall ? Json(shortfall_code(*e.shortfall)) : Json(nullptr);
    d["available_cents"] = e.available ? Json(e.available->cents()) : Json(nullptr);
    dossiers.push_back(std::move(d));
  }
  root["dossiers"] = std::move(dossiers);
  Json invalid = Json::array();
  for (const InvalidDossier& inv : ev.invalid) {
    Json ij;
    ij["file"] = inv.file;
    ij["errors"] = inv.errors;
    invalid.push_back(std::move(ij));
  }
  root["invalid"] = std::move(invalid);
  return root.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
}

}  // namespace aap
