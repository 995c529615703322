// Dossiers from the instructors' own workbook (issue 21): a .xlsx (Excel, LibreOffice) or .ods (LibreOffice)
// file with a sheet `Dossiers` and a sheet `Sessions`, the columns of dossiers.csv and sessions.csv. Read
// with liborcus (LibreOffice's import library), then through the CSV path: the same checks, the same
// dossiers. Typed cells are read as what they are (typed_cells.hpp); messages name the sheet and the cell.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "input/dossier_reader.hpp"

namespace aap::input {

enum class WorkbookFormat { xlsx, ods };

/// A workbook file, compressed, as read: the same room as a CSV or JSON dossier file.
inline constexpr std::size_t kMaxWorkbookBytes = 32 * 1024 * 1024;
/// Its parts once uncompressed, all together: what liborcus holds in memory while it reads (some 10,000
/// dossiers take about 20 Mo). A ZIP bomb is refused on its declared sizes before anything is inflated.
inline constexpr std::size_t kMaxWorkbookUnpackedBytes = 128 * 1024 * 1024;
/// Rows and columns of a sheet that hold something (a sheet's million formatted rows are refused).
inline constexpr int kMaxWorkbookRows = 200'000;
inline constexpr int kMaxWorkbookColumns = 200;

/// Reads the dossiers of a workbook's bytes into `load` (dossiers, invalid, diagnostics; `files` left alone).
/// `name` only appears in messages. Never throws on any bytes.
void parse_workbook_dossiers(std::string_view bytes, const std::string& name, WorkbookFormat format,
                             DossierLoad& load);

/// Reads the file (bounded, regular files only), records it in `load.files`, then parse_workbook_dossiers.
void read_workbook_dossiers(const std::filesystem::path& path, DossierLoad& load);

/// Whether a `--dossiers` input is a workbook (.xlsx or .ods, in any case).
bool is_workbook_file(const std::filesystem::path& path);

}  // namespace aap::input
