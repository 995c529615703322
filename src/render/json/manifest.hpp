// manifest.json: the program's version, the date used, and the SHA-256 of every input, template and output.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/input_file.hpp"
#include "model/date.hpp"

namespace aap {

/// manifest.json lists every file with its SHA-256, some 150 bytes each: 64 Mo is over 400,000 files.
inline constexpr std::size_t kMaxManifestBytes = 64 * input::kMebibyte;
inline constexpr std::string_view kManifestLimitScope = "pour un manifeste";

struct ManifestEntry {
  std::string path;    // as given for inputs; relative to the output folder for outputs
  std::string sha256;  // lower-case hex
};

/// The command line that produced the outputs, as given, so that `aap verify` can run it again.
struct ManifestCommand {
  std::string command;  // "run", "letters"…
  std::string campaign;
  std::vector<std::string> dossiers;
  std::string communes;
  std::string templates;
  bool skip_invalid = false;
  std::optional<std::string> sessions;  // --sessions, when given
};

struct Manifest {
  std::string version;
  Date date;
  std::string campaign_id;
  std::vector<ManifestEntry> inputs;     // campaign, dossiers, reference data
  std::vector<ManifestEntry> templates;
  std::vector<ManifestEntry> outputs;    // every file written but the manifest itself
  std::optional<ManifestCommand> command_line;  // absent in manifests written before `verify` existed
};

/// The JSON text; each list sorted by path so that the file does not depend on the order of work.
std::string manifest_json(const Manifest& manifest);

/// Reads manifest_json()'s text back. Throws std::runtime_error in French naming what is wrong.
Manifest parse_manifest(std::string_view json_text);

}  // namespace aap
