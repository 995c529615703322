// Dossiers from dossiers.csv and sessions.csv (see csv_dossiers.hpp). Each row becomes the JSON object the
// JSON reader would have read, and goes through the same checks; their messages are then pointed back at
// the file, line and column the values came from.
#include "input/csv_dossiers.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "input/csv_table.hpp"
#include "input/csv_values.hpp"
#include "input/dossier_check.hpp"
#include "input/input_file.hpp"
#include "input/sheet_columns.hpp"
#include "input/sheet_table.hpp"
#include "input/typed_cells.hpp"
#include "json/fields.hpp"
#include "json/locator.hpp"
#include "json/value.hpp"

namespace aap::input {

namespace {

namespace fs = std::filesystem;

using Kind = ColumnKind;

using Column = SheetColumn;

using json::in_guillemets;
using json::kMaxCount;

constexpr std::string_view kEmptyRequired = "cellule vide, valeur obligatoire";

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A cell's value for the JSON reader, or why it has none: `value` empty and `error` empty means "left out".
struct Converted {
  std::optional<json::Value> value;
  std::string error;
};

Converted convert(Kind kind, std::string_view raw) {
  const std::string_view cell = trim_cell(raw);
  if (kind == Kind::list) {
    json::Value list = json::Value::array();
    for (auto& element : split_list(cell)) list.push_back(std::move(element));
    return {std::move(list), {}};
  }
  if (cell.empty()) {
    if (kind == Kind::nullable_text) return {json::Value(nullptr), {}};
    return {};
  }
  switch (kind) {
    case Kind::text:
    case Kind::nullable_text:
    case Kind::list: return {json::Value(std::string(cell)), {}};
    case Kind::count: {
      const bool negative = cell.front() == '-';
      const std::string_view digits = negative ? cell.substr(1) : cell;
      if (!all_digits(digits)) return {std::nullopt, in_guillemets(cell) + " n’est pas un nombre entier"};
      // Nine digits fit an int: beyond, the JSON reader's bound (kMaxCount) is exceeded anyway.
      if (digits.size() > 9) {
        return {std::nullopt, negative ? "doit être positif ou nul (trouvé : " + std::string(cell) + ")"
                                       : "doit être au plus " + std::to_string(kMaxCount) + " (trouvé : " +
                                             std::string(cell) + ")"};
      }
      const std::int64_t n = std::stoll(std::string(digits));
      return {json::Value(negative ? -n : n), {}};
    }
    case Kind::money:
      if (auto amount = normalize_amount(cell)) return {json::Value(*amount), {}};
      return {std::nullopt, in_guillemets(cell) +
                                " n’est pas un montant (des chiffres, une virgule décimale, deux décimales au plus : "
                                "30 000,50)"};
    case Kind::boolean:
      if (auto b = parse_boolean(cell)) return {json::Value(*b), {}};
      return {std::nullopt, in_guillemets(cell) + " ne vaut ni oui ni non (oui/non, vrai/faux, true/false ou 1/0)"};
    case Kind::date:
      if (auto d = parse_cell_date(cell)) return {json::Value(d->iso()), {}};
      return {std::nullopt, in_guillemets(cell) + " n’est pas une date valide (AAAA-MM-JJ ou JJ/MM/AAAA)"};
  }
  return {};
}

Converted convert(Kind kind, const SheetCell& cell) {
  if (cell.type == SheetCell::Type::text) return convert(kind, cell.text);
  std::string error;
  const std::optional<std::string> text = typed_cell_text(kind, cell, error);
  if (!text) return {std::nullopt, std::move(error)};
  return convert(kind, *text);
}

/// A control character in a column name must not reach the terminal as is.
std::string shown_name(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return out;
}

/// One file or sheet: its rows and, for each expected column, the index of its cell.
struct Sheet {
  std::string name;  // the file
  SheetTable table;  // its rows without the header
  std::vector<std::size_t> index;
  std::vector<std::string_view> names;  // of the expected columns, in the order of `index`
  std::size_t width = 0;                // cells in the header

