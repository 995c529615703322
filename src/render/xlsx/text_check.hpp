// Checks a string before it goes into a workbook: libxlsxwriter writes bytes as they are, and one bad byte
// makes the whole file unreadable.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace aap::xlsx {

/// Nothing when `text` is valid UTF-8 free of control characters (C0, DEL, C1) and of U+FFFE/U+FFFF
/// (which XML forbids); otherwise the reason in French, with the 1-based byte offset of the fault:
/// "UTF-8 invalide à l'octet 4", "caractère de contrôle U+0007 à l'octet 3"; also too long for a cell
/// (more than 32767 bytes).
std::optional<std::string> text_problem(std::string_view text);

}  // namespace aap::xlsx
