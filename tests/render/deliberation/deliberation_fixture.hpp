// Test data for the deliberation: a campaign and a hand-built evaluation with every kind of decision.
#pragma once

#include <deque>
#include <string>

#include "model/campaign.hpp"
#include "model/evaluation.hpp"

namespace aap::test::deliberation {

inline Campaign campaign() {
  Campaign c;
  c.id = "AAP-GEN-2027";
  c.title = "Appel à projets 2027 — formations labellisées Grande École du Numérique";
  c.authority.name = "Métropole Aix-Marseille-Provence";
  c.authority.council = "Conseil de Territoire Marseille Provence";
  c.authority.service = "Direction Emploi-Insertion";
  c.authority.address = {"Le Pharo", "58 boulevard Charles Livon", "13007 Marseille"};
  c.authority.city = "Marseille";
  c.authority.signatory = {"Monsieur", "Jean-Marc Dupont", "Président du Conseil de Territoire Marseille Provence"};
  c.authority.contact = {"Sophie Bernard", "aap-gen@example.fr", "04 91 00 00 00"};
  c.envelope = Money::from_euros(250000);
  c.calendar = {Date{2026, 12, 1}, Date{2027, 1, 31}, Date{2027, 3, 12}, Date{2027, 3, 20}};
  c.allocation.max_per_dossier = Money::from_euros(40000);
  c.allocation.max_per_trainee = Money::from_euros(2500);
  c.allocation.min_grant = Money::from_euros(1000);
  c.budget = {"65", "6574", "424", std::nullopt};
  c.deliberation.number = "CT1-2027-014";
  c.deliberation.commission = "Emploi, insertion et formation";
  c.deliberation.rapporteur = {"Madame", "Claire Martin"};
  c.deliberation.framework = "délibération n° CT1-2024-102 du 14 juin 2024 approuvant le cadre d’intervention financière";
  c.deliberation.delegation = "délibération n° HN 009-1214/16/CM du 17 mars 2016 du Conseil de la Métropole portant "
                              "délégation de compétences au Conseil de Territoire Marseille Provence";
  c.deliberation.convention_model = "convention type de subvention de fonctionnement (annexe 1)";
  return c;
}

/// Dossiers live in a deque so that the evaluation's pointers stay valid as it grows.
struct Run {
  std::deque<Dossier> dossiers;
  Evaluation evaluation;

  void add(const std::string& id, const std::string& association, const std::string& training,
           const std::string& commune, Decision decision, Money grant, std::optional<int> rank) {
    Dossier& d = dossiers.emplace_back();
    d.id = id;
    d.association.name = association;
    std::string digits = id.substr(5);
    while (digits.size() < 4) digits.insert(digits.begin(), '0');
    d.association.siret = "1234567890" + digits;
    d.training.title = training;
    d.training.site.city = commune;
    DossierEvaluation e;
    e.dossier = &d;
    e.commune = commune;
    e.decision = decision;
    e.eligible = decision != Decision::ineligible;
    e.rank = rank;
    e.grant = grant;
    if (decision == Decision::not_funded) {  // as the allocation records it
      e.cap = Money::from_euros(20000);
      e.available = Money();
      e.shortfall = Shortfall::envelope_exhausted;
    }
    evaluation.allocated += grant;
    evaluation.dossiers.push_back(e);
  }
};

/// Two grants above 23 000 €, one below with cents, one eligible dossier left without a grant, one
/// ineligible dossier and one invalid file.
inline Run small_run() {
  Run r;
  r.evaluation.campaign_id = "AAP-GEN-2027";
  r.evaluation.envelope = Money::from_euros(250000);
  r.add("2027-001", "Association Code & Quartiers", "Développeur web et web mobile", "Marseille", Decision::funded,
        Money::from_euros(30000), 1);
  r.add("2027-002", "Les Ateliers | du *code* #1", "Technicien d’assistance informatique", "La Ciotat",
        Decision::funded, Money::from_euros(24080), 2);
  r.add("2027-003", "Numérique pour Tous", "Médiateur numérique", "Aubagne", Decision::partially_funded,
        Money::from_cents(1250050), 3);
  r.add("2027-004", "Association Sans Crédit", "Référent digital", "Marseille", Decision::not_funded, Money(), 4);
  r.add("2027-005", "Association Inéligible", "Codeur", "Toulon", Decision::ineligible, Money(), std::nullopt);
  r.evaluation.invalid.push_back({"2027-006.json", {"2027-006.json: association.siret : invalide"}});
  r.evaluation.remaining = r.evaluation.envelope - r.evaluation.allocated;
  return r;
}

/// `n` grants of 1 000 € to 1 000 € + n − 1 €, enough rows to cross several pages.
inline Run large_run(int n) {
  Run r;
  r.evaluation.campaign_id = "AAP-GEN-2027";
  r.evaluation.envelope = Money::from_euros(250000);
  for (int i = 1; i <= n; ++i) {
    std::string id = std::to_string(i);
    id = "2027-" + std::string(4 - id.size(), '0') + id;
    r.add(id, "Association numéro " + std::to_string(i), "Développeur web", "Marseille", Decision::funded,
          Money::from_euros(1000 + i - 1), i);
  }
  r.evaluation.remaining = r.evaluation.envelope - r.evaluation.allocated;
  return r;
}

}  // namespace aap::test::deliberation
