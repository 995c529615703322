// The framework's criteria. Every threshold is compared on integers: "at least 30 %" is
// 100·W ≥ 30·T, so that exactly 30 % passes and 29 of 100 against 29 % is not lost to rounding.
#include "rules/criteria.hpp"

#include <algorithm>

#include "model/territory.hpp"
#include "text/french.hpp"

namespace aap {
namespace {

std::string ratio(std::int64_t part, std::int64_t whole) {
  return std::to_string(part) + " / " + std::to_string(whole) + " (" + fr::ratio_percent(part, whole) + ")";
}

std::string at_least(Percent p) { return "≥ " + fr::percent(p); }

CriterionResult eligibility(const char* code, const char* label, bool passed, std::string observed,
                            std::string required) {
  return CriterionResult{code, label, true, passed, 0, 0, std::move(observed), std::move(required)};
}

CriterionResult scoring(const char* code, const char* label, int weight, bool passed,
                        std::string observed, std::string required) {
  return CriterionResult{code,   label, false, passed, passed ? weight : 0, weight, std::move(observed),
                         std::move(required)};
}

std::string plural(int n, const char* singular, const char* plural_form) {
  return std::to_string(n) + " " + (n >= 2 ? plural_form : singular);
}

}  // namespace

Totals totals_of(const Dossier& d) {
  Totals t;
  for (const Session& s : d.training.sessions) {
    t.trainees += s.trainees;
    t.women += s.women;
    t.low_qualified_job_seekers += s.low_qualified_job_seekers;
    t.bac_or_below += s.bac_or_below;
    t.qpv_or_veille_residents += std::int64_t{s.qpv_residents} + s.veille_active_residents;
    t.plie_followed += s.plie_followed;
  }
  return t;
}

DossierEvaluation evaluate_criteria(const Campaign& campaign, const CommuneTable& communes,
                                    const Dossier& dossier) {
  const Criteria& crit = campaign.criteria;
  const Scoring& weights = campaign.scoring;
  const Training& training = dossier.training;

  DossierEvaluation e;
  e.dossier = &dossier;
  e.totals = totals_of(dossier);
  const Totals& t = e.totals;

  // GEN-LABEL: the label is given per training and no new one is granted since 2025, so
  // it must still be valid at the call's deadline.
  {
    const auto& label = training.gen_label;
    const bool passed = label && label->valid_until >= campaign.calendar.deadline;
    std::string observed = label ? label->number + ", valable jusqu’au " + fr::date(label->valid_until)
                                 : std::string("aucun label");
    e.criteria.push_back(eligibility(criterion::kGenLabel, "Label Grande École du Numérique en cours de validité",
                                     passed, std::move(observed),
                                     "valable au " + fr::date(campaign.calendar.deadline)));
  }
  e.criteria.push_back(eligibility(criterion::kGenFree, "Formation gratuite pour les stagiaires",
                                   training.free_of_charge,
                                   training.free_of_charge ? "gratuite" : "payante", "gratuite"));
  {
    // The smallest session decides; name it so that the letter can say which one fails.
    const auto smallest = std::min_element(
        training.sessions.begin(), training.sessions.end(), [](const Session& a, const Session& b) {
          return a.low_qualified_job_seekers < b.low_qualified_job_seekers;
        });
    const int minimum = smallest == training.sessions.end() ? 0 : smallest->low_qualified_job_seekers;
    const bool passed = smallest != training.sessions.end() &&
                        minimum >= crit.min_low_qualified_job_seekers_per_session;
    std::string observed = plural(minimum, "demandeur d’emploi peu qualifié", "demandeurs d’emploi peu qualifiés");
    if (training.sessions.size() > 1 && smallest != training.sessions.end()) {
      const auto index = static_cast<std::size_t>(smallest - training.sessions.begin());
      observed += " (" + smallest->label.value_or("session " + std::to_string(index + 1)) + ")";
    }
    e.criteria.push_back(eligibility(
        criterion::kGenSessionSize, "Demandeurs d’emploi peu qualifiés par session", passed, std::move(observed),
        "≥ " + std::to_string(crit.min_low_qualified_job_seekers_per_session) + " par session"));
  }
  e.criteria.push_back(eligibility(criterion::kGenWomen, "Part de femmes",
                                   crit.min_women_percent.reached_by(t.women, t.trainees),
                                   ratio(t.women, t.trainees), at_least(crit.min_women_percent)));
  {
    const Commune* commune = communes.find(training.site.insee_code);
    if (commune) {
      e.territory = commune->territory;
      e.commune = commune->name;
    }
    std::string observed = commune ? commune->name + " — " + territory_label(commune->territory)
                                   : training.site.city + " (code commune " + training.site.insee_code + "), hors Métropole";
    e.criteria.push_back(eligibility(criterion::kMetropole, "Site de formation dans la Métropole",
                                     commune != nullptr, std::move(observed),
                                     "commune de la Métropole"));
  }

  e.qpv_site = training.site.qpv_code.has_value();
  e.criteria.push_back(scoring(criterion::kQpvSite, "Site implanté en quartier prioritaire (QPV)",
                               weights.qpv_site, e.qpv_site,
                               e.qpv_site ? "QPV " + *training.site.qpv_code : std::string("hors QPV"),
                               "site en QPV"));
  e.criteria.push_back(scoring(
      criterion::kQpvResidents, "Résidents d’un QPV ou d’un quartier de veille active", weights.qpv_residents,
      crit.qpv_residents_target_percent.reached_by(t.qpv_or_veille_residents, t.trainees),
      ratio(t.qpv_or_veille_residents, t.trainees), at_least(crit.qpv_residents_target_percent)));
  e.criteria.push_back(scoring(criterion::kPlie, "Participants suivis par un PLIE", weights.plie,
                               crit.significant_plie_percent.reached_by(t.plie_followed, t.trainees),
                               ratio(t.plie_followed, t.trainees),
                               at_least(crit.significant_plie_percent)));
  {
    const Partnerships& p = dossier.partnerships;
    std::vector<std::string> names;
    if (p.politique_de_la_ville) names.push_back("politique de la ville");
    if (p.emploi_insertion) names.push_back("emploi-insertion");
    if (p.esr) names.push_back("enseignement supérieur et recherche");
    const int count = static_cast<int>(names.size());
    std::string observed = std::to_string(count) + " sur 3";
    for (std::size_t i = 0; i < names.size(); ++i) observed += (i == 0 ? " (" : ", ") + names[i];
    if (!names.empty()) observed += ")";
    CriterionResult c = scoring(criterion::kPartnership, "Partenariats (politique de la ville, emploi-insertion, ESR)",
                                3 * weights.partnership_each, count > 0, std::move(observed),
                                std::to_string(weights.partnership_each) + " points par partenariat");
    c.points = count * weights.partnership_each;
    e.criteria.push_back(std::move(c));
  }
  {
    const int employers = static_cast<int>(dossier.employer_partners.size());
    e.criteria.push_back(scoring(criterion::kEmployers, "Entreprises partenaires", weights.employers,
                                 employers >= crit.min_employer_partners,
                                 plural(employers, "entreprise", "entreprises"),
                                 "≥ " + std::to_string(crit.min_employer_partners)));
  }
  e.criteria.push_back(scoring(criterion::kLowQualification, "Stagiaires de niveau bac ou infra",
                               weights.low_qualification,
                               crit.low_qualification_target_percent.reached_by(t.bac_or_below, t.trainees),
                               ratio(t.bac_or_below, t.trainees),
                               at_least(crit.low_qualification_target_percent)));

  e.eligible = std::all_of(e.criteria.begin(), e.criteria.end(),
                           [](const CriterionResult& c) { return !c.eligibility || c.passed; });
  for (const CriterionResult& c : e.criteria) e.score += c.points;
  // A dossier received after the deadline is irrecevable. Its criteria stay computed for the
  // audit, but it is not examined for funding: not eligible, no tier. The deadline day itself is in time.
  e.admissible = !(campaign.calendar.deadline < dossier.received_on);
  if (!e.admissible) e.eligible = false;
  if (e.eligible) e.tier = e.territory == crit.priority_territory ? 1 : 2;
  return e;
}

}  // namespace aap
