// libFuzzer: any bytes as a dossier file → dossiers and diagnostics, never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/dossier_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  aap::DossierLoad load;
  aap::parse_dossiers(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json", load);
  // Every dossier refused is said why; a diagnostic names the file.
  if (load.invalid.size() > load.diagnostics.size()) __builtin_trap();
  for (const aap::Diagnostic& d : load.diagnostics)
    if (d.file.rfind("fuzz.json", 0) != 0) __builtin_trap();
  return 0;
}
