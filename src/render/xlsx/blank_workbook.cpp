// The blank dossiers workbook with libxlsxwriter (see blank_workbook.hpp). Its columns are the reader's
// (input/sheet_columns.hpp): a column added there appears here with its note, and must get its example.
#include "render/xlsx/blank_workbook.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "input/sheet_columns.hpp"
#include "model/territory.hpp"
#include "render/xlsx/sheet.hpp"
#include "render/xlsx/text_check.hpp"

#if defined(__SANITIZE_ADDRESS__)
#define AAP_LEAK_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AAP_LEAK_SANITIZER 1
#endif
#endif
#ifndef AAP_LEAK_SANITIZER
#define AAP_LEAK_SANITIZER 0
#endif
#if AAP_LEAK_SANITIZER
#include <sanitizer/lsan_interface.h>
#endif

namespace aap {
namespace {

using input::ColumnKind;
using input::SheetColumn;

struct WorkbookDeleter {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};

// Rows below the header that the lists and checks cover: room for the 10,000 dossiers a campaign may hold,
// and their sessions.
constexpr int kValidatedRows = 20'000;
constexpr const char* kExampleId = "EXEMPLE-001";

std::time_t midnight_utc(Date d) {
  const std::chrono::sys_days day{std::chrono::year{d.year} / d.month / d.day};
  return static_cast<std::time_t>(std::chrono::duration_cast<std::chrono::seconds>(day.time_since_epoch()).count());
}

/// One cell of the example dossier: text (lists, yes/no, codes), a number (amounts, counts) or a date.
struct Example {
  std::string text;
  double number = 0;
  std::optional<Date> date;
};

/// The example dossier, which `aap check` accepts: dated from `today`, its training starting next September.
Example example(std::string_view column, Date today) {
  if (column == "received_on") return {"", 0, today};
  if (column == "training.gen_label.valid_until") return {"", 0, Date{today.year + 2, 6, 30}};
  if (column == "start") return {"", 0, Date{today.year + 1, 9, 1}};
  if (column == "end") return {"", 0, Date{today.year + 2, 3, 31}};
  struct Value {
    std::string_view column;
    std::string_view text;
    double number;
  };
  static constexpr Value kValues[] = {
      {"id", kExampleId, 0},
      {"association.name", "Association Exemple pour le numérique", 0},
      {"association.siret", "88888888800003", 0},
      {"association.rna", "W133000000", 0},
      {"association.representative.civility", "Madame", 0},
      {"association.representative.first_name", "Claire", 0},
      {"association.representative.last_name", "Martin", 0},
      {"association.representative.role", "Présidente", 0},
      {"association.address.lines", "12 rue de la République ; Bâtiment B", 0},
      {"association.address.postal_code", "13002", 0},
      {"association.address.city", "Marseille", 0},
      {"association.email", "contact@association-exemple.fr", 0},
      {"training.title", "Développeur web et web mobile", 0},
      {"training.gen_label.number", "GEN-2025-0123", 0},
      {"training.free_of_charge", "oui", 0},
      {"training.site.address", "41 rue Jobin", 0},
      {"training.site.postal_code", "13003", 0},
      {"training.site.city", "Marseille", 0},
      {"training.site.insee_code", "13203", 0},
      {"training.site.qpv_code", "QN01312M", 0},
      {"partnerships.politique_de_la_ville", "oui", 0},
      {"partnerships.emploi_insertion", "non", 0},
      {"partnerships.esr", "oui", 0},
      {"employer_partners", "Entreprise A ; Entreprise B ; Entreprise C", 0},
      {"budget.total_cost", "", 95'000},
      {"budget.requested", "", 30'000},
      {"instruction.instructor", "", 0},
      {"instruction.notes", "Ligne d’exemple : remplacez-la par vos dossiers, et sa session dans la feuille Sessions.",
       0},
      {"association.short_name", "", 0},
      {"dossier_id", kExampleId, 0},
      {"label", "Session 1", 0},
      {"trainees", "", 14},
      {"women", "", 5},
      {"low_qualified_job_seekers", "", 12},
      {"bac_or_below", "", 11},
      {"qpv_residents", "", 6},
      {"veille_active_residents", "", 1},
      {"plie_followed", "", 3},
  };
  for (const Value& v : kValues) {
    if (v.column == column) return {std::string(v.text), v.number, std::nullopt};
  }
  // A column the reader gained without its example here: the blank workbook would not be accepted.
  throw std::logic_error("colonne sans exemple dans le classeur vierge : " + std::string(column));
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

/// Wide enough for the header's name in bold, and for what the column holds.
double column_width(const SheetColumn& c) {
  double content = 18;
  switch (c.kind) {
    case ColumnKind::date: content = 12; break;
    case ColumnKind::money: content = 14; break;
    case ColumnKind::count:
    case ColumnKind::boolean: content = 10; break;
    case ColumnKind::list: content = 40; break;
    case ColumnKind::text:
    case ColumnKind::nullable_text: break;
  }
  if (c.name == "association.name" || c.name == "training.title" || c.name == "training.site.address") content = 36;
  if (c.name == "association.email") content = 32;
  if (c.name == "instruction.notes") content = 60;
  return std::max(content, std::ceil(static_cast<double>(code_points(c.name)) * 1.15) + 2);
}

/// While alive (and `active`), what the process allocates is not reported as leaked by LeakSanitizer.
class LibraryLeak {
 public:
  explicit LibraryLeak([[maybe_unused]] bool active) {
#if AAP_LEAK_SANITIZER
    active_ = active;
    if (active_) __lsan_disable();
#endif
  }
  ~LibraryLeak() {
#if AAP_LEAK_SANITIZER
    if (active_) __lsan_enable();
#endif
  }
  LibraryLeak(const LibraryLeak&) = delete;
  LibraryLeak& operator=(const LibraryLeak&) = delete;

 private:
  [[maybe_unused]] bool active_ = false;
};

class BlankWorkbook {
 public:
  BlankWorkbook(lxw_workbook* workbook, const std::string& file, std::vector<Commune> codes)
      : workbook_(workbook), file_(file), codes_(std::move(codes)) {
    header_ = add_format();
    format_set_bold(header_);
    format_set_bg_color(header_, 0xD9E1F2);
    format_set_bottom(header_, LXW_BORDER_THIN);
    text_ = add_format();
    format_set_num_format(text_, "@");
    date_ = add_format();
    format_set_num_format(date_, "dd/mm/yyyy");
    money_ = add_format();
    format_set_num_format(money_, "#,##0.00\\ \"€\"");
    count_ = add_format();
    format_set_num_format(count_, "0");
    notes_ = add_format();
    format_set_num_format(notes_, "@");
    format_set_text_wrap(notes_);
  }

  lxw_worksheet* add_sheet(std::string_view name) {
    lxw_worksheet* ws = workbook_add_worksheet(workbook_, std::string(name).c_str());
    if (ws == nullptr) throw std::runtime_error("Impossible d'écrire " + file_ + " : feuille " + std::string(name));
    return ws;
  }

  /// A sheet of the reader: header with notes, formats, lists and checks, the example row.
  void data_sheet(std::string_view name, std::span<const SheetColumn> columns, Date today) {
    lxw_worksheet* ws = add_sheet(name);
    xlsx::Sheet sheet(ws, file_);
    worksheet_set_comments_author(ws, const_cast<char*>("aap"));
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const SheetColumn& c = columns[k];
      const int col = static_cast<int>(k);
      lxw_format* format = cell_format(c);
      xlsx::check(worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), column_width(c),
                                       format),
                  file_);
      sheet.text(0, col, std::string(c.name), header_);
      note(ws, col, c.note);
      validate(ws, col, c);
      const Example e = example(c.name, today);
      if (e.date) {
        sheet.date(1, col, *e.date, format);
      } else if (!e.text.empty()) {
        sheet.text(1, col, e.text, format);
      } else if (c.kind == ColumnKind::money || c.kind == ColumnKind::count) {
        sheet.number(1, col, e.number, format);
      } else {
        sheet.blank(1, col, format);  // an optional field left empty, formatted as its column
      }
    }
    // The header row stays in view, and the dossier's id beside each row; printed likewise, across.
    worksheet_freeze_panes(ws, 1, 1);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_gridlines(ws, LXW_SHOW_ALL_GRIDLINES);
    xlsx::check(worksheet_repeat_rows(ws, 0, 0), file_);
    xlsx::check(worksheet_repeat_columns(ws, 0, 0), file_);
    xlsx::check(worksheet_set_footer(ws, "&L&A&RPage &P / &N"), file_);
  }

  /// Every code the reader resolves, with its commune and territory: the source of the INSEE code's list.
  void communes_sheet() {
    lxw_worksheet* ws = add_sheet(kCommunesSheet);
    xlsx::Sheet sheet(ws, file_);
    const double widths[] = {12, 36, 36};
    sheet.widths(widths, 3);
    sheet.text(0, 0, "Code INSEE", header_);
    sheet.text(0, 1, "Commune", header_);
    sheet.text(0, 2, "Territoire", header_);
    int row = 1;
    for (const Commune& c : codes_) {
      sheet.text(row, 0, c.insee_code, text_);
      sheet.text(row, 1, c.name);
      sheet.text(row, 2, territory_label(c.territory));
      ++row;
    }
    worksheet_freeze_panes(ws, 1, 0);
    sheet.print(xlsx::PrintSetup{"Communes de la Métropole et leur code INSEE", true});
    // A list that is the source of the INSEE codes' choice: changed by hand, it would break that choice.
    worksheet_protect(ws, nullptr, nullptr);
  }

  static constexpr std::string_view kCommunesSheet = "Communes";

 private:
  lxw_format* add_format() {
    lxw_format* format = workbook_add_format(workbook_);
    if (format == nullptr) throw std::bad_alloc();
    return format;
  }

  lxw_format* cell_format(const SheetColumn& c) const {
    switch (c.kind) {
      case ColumnKind::date: return date_;
      case ColumnKind::money: return money_;
      case ColumnKind::count: return count_;
      case ColumnKind::boolean: return nullptr;
      case ColumnKind::text:
      case ColumnKind::nullable_text:
      case ColumnKind::list: return c.name == "instruction.notes" ? notes_ : text_;
    }
    return nullptr;
  }

  void note(lxw_worksheet* ws, int col, std::string_view text) {
    const std::string note(text);
    // Some 45 characters a line in a box 320 pixels wide, 13 pixels a line.
    const auto lines = static_cast<std::uint16_t>(code_points(note) / 45 + 2);
    lxw_comment_options options{};
    options.width = 320;
    options.height = static_cast<std::uint16_t>(lines * 13 + 8);
    xlsx::check(worksheet_write_comment_opt(ws, 0, static_cast<lxw_col_t>(col), note.c_str(), &options), file_);
  }

  void validate(lxw_worksheet* ws, int col, const SheetColumn& c) {
    static const char* kYesNo[] = {"oui", "non", nullptr};
    static const char* kCivilities[] = {"Madame", "Monsieur", nullptr};
    lxw_data_validation v{};
    std::string formula;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    if (c.kind == ColumnKind::boolean) {
      v.validate = LXW_VALIDATION_TYPE_LIST;
      v.value_list = const_cast<char**>(kYesNo);
      v.error_title = const_cast<char*>("oui ou non");
      v.error_message = const_cast<char*>("Choisissez oui ou non dans la liste.");
    } else if (c.name == "association.representative.civility") {
      v.validate = LXW_VALIDATION_TYPE_LIST;
      v.value_list = const_cast<char**>(kCivilities);
      // Another civility is printed as written: warned, not refused.
      v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
      v.error_title = const_cast<char*>("Civilité");
      v.error_message = const_cast<char*>(
          "Civilité attendue : Madame ou Monsieur. Une autre sera imprimée telle quelle sur le courrier.");
    } else if (c.name == "training.site.insee_code") {
      // 108 codes and their names do not fit the 255 characters of a list written in the rule: it points at
      // the sheet Communes instead.
      formula = "=" + xlsx::sheet_ref(kCommunesSheet, "$A$2:$A$" + std::to_string(codes_.size() + 1));
      v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      v.value_formula = formula.data();
      v.error_title = const_cast<char*>("Code INSEE");
      v.error_message = const_cast<char*>(
          "Choisissez le code dans la liste : la feuille Communes donne la commune de chaque code de la Métropole.");
    } else if (c.kind == ColumnKind::count) {
      v.validate = LXW_VALIDATION_TYPE_INTEGER;
      v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      v.value_number = 0;
      v.error_title = const_cast<char*>("Nombre entier");
      v.error_message = const_cast<char*>("Un nombre entier, positif ou nul.");
    } else if (c.kind == ColumnKind::money) {
      v.validate = LXW_VALIDATION_TYPE_DECIMAL;
      v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
      v.value_number = 0;
      v.error_title = const_cast<char*>("Montant");
      v.error_message = const_cast<char*>("Un montant en euros, positif ou nul, deux décimales au plus.");
    } else if (c.kind == ColumnKind::date) {
      v.validate = LXW_VALIDATION_TYPE_DATE;
      v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
      v.minimum_datetime = lxw_datetime{2000, 1, 1, 0, 0, 0};
      v.maximum_datetime = lxw_datetime{2099, 12, 31, 0, 0, 0};
      v.error_title = const_cast<char*>("Date");
      v.error_message = const_cast<char*>("Une date, JJ/MM/AAAA (entre 2000 et 2099).");
    } else {
      return;
    }
    lxw_error error = LXW_NO_ERROR;
    {
      // libxlsxwriter 1.1.4 copies a list's source formula twice (LXW_VALIDATION_TYPE_LIST_FORMULA) and frees
      // one copy: its leak of one string, not ours, kept out of the sanitized runs' leak reports.
      [[maybe_unused]] const LibraryLeak known(v.validate == LXW_VALIDATION_TYPE_LIST_FORMULA);
      error = worksheet_data_validation_range(ws, 1, static_cast<lxw_col_t>(col), kValidatedRows,
                                              static_cast<lxw_col_t>(col), &v);
    }
    xlsx::check(error, file_);
  }

  lxw_workbook* workbook_;
  const std::string& file_;
  lxw_format* header_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_format* money_ = nullptr;
  lxw_format* count_ = nullptr;
  lxw_format* notes_ = nullptr;
  std::vector<Commune> codes_;
};

}  // namespace

void write_blank_workbook(const std::filesystem::path& file, const CommuneTable& communes, Date today) {
  const std::string name = file.string();
  std::vector<Commune> codes = communes.codes();
  for (const Commune& c : codes) {
    if (auto problem = xlsx::text_problem(c.name))
      throw std::runtime_error("Impossible d'écrire " + name + " : commune " + c.insee_code + " : " + *problem);
  }
  // Normal mode, not constant_memory: texts go to the shared-strings table, which every reader takes.
  std::unique_ptr<lxw_workbook, WorkbookDeleter> workbook(workbook_new(name.c_str()));
  if (!workbook) throw std::runtime_error("Impossible d'écrire " + name + " : mémoire insuffisante");
  BlankWorkbook book(workbook.get(), name, std::move(codes));
  book.data_sheet(input::kDossiersSheet, input::kDossierColumns, today);
  book.data_sheet(input::kSessionsSheet, input::kSessionColumns, today);
  book.communes_sheet();

  std::string title = "Dossiers de l’appel à projets — classeur à remplir";
  lxw_doc_properties properties{};
  properties.title = title.data();
  properties.created = midnight_utc(today);
  xlsx::check(workbook_set_properties(workbook.get(), &properties), name);
  xlsx::close_workbook(workbook.release(), name);
}

}  // namespace aap
