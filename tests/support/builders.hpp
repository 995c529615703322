// Small builders of valid campaigns and dossiers for unit tests: each test changes only what it checks.
#pragma once

#include <string>

#include "model/campaign.hpp"
#include "model/commune.hpp"
#include "model/dossier.hpp"

namespace aap::test {

inline Campaign seed_campaign() {
  Campaign c;
  c.id = "AAP-TEST";
  c.title = "Appel à projets de test";
  c.authority.name = "Métropole Aix-Marseille-Provence";
  c.authority.city = "Marseille";
  c.envelope = Money::from_euros(250000);
  c.calendar.published_on = *Date::parse_iso("2026-12-01");
  c.calendar.deadline = *Date::parse_iso("2027-01-31");
  c.calendar.council_session = *Date::parse_iso("2027-03-12");
  // Criteria and scoring keep the seed framework's defaults (model/campaign.hpp).
  c.allocation.policy = Policy::priority;
  return c;
}

/// A dossier eligible in tier 1 (Marseille 3e, in a QPV) with one session of `trainees`.
inline Dossier eligible_dossier(std::string id, int trainees = 20) {
  Dossier d;
  d.id = std::move(id);
  d.received_on = *Date::parse_iso("2027-01-12");
  d.association.name = "Association " + d.id;
  d.association.siret = "73282932000074";
  d.training.title = "Développeur web et web mobile";
  d.training.gen_label = GenLabel{"GEN-2025-0123", *Date::parse_iso("2028-06-30")};
  d.training.free_of_charge = true;
  d.training.site = Site{std::nullopt, "13003", "Marseille", "13203", std::string("QN01312M")};
  Session s;
  s.start = *Date::parse_iso("2027-09-06");
  s.end = *Date::parse_iso("2028-03-31");
  s.trainees = trainees;
  s.women = trainees / 2;
  s.low_qualified_job_seekers = trainees;
  s.bac_or_below = trainees;
  s.qpv_residents = trainees;
  s.plie_followed = trainees;
  d.training.sessions.push_back(s);
  d.partnerships = {true, true, true};
  d.employer_partners = {"A", "B", "C"};
  d.budget.total_cost = Money::from_euros(200000);
  d.budget.requested = Money::from_euros(30000);
  return d;
}

inline CommuneTable test_communes() {
  return CommuneTable::from_rows({{"13055", "Marseille", "marseille-provence"},
                                  {"13001", "Aix-en-Provence", "pays-d-aix"},
                                  {"84089", "Pertuis", "pays-d-aix"},
                                  {"13005", "Aubagne", "pays-d-aubagne-et-de-l-etoile"}});
}

}  // namespace aap::test
