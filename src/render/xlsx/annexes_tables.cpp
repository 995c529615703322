// The three tables of annexes.xlsx: Dossiers, Sessions and Répartition, one row per dossier or session.
#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <vector>

#include "model/convention.hpp"
#include "model/criterion.hpp"
#include "model/territory.hpp"
#include "render/xlsx/annexes_layout.hpp"
#include "text/decision_label.hpp"

namespace aap::xlsx {

namespace {

struct CriterionColumn {
  const char* code;
  bool eligibility;
};

// Every criterion, in evaluation.json's order: the columns do not depend on the first dossier.
constexpr auto kCriteria = [] {
  std::array<CriterionColumn, criterion::kEligibilityCodes.size() + criterion::kScoringCodes.size()> columns{};
  std::size_t i = 0;
  for (const char* code : criterion::kEligibilityCodes) columns[i++] = {code, true};
  for (const char* code : criterion::kScoringCodes) columns[i++] = {code, false};
  return columns;
}();
constexpr int kCriteriaCount = static_cast<int>(kCriteria.size());
constexpr int kEligibilityCount = static_cast<int>(criterion::kEligibilityCodes.size());
constexpr int kFirstCriterionColumn = 10;
constexpr double kHeaderHeightPt = 45;

const char* yes_no(bool value) { return value ? "Oui" : "Non"; }

void optional_text(Sheet& sheet, int row, int column, const std::optional<std::string>& value) {
  if (value) sheet.text(row, column, *value);
}

// The commune as the letters name it: from the reference list, or the site's own city outside the Métropole.
std::string commune_of(const DossierEvaluation& e) { return e.commune.value_or(e.dossier->training.site.city); }

// A territory by its label, as the documents print it; none outside the Métropole.
std::string territory_of(const DossierEvaluation& e) {
  return e.territory ? territory_label(*e.territory) : std::string("hors Métropole");
}

// Failed eligibility criteria in red; rows not funded (not funded, ineligible, inadmissible) in grey.
void highlight_dossiers(Sheet& sheet, const Formats& formats, int last_row, int columns) {
  // The failed-criterion rule comes first, so that it wins over the row's grey.
  lxw_conditional_format failed{};
  failed.type = LXW_CONDITIONAL_TYPE_CELL;
  failed.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
  std::string no = "\"Non\"";
  failed.value_string = no.data();
  failed.format = formats.failed;
  sheet.conditional(1, kFirstCriterionColumn, last_row, kFirstCriterionColumn + kEligibilityCount - 1,
                    failed);

  const std::string decision = "$" + column_name(kDossiersDecisionColumn) + "2";
  std::string rule = "=OR(" + decision + "=\"" + decision_label(Decision::not_funded) + "\"," + decision +
                     "=\"" + decision_label(Decision::ineligible) + "\"," + decision + "=\"" +
                     decision_label(Decision::inadmissible) + "\")";
  lxw_conditional_format unfunded{};
  unfunded.type = LXW_CONDITIONAL_TYPE_FORMULA;
  unfunded.value_string = rule.data();
  unfunded.format = formats.unfunded;
  sheet.conditional(1, 0, last_row, columns - 1, unfunded);
}

}  // namespace

std::string decision_label(Decision decision) { return fr::decision_label_capitalised(decision); }

void print_sheet(Sheet& sheet, const Campaign& campaign) {
  // A header or footer holds at most 255 bytes: a campaign id that would not fit is left out.
  std::string header = "Annexes financières — " + campaign.id;
  if (header.size() > 200) header = "Annexes financières";
  sheet.print(PrintSetup{header});
}

void write_dossiers(Sheet& sheet, const Formats& formats, const Campaign& campaign,
                    const Evaluation& evaluation) {
  static constexpr const char* kFixed[] = {
      "Dossier",     "Association",    "SIRET",      "Commune",       "Territoire", "Niveau de priorité",
      "Site en QPV", "Stagiaires (T)", "Femmes (W)", "Part de femmes"};
  static constexpr const char* kTail[] = {"Score",   "Rang",       "Montant demandé",
                                          "Plafond", "Subvention", "Décision"};
  static_assert(std::size(kFixed) == kFirstCriterionColumn);
  std::vector<const char*> labels(std::begin(kFixed), std::end(kFixed));
  for (const CriterionColumn& c : kCriteria) labels.push_back(c.code);
  labels.insert(labels.end(), std::begin(kTail), std::end(kTail));
  const int columns = static_cast<int>(labels.size());
  static_assert(kFirstCriterionColumn + kCriteriaCount + 5 == kDossiersDecisionColumn);

  // As narrow as their contents allow: the sheet prints one page wide, landscape, so that every column it
  // does not need is type it can print larger (criteria hold "Oui", "Non" or points under wrapped codes).
  std::vector<double> widths = {10, 28, 15, 14, 16, 8, 6, 9, 8, 8};
  widths.resize(kFirstCriterionColumn + kCriteriaCount, 8);
  widths.insert(widths.end(), {6, 5, 12, 12, 12, 19});
  sheet.widths(widths.data(), columns);
  sheet.header(labels.data(), columns, formats.header, kHeaderHeightPt, 2);
  print_sheet(sheet, campaign);

  // In constant-memory mode a range must be set before its rows are written.
  const int rows = static_cast<int>(evaluation.dossiers.size());
  sheet.autofilter(0, 0, rows, columns - 1);
  highlight_dossiers(sheet, formats, std::max(rows, 1), columns);

  int row = 1;
  for (const DossierEvaluation& e : evaluation.dossiers) {
    const Dossier& d = *e.dossier;
    const std::string r = std::to_string(row + 1);
    const std::string commune = commune_of(e);
    const std::string territory = territory_of(e);
    sheet.row_height(row, wrapped_row_height({{d.association.name, widths[1]},
                                              {commune, widths[3]},
                                              {territory, widths[4]}}));
    sheet.text(row, 0, d.id);
    sheet.text(row, 1, d.association.name, formats.wrap);
    sheet.text(row, 2, d.association.siret);
    sheet.text(row, 3, commune, formats.wrap);
    sheet.text(row, 4, territory, formats.wrap);
    if (e.tier) sheet.integer(row, 5, *e.tier);
    sheet.text(row, 6, yes_no(e.qpv_site));
    sheet.integer(row, 7, e.totals.trainees);
    sheet.integer(row, 8, e.totals.women);
    if (e.totals.trainees > 0) {
      // Display only: the criterion itself was decided exactly, in integers.
      sheet.formula(row, 9, "=I" + r + "/H" + r,
                    static_cast<double>(e.totals.women) / static_cast<double>(e.totals.trainees),
                    formats.percent);
    }
    for (int c = 0; c < kCriteriaCount; ++c) {
      const CriterionResult* result = e.find(kCriteria[c].code);
      if (result == nullptr) continue;
      if (kCriteria[c].eligibility) {
        sheet.text(row, kFirstCriterionColumn + c, yes_no(result->passed));
      } else {
        sheet.integer(row, kFirstCriterionColumn + c, result->points);
      }
    }
    const int tail = kFirstCriterionColumn + kCriteriaCount;
    sheet.integer(row, tail, e.score);
    if (e.rank) sheet.integer(row, tail + 1, *e.rank);
    sheet.money(row, kDossiersRequestedColumn, d.budget.requested, formats.money);
    if (e.cap) sheet.money(row, tail + 3, *e.cap, formats.money);
    sheet.money(row, kDossiersGrantColumn, e.grant, formats.money);
    sheet.text(row, kDossiersDecisionColumn, decision_label(e.decision));
    ++row;
  }
}

void write_sessions(Sheet& sheet, const Formats& formats, const Campaign& campaign,
                    const Evaluation& evaluation) {
  static constexpr const char* kLabels[] = {"Dossier",
                                            "Association",
                                            "Session",
                                            "Début",
                                            "Fin",
                                            "Stagiaires",
                                            "Femmes",
                                            "Demandeurs d’emploi peu qualifiés",
                                            "Niveau bac ou infra",
                                            "Résidents QPV",
                                            "Résidents Veille Active",
                                            "Suivis PLIE"};
  static constexpr double kWidths[] = {12, 36, 18, 11, 11, 11, 9, 14, 11, 11, 11, 9};
  constexpr int kColumns = static_cast<int>(std::size(kLabels));
  sheet.widths(kWidths, kColumns);
  sheet.header(kLabels, kColumns, formats.header, kHeaderHeightPt, 2);
  print_sheet(sheet, campaign);
  std::size_t sessions = 0;
  for (const DossierEvaluation& e : evaluation.dossiers) sessions += e.dossier->training.sessions.size();
  sheet.autofilter(0, 0, static_cast<int>(sessions), kColumns - 1);

  int row = 1;
  for (const DossierEvaluation& e : evaluation.dossiers) {
    for (const Session& s : e.dossier->training.sessions) {
      sheet.row_height(row, wrapped_row_height({{e.dossier->association.name, kWidths[1]},
                                                {s.label.value_or(""), kWidths[2]}}));
      sheet.text(row, 0, e.dossier->id);
      sheet.text(row, 1, e.dossier->association.name, formats.wrap);
      if (s.label) sheet.text(row, 2, *s.label, formats.wrap);
      sheet.date(row, 3, s.start, formats.date);
      sheet.date(row, 4, s.end, formats.date);
      sheet.integer(row, 5, s.trainees);
      sheet.integer(row, 6, s.women);
      sheet.integer(row, 7, s.low_qualified_job_seekers);
      sheet.integer(row, 8, s.bac_or_below);
      sheet.integer(row, 9, s.qpv_residents);
      sheet.integer(row, 10, s.veille_active_residents);
      sheet.integer(row, 11, s.plie_followed);
      ++row;
    }
  }
}

void write_distribution(Sheet& sheet, const Formats& formats, const Layout& layout,
                        const Campaign& campaign) {
  static constexpr const char* kLabels[] = {"Rang",     "Dossier",    "Association",
                                            "SIRET",    "RNA",        "Formation",
                                            "Commune",  "Subvention", "Convention obligatoire",
                                            "Exercice", "Chapitre",   "Nature",
                                            "Fonction", "Opération"};
  static constexpr double kWidths[] = {6, 10, 30, 15, 11, 34, 16, 13, 12, 9, 9, 9, 9, 20};
  constexpr int kColumns = static_cast<int>(std::size(kLabels));
  static_assert(kDistributionGrantColumn == 7);
  sheet.widths(kWidths, kColumns);
  sheet.header(kLabels, kColumns, formats.header, kHeaderHeightPt, 3);
  print_sheet(sheet, campaign);
  // The total row stays outside the autofilter range, so that sorting never moves it.
  const int total = layout.distribution_total_row;
  sheet.autofilter(0, 0, total - 1, kColumns - 1);

  const std::string threshold =
      sheet_ref(kParametersSheet, cell_name(layout.convention_threshold_row, 1, true));
  int row = 1;
  for (const DossierEvaluation* e : layout.granted) {
    const Dossier& d = *e->dossier;
    const std::string grant_cell = cell_name(row, kDistributionGrantColumn);
    const std::string commune = commune_of(*e);
    sheet.row_height(row, wrapped_row_height({{d.association.name, kWidths[2]},
                                              {d.training.title, kWidths[5]},
                                              {commune, kWidths[6]}}));
    if (e->rank) sheet.integer(row, 0, *e->rank);
    sheet.text(row, 1, d.id);
    sheet.text(row, 2, d.association.name, formats.wrap);
    sheet.text(row, 3, d.association.siret);
    optional_text(sheet, row, 4, d.association.rna);
    sheet.text(row, 5, d.training.title, formats.wrap);
    sheet.text(row, 6, commune, formats.wrap);
    sheet.money(row, kDistributionGrantColumn, e->grant, formats.money);
    // A formula, so that a grant Finance edits here updates the column.
    sheet.formula_text(row, 8, "=IF(" + grant_cell + ">" + threshold + ",\"Oui\",\"Non\")",
                       yes_no(e->grant > kConventionThreshold));
    sheet.integer(row, 9, campaign.calendar.council_session.year);
    optional_text(sheet, row, 10, campaign.budget.chapter);
    optional_text(sheet, row, 11, campaign.budget.account);
    optional_text(sheet, row, 12, campaign.budget.function);
    optional_text(sheet, row, 13, campaign.budget.operation);
    ++row;
  }

  sheet.text(total, 0, "Total", formats.bold);
  const std::string sum = layout.granted.empty() ? std::string("=0")
                                                 : "=SUM(" + cell_name(1, kDistributionGrantColumn) + ":" +
                                                       cell_name(total - 1, kDistributionGrantColumn) + ")";
  sheet.formula(total, kDistributionGrantColumn, sum, euros(layout.allocated), formats.money_bold);
}

}  // namespace aap::xlsx
