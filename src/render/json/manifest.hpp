// manifest.json: the program's version, the date used, and the SHA-256 of every input, template and output.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace aap {

struct ManifestEntry {
  std::string path;    // as given for inputs; relative to the output folder for outputs
  std::string sha256;  // lower-case hex
};

struct Manifest {
  std::string version;
  Date date;
  std::string campaign_id;
  std::vector<ManifestEntry> inputs;     // campaign, dossiers, reference data
  std::vector<ManifestEntry> templates;
  std::vector<ManifestEntry> outputs;    // every file written but the manifest itself
};

/// Lower-case hexadecimal SHA-256 of some bytes.
std::string sha256_hex(std::string_view bytes);

/// The JSON text; each list sorted by path so that the file does not depend on the order of work.
std::string manifest_json(const Manifest& manifest);

}  // namespace aap