  const SheetCell& cell(const SheetRow& row, std::size_t column) const {
    static const SheetCell kEmpty;
    const std::size_t k = index[column];
    return k < row.cells.size() ? row.cells[k] : kEmpty;
  }
  /// The text of a cell that names a dossier (`id`, `dossier_id`), whatever its type.
  std::string id_text(const SheetRow& row, std::size_t column) const {
    std::string error;
    return std::string(trim_cell(typed_cell_text(Kind::text, cell(row, column), error).value_or("")));
  }
  /// A problem at `line` in field `field`, in its cell when `field` is one of the columns.
  Diagnostic at(int line, std::string field, std::string message) const {
    const auto it = std::find(names.begin(), names.end(), field);
    const std::size_t* column = it == names.end() ? nullptr : &index[static_cast<std::size_t>(it - names.begin())];
    return table.at(line, column, std::move(field), std::move(message));
  }
  /// Where a dossier's row is, for messages about it as a whole (a duplicate id).
  std::string row_name(int line) const {
    return table.is_workbook() ? name + ", feuille " + table.sheet + ", ligne " + std::to_string(line)
                               : name + ", ligne " + std::to_string(line);
  }
  /// Whether `d` is about this file or sheet.
  bool owns(const Diagnostic& d) const {
    if (!table.is_workbook()) return d.file == name;
    const std::string prefix = name + ": " + table.sheet;
    return d.file.size() > prefix.size() && d.file.compare(0, prefix.size(), prefix) == 0 &&
           (d.file[prefix.size()] == '!' || d.file[prefix.size()] == ',');
  }
  /// "12 cellules pour 11 colonnes", or nullopt when the row has as many cells as the header.
  std::optional<Diagnostic> width_problem(const SheetRow& row) const {
    if (row.cells.size() == width || table.is_workbook()) return std::nullopt;
    const std::string sep(1, table.separator);
    return table.at(row.line, nullptr, "",
                    std::to_string(row.cells.size()) + " cellules pour " + std::to_string(width) +
                        " colonnes (un texte contenant « " + sep + " » doit être entre guillemets)");
  }
};

/// A workbook's cell already names its row (`Sessions!F12`): the line, kept until then to sort the
/// messages, is dropped so that it is not said twice.
void settle(Diagnostic& d, const SheetTable& table) {
  if (table.is_workbook()) d.line = 0;
}

void file_problems(DossierLoad& load, const std::string& file, Diagnostics diags, bool workbook) {
  InvalidDossier invalid{file, {}};
  for (auto& d : diags) {
    if (workbook) d.line = 0;
    invalid.errors.push_back(d.to_string());
    load.diagnostics.push_back(std::move(d));
  }
  load.invalid.push_back(std::move(invalid));
}

bool blank(const SheetCell& cell) { return cell.type == SheetCell::Type::text && trim_cell(cell.text).empty(); }

/// A CSV file's text as a table of text cells; nullopt (problems in `diags`) when it cannot be read.
std::optional<SheetTable> csv_table(std::string_view bytes, const std::string& name, Diagnostics& diags) {
  CsvTable csv = parse_csv(bytes, name, diags);
  if (!diags.empty()) return std::nullopt;
  SheetTable table;
  table.file = name;
  table.separator = csv.separator;
  table.rows.reserve(csv.rows.size());
  for (CsvRow& row : csv.rows) {
    SheetRow out{row.line, {}};
    out.cells.reserve(row.cells.size());
    for (std::string& text : row.cells) out.cells.push_back(SheetCell{SheetCell::Type::text, std::move(text), 0});
    table.rows.push_back(std::move(out));
  }
  return table;
}

/// Matches a table's header to `columns`; nullopt (problems in `diags`) when it does not.
template <std::size_t N>
std::optional<Sheet> read_sheet(SheetTable table, const Column (&columns)[N], Diagnostics& diags) {
  const std::string& name = table.file;
  if (table.rows.empty()) {
    diags.push_back(table.at(0, nullptr, "",
                             table.is_workbook() ? "feuille vide : la première ligne doit nommer les colonnes"
                                                 : "fichier vide : la première ligne doit nommer les colonnes"));
    return std::nullopt;
  }
  Sheet sheet;
  sheet.name = name;
  const SheetRow& header = table.rows.front();
  sheet.width = header.cells.size();
  sheet.index.assign(N, header.cells.size());
  for (const Column& c : columns) sheet.names.push_back(c.name);
  std::vector<bool> seen(N, false);
  for (std::size_t k = 0; k < header.cells.size(); ++k) {
    std::string error;
    const std::string text = typed_cell_text(Kind::text, header.cells[k], error).value_or("?");
    const std::string_view title = trim_cell(text);
    if (title.empty()) {
      // Spreadsheets export a formatted but empty column with no name: harmless while it stays empty.
      for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const auto& cells = table.rows[r].cells;
        if (k < cells.size() && !blank(cells[k])) {
          diags.push_back(table.at(header.line, &k, "",
                                   "la colonne n° " + std::to_string(k + 1) + " n’a pas de nom mais est remplie (ligne " +
                                       std::to_string(table.rows[r].line) + ")"));
          break;
        }
      }
      continue;
    }
    const auto it = std::find_if(std::begin(columns), std::end(columns),
                                 [&](const Column& c) { return c.name == title; });
    if (it == std::end(columns)) {
      diags.push_back(table.at(header.line, &k, shown_name(title), "colonne inconnue"));
      continue;
    }
    const auto c = static_cast<std::size_t>(it - std::begin(columns));
    if (seen[c]) {
      diags.push_back(table.at(header.line, &k, std::string(title), "colonne écrite deux fois"));
      continue;
    }
    seen[c] = true;
    sheet.index[c] = k;
  }
  for (std::size_t c = 0; c < N; ++c) {
    if (!seen[c] && !columns[c].may_be_absent) diags.push_back(table.at(header.line, nullptr, std::string(columns[c].name), "colonne manquante"));
  }
  if (!diags.empty()) return std::nullopt;
  table.rows.erase(table.rows.begin());
  sheet.table = std::move(table);
  return sheet;
}

/// Where the values of one dossier came from, to point the JSON reader's messages back at them.
struct Origin {
  const Sheet& dossiers;
  const Sheet& sessions;
  int line = 0;
  std::vector<const SheetRow*> session_rows;
};

/// The JSON reader's diagnostic for field `path`, told in the CSV's terms: file, line, column.
Diagnostic relocate(Diagnostic diag, const Origin& origin) {
  const std::string path = diag.field;
  if (diag.message == "champ obligatoire manquant") diag.message = std::string(kEmptyRequired);
  constexpr std::string_view kSessions = "training.sessions";
  if (path == kSessions) {
    const std::string sessions = origin.sessions.table.is_workbook()
                                     ? "de la feuille " + origin.sessions.table.sheet
                                     : "de " + origin.sessions.name;
    return origin.dossiers.at(origin.line, "id",
                              "aucune session : aucune ligne " + sessions + " n’a ce " + std::string(kDossierIdColumn));
  }
  if (path.rfind(std::string(kSessions) + "[", 0) == 0) {
    const std::size_t open = kSessions.size() + 1;
    const std::size_t close = path.find(']', open);
    const std::string index = close == std::string::npos ? "" : path.substr(open, close - open);
    const std::size_t i = all_digits(index) && index.size() < 9 ? std::stoul(index) : 0;
    const int line = i < origin.session_rows.size() ? origin.session_rows[i]->line : 0;
    return origin.sessions.at(line,
                              close != std::string::npos && close + 2 <= path.size() ? path.substr(close + 2) : "",
                              std::move(diag.message));
  }
  // A list's element ("employer_partners[1]") lives in its list's cell.
  if (const auto open = path.find('['); open != std::string::npos) {
    const auto close = path.find(']', open);
    const std::string index = close == std::string::npos ? "" : path.substr(open + 1, close - open - 1);
    if (all_digits(index) && index.size() < 9) {
      diag.message = "élément n° " + std::to_string(std::stoul(index) + 1) +
                     " : " + diag.message;
    }
    return origin.dossiers.at(origin.line, path.substr(0, open), std::move(diag.message));
  }
  return origin.dossiers.at(origin.line, path, std::move(diag.message));
}

/// Fills `target` from the row's cells; a cell that cannot be converted is reported at once and its JSON
/// path (`prefix` + column) remembered, so that the JSON reader's "missing" for it is not said twice.
template <std::size_t N>
void fill(json::Value& target, const Sheet& sheet, const SheetRow& row, const Column (&columns)[N], std::size_t first,
          const std::string& prefix, Diagnostics& own, std::set<std::string>& converted_away) {
  for (std::size_t c = first; c < N; ++c) {
    Converted v = convert(columns[c].kind, sheet.cell(row, c));
    if (v.value) {
      target.set_path(columns[c].name, std::move(*v.value));
    } else if (!v.error.empty()) {
      own.push_back(sheet.at(row.line, std::string(columns[c].name), std::move(v.error)));
      converted_away.insert(prefix + std::string(columns[c].name));
    }
  }
}

void read_one(const SheetRow& row, Origin& origin, const std::vector<Diagnostic>& session_problems,
              DossierLoad& load) {
  const Sheet& dossiers = origin.dossiers;
  Diagnostics own;
  if (auto p = dossiers.width_problem(row)) own.push_back(std::move(*p));
  own.insert(own.end(), session_problems.begin(), session_problems.end());
  std::set<std::string> converted_away;

  // Objects the JSON format requires are always there, so that an empty cell is reported as the field's.
  json::Value value = json::Value::object();
  for (const char* path :
       {"association.representative", "association.address", "training.site", "partnerships", "budget"})
    value.set_path(path, json::Value::object());
  fill(value, dossiers, row, kDossierColumns, 0, "", own, converted_away);
  // gen_label and qpv_code are "null when none": two empty cells say the training has no label.
  if (!value.has_path("training.gen_label")) {
    const bool bad_date = converted_away.count("training.gen_label.valid_until") > 0;
    value.set_path("training.gen_label", bad_date ? json::Value::object() : json::Value(nullptr));
  }
  json::Value sessions = json::Value::array();
  for (std::size_t i = 0; i < origin.session_rows.size(); ++i) {
    json::Value session = json::Value::object();
    fill(session, origin.sessions, *origin.session_rows[i], kSessionColumns, 1,
         "training.sessions[" + std::to_string(i) + "].", own, converted_away);
    sessions.push_back(std::move(session));
  }
  value.set_path("training.sessions", std::move(sessions));

  static const json::JsonLocator kNoLines{std::string_view()};
  json::Report report(dossiers.name, kNoLines);
  const json::Document readable(value);
  Dossier dossier = check_dossier(readable.root(), "", dossiers.row_name(row.line), report, load);
  for (Diagnostic& d : report.take_sorted()) {
    if (converted_away.count(d.field)) continue;
    own.push_back(relocate(std::move(d), origin));
  }
  if (own.empty()) {
    dossier.source_file = dossiers.table.is_workbook() ? dossiers.row_name(row.line)
                                                       : dossiers.name + ":" + std::to_string(row.line);
    load.dossiers.push_back(std::move(dossier));
    return;
  }
  // The dossier's row first, then its sessions' rows, each file in line order.
  std::stable_sort(own.begin(), own.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const bool a_sessions = origin.sessions.owns(a);
    const bool b_sessions = origin.sessions.owns(b);
    return a_sessions != b_sessions ? b_sessions : a.line < b.line;
  });
  InvalidDossier invalid{dossiers.name, {}};
  for (Diagnostic& d : own) {
    settle(d, dossiers.table);
    invalid.errors.push_back(d.to_string());
    load.diagnostics.push_back(std::move(d));
  }
  load.invalid.push_back(std::move(invalid));
}

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return ext;
}

}  // namespace

