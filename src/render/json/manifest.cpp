// manifest.json: what a run read and wrote, with their SHA-256, and how to run it again.
#include "render/json/manifest.hpp"

#include <algorithm>
#include <stdexcept>

#include "json/parse.hpp"
#include "json/value.hpp"

namespace aap {

std::string manifest_json(const Manifest& m) {
  using json::Value;
  auto list = [](std::vector<ManifestEntry> entries) {
    std::sort(entries.begin(), entries.end(),
              [](const ManifestEntry& a, const ManifestEntry& b) { return a.path < b.path; });
    Value array = Value::array();
    for (const ManifestEntry& e : entries) {
      array.push_back(Value::object().set("path", e.path).set("sha256", e.sha256));
    }
    return array;
  };
  Value root = Value::object();
  root.set("program", "aap");
  root.set("version", m.version);
  root.set("date", m.date.iso());
  root.set("campaign", m.campaign_id);
  root.set("inputs", list(m.inputs));
  root.set("templates", list(m.templates));
  root.set("outputs", list(m.outputs));
  if (m.command_line) {
    const ManifestCommand& c = *m.command_line;
    Value command = Value::object();
    command.set("command", c.command).set("campaign", c.campaign).set("dossiers", c.dossiers);
    command.set("communes", c.communes).set("templates", c.templates).set("skip_invalid", c.skip_invalid);
    if (c.sessions) command.set("sessions", *c.sessions);
    root.set("command_line", std::move(command));
  }
  return root.dump();
}

namespace {

using json::Node;

[[noreturn]] void unreadable(const std::string& why) { throw std::runtime_error("manifeste illisible : " + why); }

// Each field by its path, so that a manifest edited by hand is refused naming what is wrong, in French
// (the JSON library's own messages are English: "[json.exception.out_of_range.403] key 'date' not found").
Node field(Node object, const char* key, const std::string& where) {
  const std::string path = where.empty() ? key : where + "." + key;
  const auto member = object.find(key);
  if (!member) unreadable("champ « " + path + " » absent");
  return *member;
}

std::string text(Node object, const char* key, const std::string& where = "") {
  const Node value = field(object, key, where);
  if (!value.is_string()) unreadable("champ « " + (where.empty() ? key : where + "." + key) + " » : texte attendu");
  return value.string();
}

Node array(Node object, const char* key) {
  const Node value = field(object, key, "");
  if (!value.is_array()) unreadable(std::string("champ « ") + key + " » : liste attendue");
  return value;
}

std::vector<ManifestEntry> entries(Node root, const char* key) {
  std::vector<ManifestEntry> list;
  const Node items = array(root, key);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string where = std::string(key) + "[" + std::to_string(i) + "]";
    if (!items[i].is_object()) unreadable("champ « " + where + " » : objet attendu");
    list.push_back({text(items[i], "path", where), text(items[i], "sha256", where)});
  }
  return list;
}

}  // namespace

Manifest parse_manifest(std::string_view json_text) {
  Diagnostics diagnostics;
  const std::optional<json::Document> parsed = json::parse_json(json_text, "manifest.json", diagnostics);
  if (!parsed) {
    const Diagnostic& d = diagnostics.front();
    unreadable((d.line > 0 ? "ligne " + std::to_string(d.line) + " : " : std::string()) + d.message);
  }
  const Node root = parsed->root();
  if (!root.is_object()) unreadable("un objet JSON est attendu");
  Manifest m;
  m.version = text(root, "version");
  const std::string date = text(root, "date");
  const auto parsed_date = Date::parse_iso(date);
  if (!parsed_date) unreadable("champ « date » : « " + date + " » n’est pas une date AAAA-MM-JJ");
  m.date = *parsed_date;
  m.campaign_id = text(root, "campaign");
  m.inputs = entries(root, "inputs");
  m.templates = entries(root, "templates");
  m.outputs = entries(root, "outputs");
  if (const auto command_line = root.find("command_line")) {
    const Node c = *command_line;
    if (!c.is_object()) unreadable("champ « command_line » : objet attendu");
    ManifestCommand command{text(c, "command", "command_line"), text(c, "campaign", "command_line"), {},
                            text(c, "communes", "command_line"), text(c, "templates", "command_line"), false,
                            std::nullopt};
    const Node dossiers = field(c, "dossiers", "command_line");
    if (!dossiers.is_array()) unreadable("champ « command_line.dossiers » : liste attendue");
    for (std::size_t i = 0; i < dossiers.size(); ++i) {
      if (!dossiers[i].is_string())
        unreadable("champ « command_line.dossiers[" + std::to_string(i) + "] » : texte attendu");
      command.dossiers.push_back(dossiers[i].string());
    }
    const Node skip = field(c, "skip_invalid", "command_line");
    if (!skip.is_boolean()) unreadable("champ « command_line.skip_invalid » : true ou false attendu");
    command.skip_invalid = skip.boolean();
    if (c.find("sessions")) command.sessions = text(c, "sessions", "command_line");
    m.command_line = std::move(command);
  }
  return m;
}

}  // namespace aap
