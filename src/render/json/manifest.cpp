// manifest.json, and SHA-256 through OpenSSL's libcrypto rather than a hand-written hash.
#include "render/json/manifest.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace aap {

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 indisponible (OpenSSL)");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

std::string manifest_json(const Manifest& m) {
  using Json = nlohmann::ordered_json;
  auto list = [](std::vector<ManifestEntry> entries) {
    std::sort(entries.begin(), entries.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
    Json array = Json::array();
    for (const ManifestEntry& e : entries) array.push_back(Json{{"path", e.path}, {"sha256", e.sha256}});
    return array;
  };
  Json root;
  root["program"] = "aap";
  root["version"] = m.version;
  root["date"] = m.date.iso();
  root["campaign"] = m.campaign_id;
  root["inputs"] = list(m.inputs);
  root["templates"] = list(m.templates);
  root["outputs"] = list(m.outputs);
  return root.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
}

}  // namespace aap
