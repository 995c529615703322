// Packs the ODT parts into a reproducible ZIP archive, in memory.
#include "render/odt/odt_renderer.hpp"

#include <ctime>
#include <vector>

#include "render/odt/odt_parts.hpp"
#include "zip/zip_archive.hpp"

namespace aap::render {

namespace {

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

  std::vector<zip::NewEntry> entries;
  // ODF: `mimetype` first and uncompressed, so that its type can be read at a fixed offset.
  for (const auto& [name, data] : parts) entries.push_back({name, data, name == "mimetype"});
  return zip::write_archive(entries, mtime, "ODT");
}

}  // namespace aap::render
