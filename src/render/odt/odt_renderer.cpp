// Packs the ODT parts into a reproducible zip with libzip, in memory.
#include "render/odt/odt_renderer.hpp"

#include <ctime>
#include <memory>
#include <stdexcept>
#include <vector>

#include <zip.h>

#include "render/odt/odt_parts.hpp"

namespace aap::render {

namespace {

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceFree>;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  const std::string message = "ODT : " + what + " : " + (error ? zip_error_strerror(error) : "erreur inconnue");
  throw std::runtime_error(message);
}

bool parse_date(const std::string& iso, int& year, int& month, int& day) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (iso[i] < '0' || iso[i] > '9') return false;
  }
  year = std::stoi(iso.substr(0, 4));
  month = std::stoi(iso.substr(5, 2));
  day = std::stoi(iso.substr(8, 2));
  return year >= 1980 && year <= 2107 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// libzip turns the time_t into a DOS date with localtime(): choose the time_t whose local wall-clock time
// is noon of the documents' date, so that the bytes do not depend on the machine's time zone.
time_t entry_time(const std::string& date_iso) {
  int year = 1980, month = 1, day = 1;
  if (!parse_date(date_iso, year, month, day)) year = 1980, month = 1, day = 1;
  std::tm wanted{};
  wanted.tm_year = year - 1900;
  wanted.tm_mon = month - 1;
  wanted.tm_mday = day;
  wanted.tm_hour = 12;
  time_t t = timegm(&wanted);
  std::tm local{};
  localtime_r(&t, &local);
  const time_t offset = timegm(&local) - t;
  return t - offset;
}

}  // namespace

std::string render_odt(const doc::Document& document) {
  // Owned here and alive until zip_close, which reads them.
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"mimetype", "application/vnd.oasis.opendocument.text"},
      {"META-INF/manifest.xml", odt::manifest_xml()},
      {"content.xml", odt::content_xml(document)},
      {"styles.xml", odt::styles_xml(document)},
      {"meta.xml", odt::meta_xml(document)},
  };
  const time_t mtime = entry_time(document.metadata.date_iso);

  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) fail("tampon", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) fail("ouverture de l’archive", &error);
  zip_source_keep(buffer.get());  // the archive must not free the buffer: its bytes are read after zip_close

  for (const auto& [name, data] : parts) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (source == nullptr) {
      zip_discard(archive);
      fail(name, &error);
    }
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      zip_source_free(source);
      zip_discard(archive);
      fail(name, &error);
    }
    const auto i = static_cast<zip_uint64_t>(index);
    // ODF: `mimetype` first and uncompressed, so that its type can be read at a fixed offset.
    const zip_int32_t method = name == "mimetype" ? ZIP_CM_STORE : ZIP_CM_DEFLATE;
    if (zip_set_file_compression(archive, i, method, 0) != 0 || zip_file_set_mtime(archive, i, mtime, 0) != 0) {
      zip_discard(archive);
      fail(name, &error);
    }
  }
  if (zip_close(archive) != 0) {
    zip_error_t* e = zip_get_error(archive);
    const std::string message = std::string("ODT : écriture de l’archive : ") + zip_error_strerror(e);
    zip_discard(archive);
    throw std::runtime_error(message);
  }

  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(buffer.get(), &stat) != 0 || zip_source_open(buffer.get()) != 0) {
    fail("lecture de l’archive", zip_source_error(buffer.get()));
  }
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(buffer.get(), bytes.data(), stat.size);
  zip_source_close(buffer.get());
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) fail("lecture de l’archive", zip_source_error(buffer.get()));
  return bytes;
}

}  // namespace aap::render
