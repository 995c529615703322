// Synthèse (totals as formulas over the other sheets) and Paramètres (every campaign value used).
#include <string>

#include "model/convention.hpp"
#include "model/territory.hpp"
#include "render/xlsx/annexes_layout.hpp"

namespace aap::xlsx {

namespace {

Parameter money_or_none(std::string label, std::string field, const std::optional<Money>& value,
                        const char* none) {
  if (value) return {std::move(label), std::move(field), *value};
  return {std::move(label), std::move(field), std::string(none)};
}

Parameter text_or_blank(std::string label, std::string field, const std::optional<std::string>& value) {
  if (value) return {std::move(label), std::move(field), *value};
  return {std::move(label), std::move(field), std::monostate{}};
}

std::int64_t whole(int value) { return value; }

}  // namespace

std::vector<Parameter> campaign_parameters(const Campaign& c, Date documents_date) {
  const Criteria& k = c.criteria;
  const Scoring& s = c.scoring;
  const AllocationRules& a = c.allocation;
  std::vector<Parameter> p = {
      {"Identifiant de la campagne", "id", c.id},
      {"Intitulé", "title", c.title},
      {"Autorité", "authority.name", c.authority.name},
      {"Enveloppe", "envelope", c.envelope},
      {"Publication de l’appel", "calendar.published_on", c.calendar.published_on},
      {"Date limite de dépôt", "calendar.deadline", c.calendar.deadline},
      {"Séance du conseil", "calendar.council_session", c.calendar.council_session},
      {"Date des documents", "calendar.documents_date", documents_date},
      {"Demandeurs d’emploi peu qualifiés par session (minimum)",
       "criteria.min_low_qualified_job_seekers_per_session",
       whole(k.min_low_qualified_job_seekers_per_session)},
      {"Part de femmes (minimum)", "criteria.min_women_percent", k.min_women_percent},
      {"Part de stagiaires de niveau bac ou infra (cible)", "criteria.low_qualification_target_percent",
       k.low_qualification_target_percent},
      {"Part de résidents QPV ou Veille Active (cible)", "criteria.qpv_residents_target_percent",
       k.qpv_residents_target_percent},
      {"Part de suivis PLIE significative", "criteria.significant_plie_percent", k.significant_plie_percent},
      {"Entreprises partenaires (minimum)", "criteria.min_employer_partners", whole(k.min_employer_partners)},
      // By its label, as the documents print it; the field column names the key's place in the file.
      {"Territoire prioritaire", "criteria.priority_territory", territory_label(k.priority_territory)},
      {"Points pour un site en QPV", "scoring.qpv_site", whole(s.qpv_site)},
      {"Points pour les résidents QPV", "scoring.qpv_residents", whole(s.qpv_residents)},
      {"Points pour les suivis PLIE", "scoring.plie", whole(s.plie)},
      {"Points par partenariat", "scoring.partnership_each", whole(s.partnership_each)},
      {"Points pour les entreprises partenaires", "scoring.employers", whole(s.employers)},
      {"Points pour le faible niveau de qualification", "scoring.low_qualification",
       whole(s.low_qualification)},
      {"Mode de répartition", "allocation.policy",
       std::string(a.policy == Policy::priority ? "par ordre de priorité" : "proportionnelle")},
      money_or_none("Plafond par dossier", "allocation.max_per_dossier", a.max_per_dossier, "aucun"),
      money_or_none("Plafond par stagiaire", "allocation.max_per_trainee", a.max_per_trainee, "aucun"),
      a.max_cost_share_percent ? Parameter{"Part maximale du coût total", "allocation.max_cost_share_percent",
                                           *a.max_cost_share_percent}
                               : Parameter{"Part maximale du coût total", "allocation.max_cost_share_percent",
                                           std::string("aucune")},
      money_or_none("Subvention minimale", "allocation.min_grant", a.min_grant, "aucune"),
      {"Arrondi", "allocation.rounding",
       std::string(a.rounding == Rounding::euro ? "à l’euro inférieur" : "au centime")},
      {"Exercice budgétaire", "calendar.council_session (année)", whole(c.calendar.council_session.year)},
      text_or_blank("Chapitre", "budget.chapter", c.budget.chapter),
      text_or_blank("Nature (compte)", "budget.account", c.budget.account),
      text_or_blank("Fonction", "budget.function", c.budget.function),
      text_or_blank("Opération", "budget.operation", c.budget.operation),
      {"Seuil de convention obligatoire", "loi n° 2000-321, art. 10", kConventionThreshold},
  };
  return p;
}

void write_parameters(Sheet& sheet, const Formats& formats, const Layout& layout, const Campaign& campaign) {
  static constexpr const char* kLabels[] = {"Paramètre", "Valeur", "Champ du fichier de campagne"};
  static constexpr double kWidths[] = {44, 24, 32};
  sheet.widths(kWidths, 3);
  sheet.header(kLabels, 3, formats.header, 15);
  print_sheet(sheet, campaign);
  sheet.autofilter(0, 0, static_cast<int>(layout.parameters.size()), 2);
  int row = 1;
  for (const Parameter& p : layout.parameters) {
    const auto& v = p.value;
    const auto* text = std::get_if<std::string>(&v);
    sheet.row_height(row, wrapped_row_height({{p.label, kWidths[0]},
                                              {text != nullptr ? std::string_view(*text) : "", kWidths[1]},
                                              {p.field, kWidths[2]}}));
    sheet.text(row, 0, p.label, formats.wrap);
    if (text != nullptr) {
      sheet.text(row, 1, *text, formats.wrap);
    } else if (const auto* money = std::get_if<Money>(&v)) {
      sheet.money(row, 1, *money, formats.money);
    } else if (const auto* date = std::get_if<Date>(&v)) {
      sheet.date(row, 1, *date, formats.date);
    } else if (const auto* number = std::get_if<std::int64_t>(&v)) {
      sheet.integer(row, 1, *number);
    } else if (const auto* percent = std::get_if<Percent>(&v)) {
      const std::int64_t bp = percent->basis_points();
      sheet.number(row, 1, static_cast<double>(bp) / 10000.0,
                   bp % 100 == 0 ? formats.percent_whole : formats.percent);
    }
    sheet.text(row, 2, p.field, formats.wrap);
    ++row;
  }
}

void write_synthesis(Sheet& sheet, const Formats& formats, const Layout& layout, const Campaign& campaign,
                     const Evaluation& evaluation) {
  static constexpr const char* kLabels[] = {"Indicateur", "Nombre de dossiers", "Montant", "Montant demandé"};
  static constexpr double kWidths[] = {40, 12, 18, 18};
  sheet.widths(kWidths, 4);
  sheet.header(kLabels, 4, formats.header, 30);
  print_sheet(sheet, campaign);

  // Set before the rows (constant memory). Finance may edit grants in Répartition: a remainder below zero
  // means the envelope is overspent.
  lxw_conditional_format overspent{};
  overspent.type = LXW_CONDITIONAL_TYPE_CELL;
  overspent.criteria = LXW_CONDITIONAL_CRITERIA_LESS_THAN;
  overspent.value = 0;
  overspent.format = formats.failed;
  sheet.conditional(3, 2, 3, 2, overspent);

  const Money envelope = campaign.envelope;
  sheet.text(1, 0, "Enveloppe");
  sheet.formula(1, 2, "=" + sheet_ref(kParametersSheet, cell_name(layout.envelope_row, 1, true)),
                euros(envelope), formats.money);

  const int total = layout.distribution_total_row;
  sheet.text(2, 0, "Montant attribué (Répartition)");
  const std::string grants =
      sheet_ref(kDistributionSheet, cell_name(1, kDistributionGrantColumn, true) + ":" +
                                        cell_name(total - 1, kDistributionGrantColumn, true));
  sheet.formula(2, 1, layout.granted.empty() ? "=0" : "=COUNT(" + grants + ")",
                static_cast<double>(layout.granted.size()));
  sheet.formula(2, 2, "=" + sheet_ref(kDistributionSheet, cell_name(total, kDistributionGrantColumn, true)),
                euros(layout.allocated), formats.money);

  sheet.text(3, 0, "Reste disponible");
  sheet.formula(3, 2, "=C2-C3", euros(envelope - layout.allocated), formats.money);

  const auto column = [&](int c) {
    return sheet_ref(kDossiersSheet,
                     cell_name(1, c, true) + ":" + cell_name(layout.dossiers_last_row, c, true));
  };
  const std::string decisions = column(kDossiersDecisionColumn);
  // The inadmissible ones (received after the deadline) apart from the ineligible ones.
  static constexpr Decision kDecisions[] = {Decision::funded, Decision::partially_funded, Decision::not_funded,
                                            Decision::ineligible, Decision::inadmissible};
  int row = 4;
  for (Decision d : kDecisions) {
    Money granted;
    Money requested;
    std::int64_t count = 0;
    for (const DossierEvaluation& e : evaluation.dossiers) {
      if (e.decision != d) continue;
      ++count;
      granted += e.grant;
      requested += e.dossier->budget.requested;
    }
    const std::string criterion = std::string(",\"") + decision_label(d) + "\"";
    sheet.text(row, 0, decision_label(d));
    sheet.formula(row, 1, "=COUNTIF(" + decisions + criterion + ")", static_cast<double>(count));
    sheet.formula(row, 2, "=SUMIF(" + decisions + criterion + "," + column(kDossiersGrantColumn) + ")",
                  euros(granted), formats.money);
    sheet.formula(row, 3, "=SUMIF(" + decisions + criterion + "," + column(kDossiersRequestedColumn) + ")",
                  euros(requested), formats.money);
    ++row;
  }

  Money granted_all;
  Money requested_all;
  for (const DossierEvaluation& e : evaluation.dossiers) {
    granted_all += e.grant;
    requested_all += e.dossier->budget.requested;
  }
  const auto sum = [&](int c) { return "=SUM(" + cell_name(4, c) + ":" + cell_name(row - 1, c) + ")"; };
  sheet.text(row, 0, "Total des dossiers", formats.bold);
  sheet.formula(row, 1, sum(1), static_cast<double>(evaluation.dossiers.size()), formats.bold);
  sheet.formula(row, 2, sum(2), euros(granted_all), formats.money_bold);
  sheet.formula(row, 3, sum(3), euros(requested_all), formats.money_bold);
}

}  // namespace aap::xlsx