const std::vector<std::string_view>& dossier_csv_columns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Column& c : kDossierColumns) out.push_back(c.name);
    return out;
  }();
  return names;
}

const std::vector<std::string_view>& session_csv_columns() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const Column& c : kSessionColumns) out.push_back(c.name);
    return out;
  }();
  return names;
}

void parse_sheet_dossiers(SheetTable dossiers_table, SheetTable sessions_table, DossierLoad& load) {
  const bool workbook = dossiers_table.is_workbook();
  const std::string dossiers_name = dossiers_table.file;
  const std::string sessions_name = sessions_table.file;
  Diagnostics dossier_diags;
  const auto dossiers = read_sheet(std::move(dossiers_table), kDossierColumns, dossier_diags);
  if (!dossiers) {
    file_problems(load, dossiers_name, std::move(dossier_diags), workbook);
    return;
  }
  Diagnostics session_diags;
  const auto sessions = read_sheet(std::move(sessions_table), kSessionColumns, session_diags);
  if (!sessions) {
    file_problems(load, sessions_name, std::move(session_diags), workbook);
    return;
  }
  const auto& dossier_rows = dossiers->table.rows;
  const std::string dossiers_said = workbook ? "la feuille " + dossiers->table.sheet : dossiers_name;

  std::map<std::string, std::vector<std::size_t>, std::less<>> rows_of_id;
  for (std::size_t r = 0; r < dossier_rows.size(); ++r) {
    const std::string id = dossiers->id_text(dossier_rows[r], 0);
    if (!id.empty()) rows_of_id[id].push_back(r);
  }
  std::vector<Origin> origins;
  origins.reserve(dossier_rows.size());
  for (const SheetRow& row : dossier_rows) origins.push_back(Origin{*dossiers, *sessions, row.line, {}});
  std::vector<Diagnostics> session_problems(dossier_rows.size());
  Diagnostics orphans;
  for (const SheetRow& row : sessions->table.rows) {
    const std::string id = sessions->id_text(row, 0);
    const auto it = rows_of_id.find(id);
    if (it == rows_of_id.end()) {
      if (auto p = sessions->width_problem(row)) orphans.push_back(std::move(*p));
      orphans.push_back(sessions->at(row.line, std::string(kDossierIdColumn),
                                     id.empty() ? std::string(kEmptyRequired)
                                                : in_guillemets(id) + " : aucun dossier de cet identifiant dans " +
                                                      dossiers_said));
      continue;
    }
    for (const std::size_t r : it->second) {
      origins[r].session_rows.push_back(&row);
      if (auto p = sessions->width_problem(row)) session_problems[r].push_back(std::move(*p));
    }
  }
  for (std::size_t r = 0; r < dossier_rows.size(); ++r) {
    read_one(dossier_rows[r], origins[r], session_problems[r], load);
  }
  for (Diagnostic& d : orphans) settle(d, sessions->table);
  load.diagnostics.insert(load.diagnostics.end(), orphans.begin(), orphans.end());
}

