// The draft deliberation: counts, distribution and blanks from the campaign and the evaluation.
#include "render/deliberation/deliberation.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "model/convention.hpp"
#include "render/actes/actes_envelope.hpp"
#include "render/letters/addressing.hpp"
#include "render/letters/campaign_context.hpp"
#include "render/letters/letter.hpp"
#include "render/markup/markup.hpp"
#include "render/notice/notice.hpp"
#include "render/template/problem_list.hpp"
#include "text/french.hpp"

namespace aap::deliberation {

using tpl::Value;

namespace {

// A deliberation or budget field left out prints as a blank for the legal service to fill.
constexpr const char* kBlank = "……";

std::string or_blank(const std::optional<std::string>& s) { return s && !s->empty() ? *s : kBlank; }

std::string count(std::size_t n) { return fr::integer(static_cast<std::int64_t>(n)); }

// "1 pour une partie seulement de son montant maximal", "2 … de leur …": the report's clause after « dont ».
std::string partial_text(std::size_t n) {
  return count(n) + " pour une partie seulement de " + (n > 1 ? "leur" : "son") + " montant maximal";
}

std::string rapporteur_text(const Rapporteur& r) {
  if (!r.name || r.name->empty()) return r.civility && !r.civility->empty() ? *r.civility + " " + kBlank : kBlank;
  const std::string name = letters::signatory_name(*r.name);
  return r.civility && !r.civility->empty() ? *r.civility + " " + name : name;
}

const Dossier& dossier_of(const DossierEvaluation& e) {
  if (e.dossier == nullptr) throw std::invalid_argument("deliberation: a granted evaluation without its dossier");
  return *e.dossier;
}

// The grants of the distribution: grant > 0, in rank order (evaluation.json's order is by rank already;
// sorting again keeps the table right whatever order the caller used).
std::vector<const DossierEvaluation*> granted(const Evaluation& evaluation) {
  std::vector<const DossierEvaluation*> out;
  for (const DossierEvaluation& e : evaluation.dossiers) {
    if (e.grant > Money()) out.push_back(&e);
  }
  std::stable_sort(out.begin(), out.end(), [](const DossierEvaluation* a, const DossierEvaluation* b) {
    return a->rank.value_or(0) < b->rank.value_or(0);
  });
  return out;
}

Value beneficiary(const DossierEvaluation& e) {
  const Dossier& d = dossier_of(e);
  return Value()
      .set("rang", e.rank ? std::to_string(*e.rank) : "")
      .set("id", d.id)
      .set("association", d.association.name)
      .set("siret", d.association.siret)
      .set("formation", d.training.title)
      .set("commune", e.commune.value_or(d.training.site.city))
      .set("montant", fr::money(e.grant))
      .set("montant_lettres", fr::money_in_words(e.grant))
      .set("convention", Value::flag(e.grant > kConventionThreshold));
}

// An eligible dossier that gets nothing, with its own reason: the report says why, never « the
// envelope being exhausted » when something was left.
Value unfunded(const DossierEvaluation& e) {
  const Dossier& d = dossier_of(e);
  const auto is = [&](Shortfall s) { return Value::flag(e.shortfall == s); };
  return Value()
      .set("rang", e.rank ? std::to_string(*e.rank) : "")
      .set("id", d.id)
      .set("association", d.association.name)
      .set("plafond", e.cap ? fr::money(*e.cap) : "")
      .set("disponible", e.available ? fr::money(*e.available) : "")
      .set("enveloppe_epuisee", is(Shortfall::envelope_exhausted))
      .set("sous_minimum", is(Shortfall::below_min_grant))
      .set("prorata", is(Shortfall::pro_rata));
}

// A campaign's sample evaluation for the start-up check: two grants, one above the convention threshold, an
// eligible dossier ranked between them without a grant (every list non-empty, every section reachable), an
// ineligible dossier and an invalid file.
// The evaluation points into the dossiers' buffer: a move keeps it, a copy would not.
struct Sample {
  Sample() = default;
  Sample(const Sample&) = delete;
  Sample(Sample&&) = default;

