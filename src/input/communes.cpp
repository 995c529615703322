// The Métropole's communes read from `insee_code;name;territory`.
#include "input/communes.hpp"

#include <sstream>

#include "input/identifiers.hpp"
#include "input/input_file.hpp"
#include "json/fields.hpp"
#include "model/territory.hpp"
#include "text/utf8.hpp"

namespace aap {

namespace {

/// A field as a spreadsheet may save it: surrounding quotes removed, doubled quotes undone.
std::string unquote(std::string_view field) {
  if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
    std::string out;
    for (std::size_t i = 1; i + 1 < field.size(); ++i) {
      out += field[i];
      if (field[i] == '"' && field[i + 1] == '"') ++i;
    }
    return out;
  }
  return std::string(field);
}

std::vector<std::string> split_semicolons(std::string_view line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  bool in_quotes = false;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] == '"') in_quotes = !in_quotes;
    if (i == line.size() || (line[i] == ';' && !in_quotes)) {
      fields.push_back(unquote(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return fields;
}

}  // namespace

std::optional<CommuneTable> load_communes(const std::filesystem::path& file, Diagnostics& diags, std::string* sha256) {
  const std::string name = file.string();
  input::InputFile read = input::read_input_file(file, input::kMaxCommunesBytes, input::kCommunesLimitScope);
  if (!read.ok()) {
    diags.push_back(Diagnostic{name, 0, "", read.missing ? "fichier introuvable ou illisible" : read.problem});
    return std::nullopt;
  }
  if (sha256 != nullptr) *sha256 = read.sha256;
  const std::string raw = std::move(read.bytes);
  if (!text::is_valid_utf8(raw)) {
    diags.push_back(Diagnostic{name, 0, "", "le fichier n’est pas enregistré en UTF-8"});
    return std::nullopt;
  }
  const std::string content = text::strip_bom(raw);

  const std::size_t before = diags.size();
  std::unordered_map<std::string, int> first_line;
  std::vector<Commune> rows;
  std::istringstream lines(content);
  std::string line;
  int number = 0;
  bool header_seen = false;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    if (!header_seen) {
      header_seen = true;
      if (line != "insee_code;name;territory") {
        diags.push_back(Diagnostic{name, number, "",
                                   "en-tête " + json::in_guillemets(line) + " : « insee_code;name;territory » attendu"});
        return std::nullopt;
      }
      continue;
    }
    const auto fields = split_semicolons(line);
    if (fields.size() != 3) {
      diags.push_back(Diagnostic{name, number, "",
                                 std::to_string(fields.size()) + " colonnes au lieu de 3 (insee_code;name;territory)"});
      continue;
    }
    Commune c{fields[0], fields[1], fields[2]};
    bool ok = true;
    if (!input::is_valid_insee_code(c.insee_code)) {
      diags.push_back(Diagnostic{name, number, "insee_code",
                                 json::in_guillemets(c.insee_code) + " n’est pas un code INSEE valide"});
      ok = false;
    } else if (const auto [it, inserted] = first_line.emplace(c.insee_code, number); !inserted) {
      diags.push_back(Diagnostic{name, number, "insee_code",
                                 "code " + c.insee_code + " déjà présent ligne " + std::to_string(it->second)});
      ok = false;
    }
    if (auto reason = text::check_text(c.name, json::kMaxTextLength)) {
      diags.push_back(Diagnostic{name, number, "name", *reason});
      ok = false;
    } else if (c.name.empty()) {
      diags.push_back(Diagnostic{name, number, "name", "ne doit pas être vide"});
      ok = false;
    }
    if (!is_known_territory(c.territory)) {
      diags.push_back(Diagnostic{name, number, "territory",
                                 json::in_guillemets(c.territory) + " n’est pas un territoire connu (" +
                                     territory_keys_listed() + ")"});
      ok = false;
    }
    if (ok) rows.push_back(std::move(c));
  }
  if (!header_seen) {
    diags.push_back(Diagnostic{name, 0, "", "fichier vide : « insee_code;name;territory » attendu"});
    return std::nullopt;
  }
  if (diags.size() != before) return std::nullopt;
  return CommuneTable::from_rows(std::move(rows));
}

}  // namespace aap
