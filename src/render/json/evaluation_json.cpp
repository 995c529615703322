// evaluation.json: every figure and every decision of a run.
#include "render/json/evaluation_json.hpp"

#include "json/value.hpp"

namespace aap {

namespace {

template <class T>
json::Value or_null(const std::optional<T>& v) {
  return v ? json::Value(*v) : json::Value(nullptr);
}

}  // namespace

std::string evaluation_json(const Evaluation& ev) {
  using json::Value;
  Value root = Value::object();
  root.set("campaign", ev.campaign_id);
  root.set("envelope_cents", ev.envelope.cents());
  root.set("allocated_cents", ev.allocated.cents());
  root.set("remaining_cents", ev.remaining.cents());
  Value dossiers = Value::array();
  for (const DossierEvaluation& e : ev.dossiers) {
    Value d = Value::object();
    d.set("id", e.dossier->id);
    d.set("association", e.dossier->association.name);
    d.set("eligible", e.eligible);
    d.set("tier", or_null(e.tier));
    d.set("territory", or_null(e.territory));
    d.set("qpv_site", e.qpv_site);
    d.set("score", e.score);
    d.set("rank", or_null(e.rank));
    Value criteria = Value::array();
    for (const CriterionResult& c : e.criteria) {
      Value cj = Value::object();
      cj.set("code", c.code);
      cj.set("passed", c.passed);
      if (!c.eligibility) cj.set("points", c.points);
      cj.set("observed", c.observed);
      cj.set("required", c.required);
      criteria.push_back(std::move(cj));
    }
    d.set("criteria", std::move(criteria));
    d.set("cap_cents", e.cap ? Value(e.cap->cents()) : Value(nullptr));
    d.set("grant_cents", e.grant.cents());
    d.set("decision", decision_code(e.decision));
    d.set("shortfall", e.shortfall ? Value(shortfall_code(*e.shortfall)) : Value(nullptr));
    d.set("available_cents", e.available ? Value(e.available->cents()) : Value(nullptr));
    dossiers.push_back(std::move(d));
  }
  root.set("dossiers", std::move(dossiers));
  Value invalid = Value::array();
  for (const InvalidDossier& inv : ev.invalid) {
    Value ij = Value::object();
    ij.set("file", inv.file);
    ij.set("errors", inv.errors);
    invalid.push_back(std::move(ij));
  }
  root.set("invalid", std::move(invalid));
  return root.dump();
}

}  // namespace aap
