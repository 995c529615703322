// A refusal states each reason with the figure found and the figure required, in a sentence the
// applicant can read (and contest): « constaté aucun label, requis valable au … » is not one.
#include "render/letters/ineligibility_reasons.hpp"

#include <algorithm>
#include <cstdint>

#include "model/criterion.hpp"
#include "text/french.hpp"

namespace aap::letters {

namespace {

std::string count_of(std::int64_t n, const char* singular, const char* plural) {
  return n == 0 ? std::string("aucun ") + singular : fr::integer(n) + " " + (n > 1 ? plural : singular);
}

std::string label_reason(const Campaign& campaign, const Training& t) {
  const std::string deadline = fr::date(campaign.calendar.deadline);
  if (!t.gen_label) {
    return "la formation ne bénéficie d’aucun label, alors qu’un label valable au " + deadline +
           ", date limite de dépôt des dossiers, est requis";
  }
  return "le label Grande École du Numérique de la formation (n° " + t.gen_label->number +
         ") n’était valable que jusqu’au " + fr::date(t.gen_label->valid_until) +
         ", alors qu’il devait l’être encore au " + deadline + ", date limite de dépôt des dossiers";
}

std::string session_reason(const Campaign& campaign, const Training& t) {
  const int required = campaign.criteria.min_low_qualified_job_seekers_per_session;
  const std::string requirement = ", alors qu’il en faut au moins " + fr::integer(required) + " par session";
  const auto smallest = std::min_element(t.sessions.begin(), t.sessions.end(), [](const Session& a, const Session& b) {
    return a.low_qualified_job_seekers < b.low_qualified_job_seekers;
  });
  if (smallest == t.sessions.end()) return "le dossier ne présente aucune session" + requirement;
  const std::string found = count_of(smallest->low_qualified_job_seekers, "demandeur d’emploi peu qualifié",
                                     "demandeurs d’emploi peu qualifiés");
  if (t.sessions.size() == 1) return "la session de la formation accueille " + found + requirement;
  const auto index = static_cast<int>(smallest - t.sessions.begin()) + 1;
  const std::string name = smallest->label && !smallest->label->empty() ? "« " + *smallest->label + " »"
                                                                         : "n° " + std::to_string(index);
  return "la session " + name + " accueille " + found + requirement;
}

std::string women_reason(const Campaign& campaign, const DossierEvaluation& e) {
  const Totals& t = e.totals;
  return "la formation accueille " + count_of(t.women, "femme", "femmes") + " sur " +
         count_of(t.trainees, "stagiaire", "stagiaires") + " (" + fr::ratio_percent(t.women, t.trainees) +
         "), alors que la part des femmes doit atteindre au moins " + fr::percent(campaign.criteria.min_women_percent);
}

std::string territory_reason(const Training& t) {
  return "le site de formation se trouve à " + t.site.city + " (code commune " + t.site.insee_code +
         "), hors du territoire de la Métropole, alors qu’il doit être situé dans l’une de ses communes";
}

}  // namespace

std::string ineligibility_reason(const Campaign& campaign, const Dossier& dossier, const DossierEvaluation& evaluation,
                                 const CriterionResult& criterion) {
  const Training& t = dossier.training;
  if (criterion.code == criterion::kGenLabel) return label_reason(campaign, t);
  if (criterion.code == criterion::kGenFree) return "la formation est payante pour les stagiaires, alors qu’elle doit être gratuite";
  if (criterion.code == criterion::kGenSessionSize) return session_reason(campaign, t);
  if (criterion.code == criterion::kGenWomen) return women_reason(campaign, evaluation);
  if (criterion.code == criterion::kMetropole) return territory_reason(t);
  return "constaté : " + criterion.observed + ", requis : " + criterion.required;
}

}  // namespace aap::letters
