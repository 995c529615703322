// annexes.xlsx: checks every string, lays the sheets out, then writes them in constant-memory mode.
#include "render/xlsx/annexes.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "render/xlsx/annexes_layout.hpp"
#include "render/xlsx/sheet.hpp"
#include "render/xlsx/text_check.hpp"

namespace aap {

namespace {

using xlsx::Formats;
using xlsx::Layout;

void check_text(const std::string& file, const std::string& owner, const std::string& field,
                const std::string& value) {
  if (auto problem = xlsx::text_problem(value)) {
    throw std::runtime_error("Impossible d'écrire " + file + " : " + owner + ", champ " + field + " : " +
                             *problem);
  }
}

void check_text(const std::string& file, const std::string& owner, const std::string& field,
                const std::optional<std::string>& value) {
  if (value) check_text(file, owner, field, *value);
}

void check_campaign_texts(const std::string& file, const Campaign& campaign) {
  const std::string owner = "campagne";
  check_text(file, owner, "id", campaign.id);
  check_text(file, owner, "title", campaign.title);
  check_text(file, owner, "authority.name", campaign.authority.name);
  check_text(file, owner, "criteria.priority_territory", campaign.criteria.priority_territory);
  check_text(file, owner, "budget.chapter", campaign.budget.chapter);
  check_text(file, owner, "budget.account", campaign.budget.account);
  check_text(file, owner, "budget.function", campaign.budget.function);
  check_text(file, owner, "budget.operation", campaign.budget.operation);
}

// Only the strings the workbook shows are checked: the rest never reaches the file.
void check_dossier_texts(const std::string& file, const DossierEvaluation& evaluation, std::size_t index) {
  if (evaluation.dossier == nullptr) {
    throw std::runtime_error("Impossible d'écrire " + file + " : l'évaluation n° " +
                             std::to_string(index + 1) + " n'a pas de dossier");
  }
  const Dossier& dossier = *evaluation.dossier;
  // A dossier whose id is itself bad is named by its position and file instead.
  std::string owner = "dossier " + dossier.id;
  if (xlsx::text_problem(dossier.id)) {
    owner = "dossier n° " + std::to_string(index + 1);
    if (!dossier.source_file.empty()) owner += " (" + dossier.source_file + ")";
  }
  check_text(file, owner, "id", dossier.id);
  check_text(file, owner, "association.name", dossier.association.name);
  check_text(file, owner, "association.siret", dossier.association.siret);
  check_text(file, owner, "association.rna", dossier.association.rna);
  check_text(file, owner, "training.title", dossier.training.title);
  for (std::size_t k = 0; k < dossier.training.sessions.size(); ++k) {
    check_text(file, owner, "training.sessions[" + std::to_string(k) + "].label",
               dossier.training.sessions[k].label);
  }
  check_text(file, owner, "commune", evaluation.commune);
  check_text(file, owner, "territory", evaluation.territory);
}

int row_of(const std::vector<xlsx::Parameter>& parameters, std::string_view field) {
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    if (parameters[i].field == field) return static_cast<int>(i) + 1;  // below the header row
  }
  throw std::logic_error("paramètre absent : " + std::string(field));
}

Layout lay_out(const Campaign& campaign, const Evaluation& evaluation, Date documents_date) {
  Layout layout;
  layout.parameters = xlsx::campaign_parameters(campaign, documents_date);
  layout.envelope_row = row_of(layout.parameters, "envelope");
  layout.convention_threshold_row = row_of(layout.parameters, "loi n° 2000-321, art. 10");
  layout.dossiers_last_row = std::max<int>(1, static_cast<int>(evaluation.dossiers.size()));
  for (const DossierEvaluation& e : evaluation.dossiers) {
    if (e.grant > Money()) layout.granted.push_back(&e);
  }
  // evaluation.dossiers is by rank already; the sort only guarantees it for Répartition.
  std::stable_sort(layout.granted.begin(), layout.granted.end(),
                   [](const DossierEvaluation* a, const DossierEvaluation* b) {
                     return a->rank.value_or(0) < b->rank.value_or(0);
                   });
  for (const DossierEvaluation* e : layout.granted) layout.allocated += e->grant;
  layout.distribution_total_row = static_cast<int>(layout.granted.size()) + 1;
  return layout;
}

lxw_format* add_format(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  if (format == nullptr) throw std::bad_alloc();
  return format;
}

Formats make_formats(lxw_workbook* workbook) {
  static constexpr const char* kEuro = "#,##0.00\\ \"€\"";
  Formats f;
  f.plain = add_format(workbook);
  format_set_align(f.plain, LXW_ALIGN_VERTICAL_TOP);
  f.wrap = add_format(workbook);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.header = add_format(workbook);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(f.header, 0xD9E1F2);
  format_set_bottom(f.header, LXW_BORDER_THIN);
  f.bold = add_format(workbook);
  format_set_align(f.bold, LXW_ALIGN_VERTICAL_TOP);
  format_set_bold(f.bold);
  f.money = add_format(workbook);
  format_set_align(f.money, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.money, kEuro);
  f.money_bold = add_format(workbook);
  format_set_align(f.money_bold, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.money_bold, kEuro);
  format_set_bold(f.money_bold);
  f.date = add_format(workbook);
  format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.date, "dd/mm/yyyy");
  f.percent = add_format(workbook);
  format_set_align(f.percent, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.percent, "0.00%");
  f.percent_whole = add_format(workbook);
  format_set_align(f.percent_whole, LXW_ALIGN_VERTICAL_TOP);
  format_set_num_format(f.percent_whole, "0%");
  f.failed = add_format(workbook);
  format_set_font_color(f.failed, 0x9C0006);
  format_set_bg_color(f.failed, 0xFFC7CE);
  f.unfunded = add_format(workbook);
  format_set_font_color(f.unfunded, 0x595959);
  format_set_bg_color(f.unfunded, 0xEDEDED);
  return f;
}

