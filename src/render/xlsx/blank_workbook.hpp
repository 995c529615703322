// The blank dossiers workbook of `aap workbook` (issue 21): the sheets the workbook reader expects, ready to fill.
#pragma once

#include <filesystem>

#include "model/commune.hpp"
#include "model/date.hpp"

namespace aap {

/// Writes to `file` the sheets `Dossiers` and `Sessions` with the reader's own columns (a French note on each
/// header, lists to choose yes/no, the civility and the commune code from, date, amount and count formats,
/// the header row frozen), one example dossier with its session dated from `today` that the reader accepts,
/// and a sheet `Communes` (protected) listing every code of `communes` with its name and territory. Texts are
/// shared strings, as Excel and LibreOffice write them. Throws std::runtime_error "Impossible d'écrire
/// <file> : <reason>".
void write_blank_workbook(const std::filesystem::path& file, const CommuneTable& communes, Date today);

}  // namespace aap
