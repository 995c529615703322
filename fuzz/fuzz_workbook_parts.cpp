// libFuzzer: any bytes as one XML part of the fixture workbook (the first byte picks the part, the rest is its
// text), stored in a valid ZIP archive → dossiers and diagnostics, never a crash, a hang or an exception.
// Mutating a whole .xlsx (fuzz_dossier_workbook) mostly breaks its CRCs, and the archive check refuses it:
// this target reaches liborcus's XML readers and the sheet-to-table code behind them.
#include <zip.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "input/workbook_dossiers.hpp"

namespace {

constexpr std::array<const char*, 4> kParts = {"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                                                "xl/sharedStrings.xml", "xl/workbook.xml"};

const std::string& fixture() {
  static const std::string bytes = [] {
    std::ifstream in(AAP_FUZZ_FIXTURE_XLSX, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (text.empty()) __builtin_trap();  // the fixture is part of the repository
    return text;
  }();
  return bytes;
}

/// The fixture with `part` replaced by `text`, stored uncompressed; empty if libzip fails.
std::string with_part(const char* part, std::string_view text) {
  const std::string& base = fixture();
  zip_error_t error;
  zip_error_init(&error);
  // libzip frees a written-over buffer with free(): it is given a malloc'd copy of its own.
  void* copy = std::malloc(base.size());
  if (!copy) return {};
  std::memcpy(copy, base.data(), base.size());
  zip_source_t* source = zip_source_buffer_create(copy, base.size(), 1, &error);
  zip_error_fini(&error);
  if (!source) {
    std::free(copy);
    return {};
  }
  zip_source_keep(source);
  zip_t* archive = zip_open_from_source(source, 0, nullptr);
  std::string out;
  if (archive) {
    zip_source_t* data = zip_source_buffer(archive, text.data(), text.size(), 0);
    const zip_int64_t index = zip_name_locate(archive, part, 0);
    if (data && index >= 0 && zip_file_replace(archive, static_cast<zip_uint64_t>(index), data, 0) == 0) {
      zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    } else if (data) {
      zip_source_free(data);
    }
    if (zip_close(archive) != 0) zip_discard(archive);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(source, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open(source) == 0) {
      out.resize(st.size);
      const zip_int64_t read = zip_source_read(source, out.data(), out.size());
      if (read < 0 || static_cast<zip_uint64_t>(read) != st.size) out.clear();
      zip_source_close(source);
    }
  }
  zip_source_free(source);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char* part = kParts[data[0] % kParts.size()];
  const std::string book = with_part(part, std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  if (book.empty()) __builtin_trap();
  aap::DossierLoad load;
  aap::input::parse_workbook_dossiers(book, "dossiers.xlsx", aap::input::WorkbookFormat::xlsx, load);
  if (load.invalid.size() > load.diagnostics.size()) __builtin_trap();
  return 0;
}
