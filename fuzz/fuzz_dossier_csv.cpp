// libFuzzer: any bytes as the spreadsheet export (dossiers.csv, then a NUL byte, then sessions.csv) →
// dossiers and diagnostics, never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/csv_dossiers.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::size_t nul = bytes.find('\0');
  const std::string_view dossiers = bytes.substr(0, nul);
  const std::string_view sessions = nul == std::string_view::npos ? std::string_view() : bytes.substr(nul + 1);
  aap::DossierLoad load;
  aap::input::parse_csv_dossiers(dossiers, "dossiers.csv", sessions, "sessions.csv", load);
  if (load.invalid.size() > load.diagnostics.size()) __builtin_trap();
  return 0;
}
