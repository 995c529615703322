// manifest.json: what a run read and wrote, with their SHA-256, and how to run it again.
#include "render/json/manifest.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace aap {

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
  if (m.command_line) {
    const ManifestCommand& c = *m.command_line;
    root["command_line"] = Json{{"command", c.command},     {"campaign", c.campaign},
                                {"dossiers", c.dossiers},   {"communes", c.communes},
                                {"templates", c.templates}, {"skip_invalid", c.skip_invalid}};
    if (c.sessions) root["command_line"]["sessions"] = *c.sessions;
  }
  return root.dump(2, ' ', false, Json::error_handler_t::strict) + "\n";
}

Manifest parse_manifest(std::string_view json_text) {
  Manifest m;
  try {
    const auto root = nlohmann::json::parse(json_text);
    m.version = root.at("version").get<std::string>();
    const auto date = Date::parse_iso(root.at("date").get<std::string>());
    if (!date) throw std::runtime_error("manifeste : date « " + root.at("date").get<std::string>() + " » invalide");
    m.date = *date;
    m.campaign_id = root.at("campaign").get<std::string>();
    auto list = [&](const char* key) {
      std::vector<ManifestEntry> entries;
      for (const auto& e : root.at(key))
        entries.push_back({e.at("path").get<std::string>(), e.at("sha256").get<std::string>()});
      return entries;
    };
    m.inputs = list("inputs");
    m.templates = list("templates");
    m.outputs = list("outputs");
    if (root.contains("command_line")) {
      const auto& c = root.at("command_line");
      m.command_line = ManifestCommand{c.at("command").get<std::string>(),
                                       c.at("campaign").get<std::string>(),
                                       c.at("dossiers").get<std::vector<std::string>>(),
                                       c.at("communes").get<std::string>(),
                                       c.at("templates").get<std::string>(),
                                       c.at("skip_invalid").get<bool>(), std::nullopt};
      if (c.contains("sessions")) m.command_line->sessions = c.at("sessions").get<std::string>();
    }
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(std::string("manifeste illisible : ") + e.what());
  }
  return m;
}

}  // namespace aap
