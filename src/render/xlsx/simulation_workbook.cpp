// simulation.xlsx with libxlsxwriter: one small sheet, written through the checked Sheet layer.
#include "render/xlsx/simulation_workbook.hpp"

#include <xlsxwriter.h>

#include <chrono>
#include <ctime>
#include <memory>
#include <stdexcept>

#include "render/xlsx/sheet.hpp"
#include "render/xlsx/text_check.hpp"

namespace aap {
namespace {

struct WorkbookDeleter {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};

lxw_format* add_format(lxw_workbook* workbook) {
  lxw_format* format = workbook_add_format(workbook);
  if (format == nullptr) throw std::bad_alloc();
  return format;
}

std::time_t midnight_utc(Date d) {
  const std::chrono::sys_days day{std::chrono::year{d.year} / d.month / d.day};
  return static_cast<std::time_t>(
      std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count());
}

constexpr const char* kLabels[] = {"Enveloppe",      "Financés", "Partiellement financés", "Non financés",
                                   "Niveau 2",       "Attribué", "Reste",                  "Rang marginal",
                                   "Dossier marginal", "Association", "Manque au dossier marginal"};
constexpr double kWidths[] = {16, 10, 13, 12, 12, 16, 16, 10, 16, 40, 16};
constexpr int kColumns = 11;

void write_rows(xlsx::Sheet& sheet, lxw_workbook* workbook, const Simulation& s) {
  lxw_format* header = add_format(workbook);
  format_set_bold(header);
  format_set_text_wrap(header);
  format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color(header, 0xD9E1F2);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* money = add_format(workbook);
  format_set_num_format(money, "#,##0.00\\ \"€\"");
  lxw_format* bold = add_format(workbook);
  format_set_bold(bold);

  sheet.widths(kWidths, kColumns);
  sheet.header(kLabels, kColumns, header, 30, 1);
  int row = 1;
  for (const EnvelopeOutcome& o : s.outcomes) {
    sheet.money(row, 0, o.envelope, money);
    sheet.integer(row, 1, static_cast<std::int64_t>(o.funded));
    sheet.integer(row, 2, static_cast<std::int64_t>(o.partially_funded));
    sheet.integer(row, 3, static_cast<std::int64_t>(o.not_funded));
    sheet.text(row, 4, s.eligible_tier2 == 0 ? "sans objet" : o.tier2_reached ? "atteint" : "non atteint");
    sheet.money(row, 5, o.allocated, money);
    sheet.money(row, 6, o.remaining, money);
    if (o.marginal) {
      sheet.integer(row, 7, o.marginal->rank);
      sheet.text(row, 8, o.marginal->id);
      sheet.text(row, 9, o.marginal->association);
      sheet.money(row, 10, o.marginal->missing, money);
    }
    ++row;
  }
  sheet.autofilter(0, 0, row - 1, kColumns - 1);
  ++row;
  sheet.text(row, 0, "Enveloppe qui finance tous les plafonds du niveau 1", bold);
  sheet.money(row, 5, s.tier1_caps, money);
  ++row;
  sheet.text(row, 0, "Enveloppe qui finance tous les plafonds des dossiers éligibles", bold);
  sheet.money(row, 5, s.all_caps, money);
}

}  // namespace

void write_simulation_workbook(const std::filesystem::path& file, const Simulation& simulation,
                               const std::string& campaign_id, Date date) {
  const std::string name = file.string();
  for (const EnvelopeOutcome& o : simulation.outcomes) {
    if (!o.marginal) continue;
    if (auto problem = xlsx::text_problem(o.marginal->association))
      throw std::runtime_error("Impossible d'écrire " + name + " : dossier " + o.marginal->id +
                               ", champ association.name : " + *problem);
  }
  std::unique_ptr<lxw_workbook, WorkbookDeleter> workbook(workbook_new(name.c_str()));
  if (!workbook) throw std::runtime_error("Impossible d'écrire " + name + " : mémoire insuffisante");
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook.get(), "Simulation");
  if (worksheet == nullptr) throw std::runtime_error("Impossible d'écrire " + name + " : feuille Simulation");
  xlsx::Sheet sheet(worksheet, name);
  write_rows(sheet, workbook.get(), simulation);

  std::string title = "Simulation de l’enveloppe — " + campaign_id;
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.created = midnight_utc(date);  // fixed, so that the same simulation gives the same bytes
  xlsx::check(workbook_set_properties(workbook.get(), &properties), name);
  xlsx::close_workbook(workbook.release(), name);
}

}  // namespace aap
