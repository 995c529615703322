// Hand-built campaigns, dossiers and evaluations for the annexes.xlsx tests (no input parsing, no rules).
#pragma once

#include <deque>
#include <string>
#include <utility>
#include <vector>

#include "model/campaign.hpp"
#include "model/dossier.hpp"
#include "model/evaluation.hpp"

namespace aap::test {

inline Campaign annex_campaign() {
  Campaign c;
  c.id = "AAP-GEN-2027";
  c.title = "Appel à projets 2027 — formations labellisées Grande École du Numérique";
  c.authority.name = "Métropole Aix-Marseille-Provence";
  c.envelope = Money::from_euros(100000);
  c.calendar.published_on = {2026, 12, 1};
  c.calendar.deadline = {2027, 1, 31};
  c.calendar.council_session = {2027, 3, 12};
  c.allocation.max_per_dossier = Money::from_euros(40000);
  c.allocation.max_cost_share_percent = Percent::from_basis_points(8050);
  c.allocation.min_grant = Money::from_euros(1000);
  c.budget.chapter = "65";
  c.budget.account = "6574";
  c.budget.function = "90";
  return c;
}

inline Session annex_session(std::string label, int trainees, int women) {
  Session s;
  s.label = std::move(label);
  s.start = {2027, 9, 6};
  s.end = {2028, 3, 31};
  s.trainees = trainees;
  s.women = women;
  s.low_qualified_job_seekers = trainees - 1;
  s.bac_or_below = trainees - 2;
  s.qpv_residents = trainees / 2;
  s.veille_active_residents = 1;
  s.plie_followed = 3;
  return s;
}

/// Builds dossiers and their evaluations side by side; dossiers live in a deque so pointers stay valid.
class AnnexBuilder {
 public:
  AnnexBuilder() { evaluation_.campaign_id = campaign_.id; }

  Campaign& campaign() { return campaign_; }
  /// The dossier added last, to change what a test is about.
  Dossier& last_dossier() { return dossiers_.back(); }

  /// Adds a dossier with `sessions`, evaluated as given. `failed` lists the eligibility codes that fail.
  DossierEvaluation& add(std::string id, std::string association, std::vector<Session> sessions,
                         Money requested, Decision decision, Money grant,
                         std::vector<std::string> failed = {}) {
    Dossier& d = dossiers_.emplace_back();
    d.id = std::move(id);
    d.association.name = std::move(association);
    d.association.siret = "35600000000048";
    d.association.rna = "W133012345";
    d.training.title = "Développeur web et web mobile";
    d.training.site.city = "Marseille";
    d.training.sessions = std::move(sessions);
    d.budget.total_cost = Money::from_euros(95000);
    d.budget.requested = requested;
    d.source_file = "dossiers/" + d.id + ".json";

    DossierEvaluation& e = evaluation_.dossiers.emplace_back();
    e.dossier = &d;
    for (const Session& s : d.training.sessions) {
      e.totals.trainees += s.trainees;
      e.totals.women += s.women;
    }
    for (const char* code : {"GEN-LABEL", "GEN-FREE", "GEN-SESSION-SIZE", "GEN-WOMEN", "CT-METROPOLE"}) {
      CriterionResult r{code, code, true, true, 0, 0, "", ""};
      for (const std::string& f : failed) r.passed = r.passed && f != code;
      e.criteria.push_back(r);
    }
    const std::pair<const char*, int> scoring[] = {{"PRIO-QPV-SITE", 30}, {"CT-QPV-RESIDENTS", 20},
                                                   {"CT-PLIE", 0},        {"CT-PARTNERSHIP", 10},
                                                   {"CT-EMPLOYERS", 10},  {"GEN-LOW-QUALIFICATION", 0}};
    for (const auto& [code, points] : scoring) {
      e.criteria.push_back({code, code, false, points > 0, points, 30, "", ""});
      e.score += points;
    }
    e.eligible = decision != Decision::ineligible;
    e.territory = "marseille-provence";
    e.commune = "Marseille";
    e.qpv_site = true;
    if (e.eligible) {
      e.tier = 1;
      e.rank = ++rank_;
      e.cap = requested;
    }
    e.grant = grant;
    e.decision = decision;
    evaluation_.allocated += grant;
    return e;
  }

  /// The evaluation, with envelope and remaining filled in from the campaign.
  const Evaluation& evaluation() {
    evaluation_.envelope = campaign_.envelope;
    evaluation_.remaining = campaign_.envelope - evaluation_.allocated;
    return evaluation_;
  }

 private:
  Campaign campaign_ = annex_campaign();
  std::deque<Dossier> dossiers_;
  Evaluation evaluation_;
  int rank_ = 0;
};

/// Four dossiers, one per decision: funded above the 23 000 € agreement threshold, partially funded with
/// cents, not funded, and ineligible (two sessions, two failed criteria).
inline void add_four_decisions(AnnexBuilder& b) {
  b.add("2027-001", "Association Code & Quartiers", {annex_session("Session 1", 14, 5)},
        Money::from_euros(30000), Decision::funded, Money::from_euros(30000));
  b.add("2027-002", "Les Ateliers du Numérique « Sud »", {annex_session("Promo A", 12, 4)},
        Money::from_euros(20000), Decision::partially_funded, Money::from_cents(1234550));
  b.add("2027-003", "Digital Provence", {annex_session("Session 1", 10, 3)}, Money::from_euros(15000),
        Decision::not_funded, Money());
  b.add("2027-004", "Femmes & Code", {annex_session("Hiver", 8, 1), annex_session("Été", 9, 2)},
        Money::from_euros(18000), Decision::ineligible, Money(), {"GEN-WOMEN", "GEN-LABEL"});
}

}  // namespace aap::test