  std::vector<Dossier> dossiers;
  Evaluation evaluation;
};
static_assert(!std::is_copy_constructible_v<Sample>);

Sample sample(const Campaign& campaign) {
  Sample s;
  s.dossiers.resize(4);
  const char* names[] = {"Association Exemple & Cie", "Les Ateliers | du *code*", "Association Inéligible",
                         "Association Sans Subvention"};
  for (std::size_t i = 0; i < s.dossiers.size(); ++i) {
    Dossier& d = s.dossiers[i];
    d.id = "2027-00" + std::to_string(i + 1);
    d.received_on = campaign.calendar.deadline;
    d.association.name = names[i];
    d.association.siret = "0000000000000" + std::to_string(i);
    d.training.title = "Développeur web et web mobile";
    d.training.site = {std::nullopt, "13003", "Marseille", "13203", std::nullopt};
  }
  Evaluation& e = s.evaluation;
  e.campaign_id = campaign.id;
  e.envelope = campaign.envelope;
  const Money grants[] = {Money::from_euros(30000), Money::from_cents(1250050), Money(), Money()};
  const int ranks[] = {1, 3, 0, 2};
  for (std::size_t i = 0; i < s.dossiers.size(); ++i) {
    DossierEvaluation d;
    d.dossier = &s.dossiers[i];
    d.eligible = i != 2;
    d.commune = "Marseille";
    if (d.eligible) {
      d.rank = ranks[i];
      d.tier = 1;
      d.cap = i == 3 ? Money::from_euros(20000) : grants[i];
      d.available = i == 3 ? Money::from_euros(500) : grants[i];
    }
    d.grant = i == 3 ? Money() : grants[i];
    d.decision = i == 0   ? Decision::funded
                 : i == 1 ? Decision::partially_funded
                 : i == 2 ? Decision::ineligible
                          : Decision::not_funded;
    if (i == 3) d.shortfall = Shortfall::below_min_grant;
    e.allocated += d.grant;
    e.dossiers.push_back(d);
  }
  e.remaining = e.envelope - e.allocated;
  e.invalid.push_back({"exemple.json", {"exemple.json: association.siret : invalide"}});
  return s;
}

}  // namespace

Value deliberation_values(const Campaign& campaign, const Evaluation& evaluation, Date documents_date) {
  Value root = notice::notice_values(campaign, documents_date);

  const DeliberationInfo& info = campaign.deliberation;
  Value deliberation = root.get("deliberation") ? *root.get("deliberation") : Value();
  deliberation.set("commission", or_blank(info.commission))
      .set("rapporteur", rapporteur_text(info.rapporteur))
      .set("cadre", info.framework && !info.framework->empty()
                        ? *info.framework
                        : std::string("délibération n° ") + kBlank + " du " + kBlank +
                              " approuvant le cadre d’intervention financière")
      .set("annee", std::to_string(campaign.calendar.council_session.year))
      // The Conseil de Territoire decides by delegation of the Conseil de la Métropole: the visa names
      // that act, or leaves its number and date for the legal service to fill.
      .set("delegation", info.delegation && !info.delegation->empty()
                             ? *info.delegation
                             : std::string("délibération n° ") + kBlank + " du " + kBlank +
                                   " du Conseil de la Métropole portant délégation de compétences au " +
                                   campaign.authority.council)
      .set("modele_convention", or_blank(info.convention_model));
  root.set("deliberation", std::move(deliberation));

  const bool madame = campaign.authority.signatory.civility == "Madame";
  root.set("president", Value()
                            .set("appel", madame ? "Madame la Présidente" : "Monsieur le Président")
                            .set("autorise", madame ? "autorisée" : "autorisé"));

  const Budget& b = campaign.budget;
  root.set("budget", Value()
                         .set("chapitre", or_blank(b.chapter))
                         .set("compte", or_blank(b.account))
                         .set("fonction", or_blank(b.function))
                         .set("operation", or_blank(b.operation))
                         .set("a_operation", Value::flag(b.operation && !b.operation->empty())));

  const std::vector<const DossierEvaluation*> grants = granted(evaluation);
  const std::size_t eligible = static_cast<std::size_t>(
      std::count_if(evaluation.dossiers.begin(), evaluation.dossiers.end(), [](const DossierEvaluation& e) { return e.eligible; }));
  // Received after the deadline: irrecevable, counted apart from the invalid files and from the
  // ineligible dossiers.
  const std::size_t late = evaluation.count(Decision::inadmissible);
  const std::size_t admissible = evaluation.dossiers.size() - late;
  const std::size_t partial = evaluation.count(Decision::partially_funded);
  root.set("dossiers", Value()
                           .set("recus", count(evaluation.dossiers.size() + evaluation.invalid.size()))
                           .set("irrecevables", count(evaluation.invalid.size()))
                           .set("hors_delai", count(late))
                           .set("a_hors_delai", Value::flag(late > 0))
                           .set("recevables", count(admissible))
                           .set("eligibles", count(eligible))
                           .set("ineligibles", count(admissible - eligible))
                           .set("finances", count(grants.size()))
                           .set("finances_partiellement", count(partial))
                           .set("a_finances_partiellement", Value::flag(partial > 0))
                           .set("finances_partiellement_texte", partial_text(partial))
                           .set("non_finances", count(evaluation.count(Decision::not_funded))));

  Value beneficiaries = Value::list();
  Value conventions = Value::list();
  Money total;
  bool without_convention = false;
  for (const DossierEvaluation* e : grants) {
    total += e->grant;
    beneficiaries.push(beneficiary(*e));
    if (e->grant > kConventionThreshold) {
      conventions.push(beneficiary(*e));
    } else {
      without_convention = true;
    }
  }
  const bool with_conventions = !conventions.items().empty();
  // The eligible dossiers without a grant; those ranked before the last beneficiary leave a gap in the
  // table's ranks, which the act explains.
  Value without = Value::list();
  Value skipped = Value::list();
  const int last_rank = grants.empty() ? 0 : grants.back()->rank.value_or(0);
  for (const DossierEvaluation& e : evaluation.dossiers) {
    if (e.decision != Decision::not_funded) continue;
    without.push(unfunded(e));
    if (e.rank && *e.rank < last_rank) skipped.push(unfunded(e));
  }
  root.set("a_sans_subvention", Value::flag(!without.items().empty()));
  root.set("sans_subvention", std::move(without));
  root.set("a_rangs_omis", Value::flag(!skipped.items().empty()));
  root.set("rangs_omis", std::move(skipped));
  root.set("a_beneficiaires", Value::flag(!grants.empty()));
  root.set("beneficiaires", std::move(beneficiaries));
  root.set("a_conventions", Value::flag(with_conventions));
  root.set("a_sans_convention", Value::flag(without_convention));
  root.set("conventions", std::move(conventions));
  root.set("total", Value().set("montant", fr::money(total)).set("lettres", fr::money_in_words(total)));
  const Money rest = campaign.envelope - total;
  root.set("reste", Value().set("montant", fr::money(rest)).set("lettres", fr::money_in_words(rest)));
  // The article approving the conventions exists only when there are some; the next ones follow it.
  int next = 1;
  const auto article = [&next] { return next == 1 ? std::string(letters::ordinal(next++)) : std::to_string(next++); };
  Value articles;
  articles.set("repartition", article()).set("attribution", article()).set("versement", article());
  articles.set("conventions", with_conventions ? article() : std::string());
  articles.set("signature", article()).set("imputation", article());
  root.set("articles", std::move(articles));
  return root;
}

doc::Document build_deliberation(const tpl::TemplateSet& templates, const Campaign& campaign,
                                 const Evaluation& evaluation, Date documents_date) {
  doc::Document document;
  try {
    document.blocks = markup::parse(templates.render(kDeliberationTemplate, deliberation_values(campaign, evaluation, documents_date)));
  } catch (const markup::MarkupError& e) {
    throw tpl::TemplateError({{templates.file_of(kDeliberationTemplate), 0, 0, std::string("délibération : ") + e.what()}});
  } catch (const tpl::TemplateError& e) {
    std::vector<tpl::TemplateProblem> problems = e.problems();
    for (auto& p : problems) p.message = "délibération : " + p.message;
    throw tpl::TemplateError(std::move(problems));
  }
  const auto& number = campaign.deliberation.number;
  const std::string numero = number && !number->empty() ? "n° " + *number : std::string("n° ") + kBlank;
  document.metadata.title = "Projet de délibération " + numero + " — attribution des subventions " + campaign.id;
  document.metadata.author = campaign.authority.name;
  document.metadata.subject = campaign.title;
  document.metadata.identifier = "deliberation-" + campaign.id;
  document.metadata.date_iso = documents_date.iso();
  document.footer_left = "Projet de délibération " + numero + " — " + campaign.id;
  return document;
}

std::vector<tpl::TemplateProblem> check_deliberation_template(const tpl::TemplateSet& templates,
                                                              const Campaign& campaign) {
  const Date date = campaign.calendar.council_session;
  const Sample s = sample(campaign);
  const Value values = deliberation_values(campaign, s.evaluation, date);
  std::vector<tpl::TemplateProblem> problems = templates.check(kDeliberationTemplate, values);
  // The envelope's subject renders the Objet alone, whether the deliberation still includes it or not.
  for (const tpl::TemplateProblem& p : templates.check(actes::kObjetTemplate, values)) tpl::add_once(problems, p);
  if (!problems.empty()) return problems;
  try {
    build_deliberation(templates, campaign, s.evaluation, date);
    if (actes::actes_subject(templates, values).empty()) {
      problems.push_back({templates.file_of(actes::kObjetTemplate), 0, 0,
                          "l’objet de la délibération est vide : l’enveloppe @ctes en exige un"});
    }
  } catch (const tpl::TemplateError& e) {
    return e.problems();
  }
  return problems;
}

}  // namespace aap::deliberation
