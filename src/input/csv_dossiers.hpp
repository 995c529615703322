// Dossiers from a spreadsheet (issue 6): `dossiers.csv`, one row per dossier with the JSON field paths of
// a JSON dossier as column names, and `sessions.csv`, one row per session naming its dossier's id. Every rule
// of a dossier is the JSON reader's own (check_dossier), so both formats give the same dossiers.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "input/dossier_reader.hpp"
#include "input/sheet_table.hpp"

namespace aap::input {

/// The columns of `dossiers.csv`, in the order the shipped fixtures write them.
const std::vector<std::string_view>& dossier_csv_columns();
/// The columns of `sessions.csv`: `dossier_id`, then a session's fields.
const std::vector<std::string_view>& session_csv_columns();

/// Reads the dossiers of the two files' bytes into `load` (dossiers, invalid, diagnostics; `files` is left
/// alone). Touches no file: the names only appear in messages, `dossiers_name:line` becomes each dossier's
/// `source_file`. Never throws on any bytes.
void parse_csv_dossiers(std::string_view dossiers_bytes, const std::string& dossiers_name,
                        std::string_view sessions_bytes, const std::string& sessions_name, DossierLoad& load);

/// The same from two tables, CSV files or a workbook's sheets (`Dossiers`, `Sessions`): the one path of
/// every spreadsheet, so that each gives the very dossiers JSON gives. Messages name the cell of a workbook.
void parse_sheet_dossiers(SheetTable dossiers, SheetTable sessions, DossierLoad& load);

/// Reads both files, records them in `load.files`, then parse_csv_dossiers.
void read_csv_dossiers(const std::filesystem::path& dossiers, const std::filesystem::path& sessions,
                       DossierLoad& load);

/// Whether a `--dossiers` input is a CSV file (by its extension, in any case).
bool is_csv_file(const std::filesystem::path& path);
/// `sessions.csv` in the folder of `dossiers`.
std::filesystem::path sessions_file_beside(const std::filesystem::path& dossiers);

}  // namespace aap::input
