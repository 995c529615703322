// File sizes in French messages (see sizes.hpp).
#include "text/sizes.hpp"

namespace aap::text {

namespace {

constexpr std::size_t kMebibyte = std::size_t{1024} * 1024;

/// "32 Mo", or the bytes when the limit is no whole number of mebibytes.
std::string limit_fr(std::size_t max_bytes) {
  if (max_bytes % kMebibyte == 0) return std::to_string(max_bytes / kMebibyte) + " Mo";
  return std::to_string(max_bytes) + " octets";
}

}  // namespace

std::string megabytes_fr(std::size_t bytes) {
  const std::size_t tenths = (bytes * 10 + kMebibyte / 2) / kMebibyte;
  return std::to_string(tenths / 10) + "," + std::to_string(tenths % 10) + " Mo";
}

std::string too_large_message(std::size_t bytes, std::size_t max_bytes, std::string_view limit_scope) {
  std::string size;
  if (bytes > 0) {
    size = megabytes_fr(bytes);
    // One byte over 4 Mo would read "(4,0 Mo) : la limite est de 4 Mo".
    if (size == megabytes_fr(max_bytes)) size = "plus de " + limit_fr(max_bytes);
    size = " (" + size + ")";
  }
  return "fichier trop volumineux" + size + " : la limite est de " + limit_fr(max_bytes) + " " +
         std::string(limit_scope);
}

}  // namespace aap::text
