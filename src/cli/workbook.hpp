// `aap workbook --out FILE.xlsx`: the blank dossiers workbook, for the instructors to fill in.
#pragma once

#include "cli/options.hpp"

namespace aap::cli {

/// Writes the blank workbook to options.workbook_file, never over an existing file (exit 2): aside, then
/// moved into place by a rename that refuses to replace. Exit 1 when the commune table cannot be read;
/// throws std::runtime_error (French) when the writing fails, nothing left behind.
int workbook_command(const Options& options);

}  // namespace aap::cli