std::time_t midnight_utc(Date d) {
  const std::chrono::sys_days day{std::chrono::year{d.year} / d.month / d.day};
  return static_cast<std::time_t>(
      std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count());
}

// Frees a workbook that was not closed, when an exception leaves write_annexes half-way.
struct WorkbookDeleter {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};

// Writes the five sheets and the properties; the caller removes the file when this throws.
void write_workbook(const std::string& name, const Campaign& campaign, const Evaluation& evaluation,
                    const Layout& layout, Date documents_date) {
  // Every sheet is written row after row, so constant memory holds (6 MB instead of 235 MB).
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  std::unique_ptr<lxw_workbook, WorkbookDeleter> workbook(workbook_new_opt(name.c_str(), &options));
  if (!workbook) throw std::runtime_error("Impossible d'écrire " + name + " : mémoire insuffisante");
  const Formats formats = make_formats(workbook.get());

  const auto add_sheet = [&](const char* sheet_name) {
    lxw_worksheet* worksheet = workbook_add_worksheet(workbook.get(), sheet_name);
    if (worksheet == nullptr) {
      throw std::runtime_error("Impossible d'écrire " + name + " : la feuille " + sheet_name +
                               " ne peut pas être créée (fichier temporaire ?)");
    }
    xlsx::Sheet sheet(worksheet, name);
    sheet.default_format(formats.plain);
    return sheet;
  };
  xlsx::Sheet synthesis = add_sheet(xlsx::kSynthesisSheet);
  xlsx::Sheet dossiers = add_sheet(xlsx::kDossiersSheet);
  xlsx::Sheet sessions = add_sheet(xlsx::kSessionsSheet);
  xlsx::Sheet distribution = add_sheet(xlsx::kDistributionSheet);
  xlsx::Sheet parameters = add_sheet(xlsx::kParametersSheet);
  xlsx::write_synthesis(synthesis, formats, layout, campaign, evaluation);
  xlsx::write_dossiers(dossiers, formats, campaign, evaluation);
  xlsx::write_sessions(sessions, formats, campaign, evaluation);
  xlsx::write_distribution(distribution, formats, layout, campaign);
  xlsx::write_parameters(parameters, formats, layout, campaign);

  std::string title = "Annexes financières — " + campaign.id;
  std::string subject = campaign.title;
  std::string authority = campaign.authority.name;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.subject = subject.data();
  properties.author = authority.data();
  properties.company = authority.data();
  // A fixed creation date makes the file byte-identical from one run to the next.
  properties.created = midnight_utc(documents_date);
  xlsx::check(workbook_set_properties(workbook.get(), &properties), name);
  xlsx::close_workbook(workbook.release(), name);
}

}  // namespace

void write_annexes(const std::filesystem::path& file, const Campaign& campaign, const Evaluation& evaluation,
                   Date documents_date) {
  const std::string name = file.string();
  check_campaign_texts(name, campaign);
  for (std::size_t i = 0; i < evaluation.dossiers.size(); ++i) {
    check_dossier_texts(name, evaluation.dossiers[i], i);
  }
  const Layout layout = lay_out(campaign, evaluation, documents_date);
  // libxlsxwriter opens the file only when closing, after all the work: find out now that it cannot.
  if (!std::ofstream(file, std::ios::binary)) xlsx::check(LXW_ERROR_CREATING_XLSX_FILE, name);
  try {
    write_workbook(name, campaign, evaluation, layout, documents_date);
  } catch (...) {
    // An empty or half-written zip is worse than none.
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    throw;
  }
}

}  // namespace aap
