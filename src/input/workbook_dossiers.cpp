// A workbook's sheets `Dossiers` and `Sessions` as tables for the spreadsheet path (see workbook_dossiers.hpp).
#include "input/workbook_dossiers.hpp"

#include <ixion/address.hpp>
#include <ixion/cell.hpp>
#include <ixion/cell_access.hpp>
#include <ixion/formula.hpp>
#include <ixion/formula_tokens.hpp>
#include <ixion/model_context.hpp>
#include <ixion/types.hpp>
#include <cmath>
#include <memory>
#include <optional>
#include <orcus/orcus_ods.hpp>
#include <orcus/orcus_xlsx.hpp>
#include <orcus/spreadsheet/document.hpp>
#include <orcus/spreadsheet/factory.hpp>
#include <orcus/spreadsheet/sheet.hpp>

#include "input/csv_dossiers.hpp"
#include "input/input_file.hpp"
#include "input/sheet_columns.hpp"
#include "input/sheet_table.hpp"
#include "zip/zip_archive.hpp"

namespace aap::input {

namespace {

namespace fs = std::filesystem;
namespace ss = orcus::spreadsheet;

std::string format_name(WorkbookFormat format) { return format == WorkbookFormat::xlsx ? ".xlsx" : ".ods"; }

std::string mebibytes(std::size_t bytes) { return std::to_string(bytes / (1024 * 1024)) + " Mo"; }

/// Checks the archive with libzip before liborcus inflates it: a damaged archive, or one whose parts would
/// take more memory than kMaxWorkbookUnpackedBytes (a ZIP bomb), is refused. Returns the problem, or "".
std::string archive_problem(std::string_view bytes, WorkbookFormat format) {
  const std::string unreadable = "n’est pas un classeur " + format_name(format) +
                                 " lisible (archive ZIP endommagée ou autre format) : enregistrez-le de nouveau "
                                 "depuis votre tableur";
  const std::optional<zip::Reader> archive = zip::Reader::from_bytes(bytes, /*check_consistency=*/true);
  if (!archive) return unreadable;
  const std::optional<std::vector<zip::EntrySize>> entries = archive->entries();
  if (!entries || entries->empty() || entries->size() > 10'000) return unreadable;
  std::uint64_t unpacked = 0;
  for (const zip::EntrySize& entry : *entries) {
    unpacked += entry.size;
    if (unpacked > kMaxWorkbookUnpackedBytes) {
      return "classeur trop grand une fois décompressé (plus de " + mebibytes(kMaxWorkbookUnpackedBytes) +
             ") : répartissez les dossiers en plusieurs classeurs";
    }
  }
  return "";
}

/// Sheets of a workbook: liborcus sets some 3.4 Mo aside for each sheet it is told of (its 16,384 columns),
/// before any cell, so a 25 Ko workbook listing 2,000 sheets would take 7 Go (found while fuzzing).
constexpr int kMaxWorkbookSheets = 32;

/// The sheet beyond kMaxWorkbookSheets, thrown out of liborcus's reader before it sets the sheet up.
struct TooManySheets {};

/// liborcus's factory that refuses to set up more than kMaxWorkbookSheets sheets.
class BoundedFactory : public ss::import_factory {
 public:
  using ss::import_factory::import_factory;
  ss::iface::import_sheet* append_sheet(ss::sheet_t sheet_index, std::string_view name) override {
    if (sheet_index >= kMaxWorkbookSheets) throw TooManySheets{};
    return ss::import_factory::append_sheet(sheet_index, name);
  }
};

/// LibreOffice writes a yes/no cell of an .xlsx as the formula TRUE() or FALSE() with its boolean result,
/// which liborcus 0.17 does not keep (it reads an error): the formula itself says the value.
std::optional<bool> boolean_formula(const ss::document& doc, const ixion::model_context& context,
                                    const ixion::abs_address_t& address) {
  const ixion::formula_cell* formula = context.get_formula_cell(address);
  const auto* resolver = doc.get_formula_name_resolver(ss::formula_ref_context_t::global);
  if (!formula || !resolver || !formula->get_tokens()) return std::nullopt;
  const std::string text = ixion::print_formula_tokens(context, address, *resolver, formula->get_tokens()->get());
  if (text == "TRUE()" || text == "TRUE") return true;
  if (text == "FALSE()" || text == "FALSE") return false;
  return std::nullopt;
}

SheetCell read_cell(const ss::document& doc, const ixion::model_context& context,
                    const ixion::abs_address_t& address) {
  using Type = SheetCell::Type;
  const ixion::cell_access cell = context.get_cell_access(address);
  if (cell.get_type() == ixion::celltype_t::empty) return {};
  try {
    if (cell.get_type() == ixion::celltype_t::formula && cell.get_value_type() == ixion::cell_value_t::error) {
      if (const auto b = boolean_formula(doc, context, address)) return SheetCell{Type::boolean, {}, *b ? 1.0 : 0.0};
    }
    switch (cell.get_value_type()) {
      case ixion::cell_value_t::string: return SheetCell{Type::text, std::string(cell.get_string_value()), 0};
      case ixion::cell_value_t::numeric: {
        // A formula saved without its result is read as NaN, recalculation being off.
        const double value = cell.get_numeric_value();
        if (std::isnan(value)) return SheetCell{Type::no_cached_value, {}, 0};
        return SheetCell{Type::number, {}, value};
      }
      case ixion::cell_value_t::boolean:
        return SheetCell{Type::boolean, {}, cell.get_boolean_value() ? 1.0 : 0.0};
      case ixion::cell_value_t::error:
        return SheetCell{Type::error, std::string(ixion::get_formula_error_name(cell.get_error_value())), 0};
      case ixion::cell_value_t::empty: return {};
      default: break;
    }
  } catch (const std::exception&) {
    // A formula with no result saved: ixion has nothing to give (recalculation is off, on purpose).
  }
  return SheetCell{Type::no_cached_value, {}, 0};
}

/// The sheet `name` as a table: its rows holding something, each cell typed. Problems go to `diags`.
std::optional<SheetTable> sheet_table(const ss::document& doc, std::string_view sheet_name, const std::string& file,
                                      Diagnostics& diags) {
  const ss::sheet_t index = doc.get_sheet_index(sheet_name);
  SheetTable table;
  table.file = file;
  table.sheet = std::string(sheet_name);
  const ss::sheet* sheet = index < 0 ? nullptr : doc.get_sheet(index);
  if (!sheet) {
    std::string names;
    for (std::size_t k = 0; k < doc.get_sheet_count(); ++k) {
      names += (names.empty() ? "« " : ", « ") + std::string(doc.get_sheet_name(static_cast<ss::sheet_t>(k))) + " »";
    }
    diags.push_back(Diagnostic{file, 0, "",
                               "aucune feuille nommée « " + std::string(sheet_name) + " » (feuilles du classeur : " +
                                   (names.empty() ? "aucune" : names) + ")"});
    return std::nullopt;
  }
  const ixion::abs_range_t range = sheet->get_data_range();
  if (!range.valid() || range.last.row < 0) return table;  // an empty sheet: said by the header check
  if (range.last.row >= kMaxWorkbookRows || range.last.column >= kMaxWorkbookColumns) {
    diags.push_back(table.at(0, nullptr, "",
                             "feuille trop grande : elle va jusqu’à la cellule " +
                                 column_letters(static_cast<std::size_t>(range.last.column)) +
                                 std::to_string(range.last.row + 1) + " (au plus " +
                                 std::to_string(kMaxWorkbookRows) + " lignes et " +
                                 std::to_string(kMaxWorkbookColumns) + " colonnes) : effacez les lignes vides du bas"));
    diags.back().line = 0;
    return std::nullopt;
  }
  const ixion::model_context& context = doc.get_model_context();
  const auto width = static_cast<std::size_t>(range.last.column + 1);
  for (ixion::row_t r = 0; r <= range.last.row; ++r) {
    SheetRow row{static_cast<int>(r + 1), {}};
    row.cells.reserve(width);
    bool something = false;
    for (ixion::col_t c = 0; c <= range.last.column; ++c) {
      // A merged range holds one value for several columns or rows: which dossier or field the others
      // belong to cannot be told, so the cells are to be unmerged.
      const ss::range_t merged = sheet->get_merge_cell_range(r, c);
      if (merged.last.row > merged.first.row || merged.last.column > merged.first.column) {
        const std::size_t column = static_cast<std::size_t>(c);
        diags.push_back(table.at(static_cast<int>(r + 1), &column, "",
                                 "cellules fusionnées jusqu’à " +
                                     column_letters(static_cast<std::size_t>(merged.last.column)) +
                                     std::to_string(merged.last.row + 1) +
                                     " : défusionnez-les, chaque cellule porte sa propre valeur"));
        diags.back().line = 0;
      }
      SheetCell cell = read_cell(doc, context, ixion::abs_address_t(index, r, c));
      something = something || cell.type != SheetCell::Type::text || !cell.text.empty();
      row.cells.push_back(std::move(cell));
    }
    if (something) table.rows.push_back(std::move(row));
  }
  if (!diags.empty()) return std::nullopt;
  return table;
}

void refuse(DossierLoad& load, const std::string& name, Diagnostics diags) {
  InvalidDossier invalid{name, {}};
  for (Diagnostic& d : diags) {
    invalid.errors.push_back(d.to_string());
    load.diagnostics.push_back(std::move(d));
  }
  load.invalid.push_back(std::move(invalid));
}

}  // namespace

void parse_workbook_dossiers(std::string_view bytes, const std::string& name, WorkbookFormat format,
                             DossierLoad& load) {
  if (const std::string problem = archive_problem(bytes, format); !problem.empty()) {
    refuse(load, name, {Diagnostic{name, 0, "", problem}});
    return;
  }
  // Sheets as large as Excel's; cells are stored by column runs, so empty rows cost nothing (each sheet's
  // columns do: see kMaxWorkbookSheets).
  ss::document doc{ss::range_size_t{1'048'576, 16'384}};
  BoundedFactory factory{doc};
  factory.set_recalc_formula_cells(false);  // a formula is read by the value its spreadsheet saved
  try {
    if (format == WorkbookFormat::xlsx) {
      orcus::orcus_xlsx reader(&factory);
      reader.read_stream(bytes);
    } else {
      orcus::orcus_ods reader(&factory);
      reader.read_stream(bytes);
    }
  } catch (const TooManySheets&) {
    refuse(load, name,
           {Diagnostic{name, 0, "",
                       "classeur de plus de " + std::to_string(kMaxWorkbookSheets) +
                           " feuilles : supprimez les feuilles inutiles (seules « " + std::string(kDossiersSheet) +
                           " » et « " + std::string(kSessionsSheet) + " » sont lues)"}});
    return;
  } catch (const std::exception&) {
    refuse(load, name,
           {Diagnostic{name, 0, "",
                       "classeur " + format_name(format) +
                           " illisible (contenu endommagé ou autre format) : enregistrez-le de nouveau depuis "
                           "votre tableur"}});
    return;
  }
  Diagnostics diags;
  auto dossiers = sheet_table(doc, kDossiersSheet, name, diags);
  auto sessions = sheet_table(doc, kSessionsSheet, name, diags);
  if (!dossiers || !sessions) {
    refuse(load, name, std::move(diags));
    return;
  }
  parse_sheet_dossiers(std::move(*dossiers), std::move(*sessions), load);
}

void read_workbook_dossiers(const fs::path& path, DossierLoad& load) {
  InputFile file = read_input_file(path, kMaxWorkbookBytes,
                                   "par classeur, comme pour un fichier JSON ; répartissez les dossiers en "
                                   "plusieurs classeurs");
  if (!file.ok()) {
    refuse(load, path.string(), {Diagnostic{path.string(), 0, "", file.problem}});
    return;
  }
  load.add_file(path, std::move(file.sha256));
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  parse_workbook_dossiers(file.bytes, path.string(), ext == ".ods" ? WorkbookFormat::ods : WorkbookFormat::xlsx,
                          load);
}

bool is_workbook_file(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext == ".xlsx" || ext == ".ods";
}

}  // namespace aap::input
