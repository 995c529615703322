// The notification letter: template values from the evaluation, rendering, markup, metadata.
#include "render/letters/letter.hpp"

#include <algorithm>
#include <stdexcept>
#include <type_traits>

#include "model/convention.hpp"
#include "model/criterion.hpp"
#include "model/territory.hpp"
#include "render/letters/addressing.hpp"
#include "render/letters/campaign_context.hpp"
#include "render/letters/ineligibility_reasons.hpp"
#include "render/markup/markup.hpp"
#include "render/template/problem_list.hpp"
#include "text/french.hpp"
#include "text/french_names.hpp"

namespace aap::letters {

using tpl::Value;

namespace {

// "75 / 100" joined by no-break spaces: a narrow Points column never leaves "100" alone on a line.
std::string points_out_of(int points, int max_points) {
  return std::to_string(points) + "\u00A0/\u00A0" + std::to_string(max_points);
}

std::string points_text(int points, int max_points) {
  return points_out_of(points, max_points) + (max_points > 1 ? " points" : " point");
}

Value criterion_values(const CriterionResult& c) {
  return Value()
      .set("code", c.code)
      .set("libelle", c.label)
      .set("constate", c.observed)
      .set("requis", c.required)
      .set("resultat", c.eligibility ? (c.passed ? "Satisfait" : "Non satisfait") : points_text(c.points, c.max_points))
      .set("satisfait", Value::flag(c.passed))
      .set("eligibilite", Value::flag(c.eligibility))
      .set("points_obtenus", points_out_of(c.points, c.max_points))
      .set("points", std::to_string(c.points))
      .set("points_max", std::to_string(c.max_points));
}

std::string decision_subject(Decision d) {
  switch (d) {
    case Decision::funded: return "attribution d’une subvention";
    case Decision::partially_funded: return "attribution partielle d’une subvention";
    case Decision::not_funded: return "demande de subvention non retenue";
    case Decision::ineligible: return "dossier non éligible";
    case Decision::inadmissible: return "dossier irrecevable, reçu après la date limite";
  }
  return "décision";
}

// The dossier's own reason for getting less than its cap, with its figures; every key present
// (empty or false) whatever the decision.
Value shortfall_values(const Campaign& campaign, const DossierEvaluation& e) {
  const auto is = [&](Shortfall s) { return Value::flag(e.shortfall == s); };
  const std::optional<Money>& min_grant = campaign.allocation.min_grant;
  const bool rounded = e.shortfall == Shortfall::balance && e.available && *e.available != e.grant;
  return Value()
      .set("code", e.shortfall ? shortfall_code(*e.shortfall) : "")
      .set("enveloppe_epuisee", is(Shortfall::envelope_exhausted))
      .set("sous_minimum", is(Shortfall::below_min_grant))
      .set("solde", is(Shortfall::balance))
      .set("prorata", is(Shortfall::pro_rata))
      .set("disponible", e.available ? fr::money(*e.available) : "")
      .set("solde_arrondi", Value::flag(rounded))
      .set("subvention_min", min_grant ? fr::money(*min_grant) : "")
      .set("plafonds_groupe", e.tier_caps ? fr::money(*e.tier_caps) : "")
      .set("taux", e.tier_caps && e.available && e.tier_caps->cents() > 0
                       ? fr::ratio_percent(e.available->cents(), e.tier_caps->cents())
                       : "")
      .set("niveau_2", Value::flag(e.shortfall.has_value() && e.tier == 2))
      .set("territoire_prioritaire", territory_label(campaign.criteria.priority_territory));
}

const Dossier& dossier_of(const DossierEvaluation& e) {
  if (e.dossier == nullptr) throw std::invalid_argument("build_letter: evaluation without its dossier");
  return *e.dossier;
}

}  // namespace

static_assert(!std::is_copy_constructible_v<SampleLetter> && !std::is_move_constructible_v<SampleLetter>);

SampleLetter::SampleLetter(const Campaign& campaign, Decision decision)
    : date(campaign.calendar.documents_date.value_or(campaign.calendar.council_session)) {
  Dossier& d = dossier;
  d.id = "2027-000";
  d.received_on = campaign.calendar.deadline;
  if (decision == Decision::inadmissible) d.received_on = Date{campaign.calendar.deadline.year + 1, 1, 1};
  d.association.name = "Association Exemple & Cie";
  d.association.siret = "00000000000000";
  d.association.representative = {"Madame", "Claire", "Martin", "Présidente"};
  d.association.address = {{"Bâtiment B", "12 rue de la République"}, "13002", "Marseille"};
  d.association.email = "contact@example.org";
  d.training.title = "Développeur web et web mobile";
  d.training.gen_label = GenLabel{"GEN-0000-0000", campaign.calendar.deadline};
  d.training.free_of_charge = true;
  d.training.site = {std::nullopt, "13003", "Marseille", "13203", std::nullopt};
  d.budget = {Money::from_euros(95000), Money::from_euros(30000)};
  d.source_file = "exemple.json";

  DossierEvaluation& e = evaluation;
  e.dossier = &d;
  e.totals = {14, 5, 12, 11, 6, 3};
  for (const char* code : criterion::kEligibilityCodes) {
    e.criteria.push_back({code, "Critère d’éligibilité", true, decision != Decision::ineligible, 0, 0, "5 / 14", "≥ 30 %"});
  }
  for (const char* code : criterion::kScoringCodes) {
    e.criteria.push_back({code, "Critère de classement", false, true, 10, 10, "oui", "oui"});
  }
  e.admissible = decision != Decision::inadmissible;
  e.eligible = decision != Decision::ineligible && e.admissible;
  e.territory = "marseille-provence";
  e.commune = "Marseille";
  e.score = 60;
  e.decision = decision;
  if (e.eligible) {
    e.tier = 1;
    e.rank = 3;
    e.cap = Money::from_euros(30000);
    e.grant = decision == Decision::funded             ? Money::from_euros(30000)
              : decision == Decision::partially_funded ? Money::from_euros(12500)
                                                       : Money();
    e.available = decision == Decision::funded ? campaign.envelope : e.grant;
    if (decision == Decision::partially_funded) e.shortfall = Shortfall::balance;
    if (decision == Decision::not_funded) e.shortfall = Shortfall::envelope_exhausted;
  }
}

std::string letter_template(Decision decision) {
  switch (decision) {
    case Decision::funded: return "courrier-finance";
    case Decision::partially_funded: return "courrier-finance-partiellement";
    case Decision::not_funded: return "courrier-non-finance";
    case Decision::ineligible: return "courrier-ineligible";
    case Decision::inadmissible: return "courrier-irrecevable";
  }
  return "courrier-ineligible";
}

Value letter_values(const Campaign& campaign, const DossierEvaluation& e, Date documents_date) {
  const Dossier& d = dossier_of(e);
  const Association& a = d.association;
  Value root;
  add_campaign_values(root, campaign, documents_date);
  root.set("reference", campaign.id + " / " + d.id);

  root.set("association", Value()
                              .set("nom", a.name)
                              .set("nom_avec_a", fr::after_a(a.name))
                              .set("siret", a.siret)
                              .set("rna", a.rna.value_or(""))
                              .set("courriel", a.email.value_or("")));
  const Representative& r = a.representative;
  root.set("representant", Value()
                               .set("civilite", r.civility)
                               .set("prenom", r.first_name)
                               .set("nom", r.last_name)
                               .set("fonction", r.role));
  Value address = Value::list();
  for (std::string& line : postal_address_lines(a)) address.push(std::move(line));
  root.set("destinataire", Value()
                               .set("adresse", std::move(address))
                               .set("appel", form_of_address(r))
                               .set("salutation", salutation(r))
                               .set("formule_politesse", closing_formula(r)));

  const Training& t = d.training;
  root.set("dossier", Value()
                          .set("id", d.id)
                          .set("date_reception", fr::date(d.received_on))
                          .set("formation", t.title)
                          .set("label", t.gen_label ? t.gen_label->number : "")
                          .set("a_label", Value::flag(t.gen_label.has_value()))
                          .set("commune", e.commune.value_or(t.site.city))
                          .set("territoire", e.territory ? territory_label(*e.territory) : "")
                          .set("stagiaires", fr::integer(e.totals.trainees))
                          .set("femmes", fr::integer(e.totals.women))
                          .set("cout_total", fr::money(d.budget.total_cost))
                          .set("montant_demande", fr::money(d.budget.requested))
                          .set("montant_demande_lettres", fr::money_in_words(d.budget.requested)));

  root.set("decision", Value()
                           .set("code", decision_code(e.decision))
                           .set("finance", Value::flag(e.decision == Decision::funded))
                           .set("partielle", Value::flag(e.decision == Decision::partially_funded))
                           .set("non_financee", Value::flag(e.decision == Decision::not_funded))
                           .set("ineligible", Value::flag(e.decision == Decision::ineligible))
                           .set("irrecevable", Value::flag(e.decision == Decision::inadmissible)));
  root.set("subvention", Value()
                             .set("montant", fr::money(e.grant))
                             .set("montant_lettres", fr::money_in_words(e.grant))
                             .set("plafond", e.cap ? fr::money(*e.cap) : "")
                             .set("inferieure_a_la_demande", Value::flag(e.grant < d.budget.requested)));
  root.set("manque", shortfall_values(campaign, e));
  root.set("convention", Value::flag(e.grant > kConventionThreshold));
  root.set("seuil_convention", fr::money(kConventionThreshold));
  root.set("rang", e.rank ? std::to_string(*e.rank) : "");
  root.set("rang_ordinal", e.rank ? ordinal(*e.rank) : "");
  root.set("niveau", e.tier ? std::to_string(*e.tier) : "");
  root.set("score", std::to_string(e.score));

  int score_max = 0;
  Value all = Value::list();
  Value eligibility = Value::list();
  Value scoring = Value::list();
  Value reasons = Value::list();
  for (const CriterionResult& c : e.criteria) {
    Value criterion = criterion_values(c);  // formatted once, listed up to three times
    if (c.eligibility && !c.passed) {
      Value reason = criterion;
      reason.set("motif", ineligibility_reason(campaign, d, e, c));
      reasons.push(std::move(reason));
    }
    (c.eligibility ? eligibility : scoring).push(criterion);
    all.push(std::move(criterion));
    if (!c.eligibility) score_max += c.max_points;
  }
  root.set("score_max", std::to_string(score_max));
  root.set("score_sur_max", points_out_of(e.score, score_max));
  root.set("plusieurs_motifs", Value::flag(reasons.items().size() > 1));
  root.set("criteres", std::move(all));
  root.set("criteres_eligibilite", std::move(eligibility));
  root.set("criteres_bareme", std::move(scoring));
  root.set("motifs", std::move(reasons));
  return root;
}

doc::Document build_letter(const tpl::TemplateSet& templates, const Campaign& campaign,
                           const DossierEvaluation& evaluation, Date documents_date) {
  return build_letter(templates, campaign, evaluation, documents_date,
                      letter_values(campaign, evaluation, documents_date));
}

doc::Document build_letter(const tpl::TemplateSet& templates, const Campaign& campaign,
                           const DossierEvaluation& evaluation, Date documents_date, const tpl::Value& values) {
  const Dossier& d = dossier_of(evaluation);
  const std::string name = letter_template(evaluation.decision);
  doc::Document document;
  try {
    const std::string markup = templates.render(name, values);
    document.blocks = markup::parse(markup);
  } catch (const markup::MarkupError& e) {
    throw tpl::TemplateError({{templates.file_of(name), 0, 0, "courrier du dossier " + d.id + " : " + e.what()}});
  } catch (const tpl::TemplateError& e) {
    std::vector<tpl::TemplateProblem> problems = e.problems();
    for (auto& p : problems) p.message = "courrier du dossier " + d.id + " : " + p.message;
    throw tpl::TemplateError(std::move(problems));
  }
  document.metadata.title = "Notification de décision — dossier " + d.id;
  document.metadata.author = campaign.authority.name;
  document.metadata.subject = campaign.title + " — " + decision_subject(evaluation.decision);
  document.metadata.identifier = d.id;
  document.metadata.date_iso = documents_date.iso();
  document.footer_left = "Réf. " + campaign.id + " / " + d.id;
  return document;
}

std::vector<tpl::TemplateProblem> check_letter_templates(const tpl::TemplateSet& templates,
                                                         const Campaign& campaign) {
  std::vector<tpl::TemplateProblem> problems;
  const auto add = [&](const tpl::TemplateProblem& p) { tpl::add_once(problems, p); };
  const SampleLetter reference(campaign, Decision::ineligible);
  const Date date = reference.date;
  const Value values = letter_values(campaign, reference.evaluation, date);
  for (const Decision d : {Decision::funded, Decision::partially_funded, Decision::not_funded, Decision::ineligible,
                           Decision::inadmissible}) {
    const std::vector<tpl::TemplateProblem> found = templates.check(letter_template(d), values);
    for (const auto& p : found) add(p);
    if (!found.empty()) continue;
    // The names are right; the markup they produce must parse too.
    const SampleLetter s(campaign, d);
    try {
      build_letter(templates, campaign, s.evaluation, date);
    } catch (const tpl::TemplateError& e) {
      for (const auto& p : e.problems()) add(p);
    }
  }
  return problems;
}

}  // namespace aap::letters
