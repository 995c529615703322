// libFuzzer: any bytes as a workbook (.xlsx when the first byte is even, .ods otherwise, the rest being the
// file) → dossiers and diagnostics, never a crash, a hang or an exception; the ZIP and size checks bound
// what liborcus is given.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/workbook_dossiers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const auto format = data[0] % 2 == 0 ? aap::input::WorkbookFormat::xlsx : aap::input::WorkbookFormat::ods;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  aap::DossierLoad load;
  aap::input::parse_workbook_dossiers(bytes, "dossiers.xlsx", format, load);
  if (load.invalid.size() > load.diagnostics.size()) __builtin_trap();
  return 0;
}