void parse_csv_dossiers(std::string_view dossiers_bytes, const std::string& dossiers_name,
                        std::string_view sessions_bytes, const std::string& sessions_name, DossierLoad& load) {
  Diagnostics diags;
  auto dossiers = csv_table(dossiers_bytes, dossiers_name, diags);
  if (!dossiers) {
    file_problems(load, dossiers_name, std::move(diags), false);
    return;
  }
  auto sessions = csv_table(sessions_bytes, sessions_name, diags);
  if (!sessions) {
    file_problems(load, sessions_name, std::move(diags), false);
    return;
  }
  parse_sheet_dossiers(std::move(*dossiers), std::move(*sessions), load);
}

void read_csv_dossiers(const fs::path& dossiers, const fs::path& sessions, DossierLoad& load) {
  std::string contents[2];
  std::string hashes[2];
  const fs::path* paths[2] = {&dossiers, &sessions};
  for (int k = 0; k < 2; ++k) {
    const fs::path& path = *paths[k];
    InputFile file = read_input_file(path, kMaxCsvBytes, kCsvLimitScope);
    if (!file.ok()) {
      const std::string why = !file.missing ? file.problem
                              : k == 1      ? "fichier des sessions introuvable (sessions.csv à côté de " +
                                             dossiers.string() + ", ou --sessions FICHIER)"
                                            : "fichier introuvable";
      file_problems(load, path.string(), {Diagnostic{path.string(), 0, "", why}}, false);
      return;
    }
    contents[k] = std::move(file.bytes);
    hashes[k] = std::move(file.sha256);
  }
  load.add_file(dossiers, std::move(hashes[0]));
  load.add_file(sessions, std::move(hashes[1]));
  parse_csv_dossiers(contents[0], dossiers.string(), contents[1], sessions.string(), load);
}

bool is_csv_file(const fs::path& path) { return lower_extension(path) == ".csv"; }

fs::path sessions_file_beside(const fs::path& dossiers) { return dossiers.parent_path() / "sessions.csv"; }

}  // namespace aap::input
