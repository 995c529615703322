// Dossiers from dossiers.csv and sessions.csv: the same model and the same rules as the JSON reader, and
// messages naming the file, line and column.
#include "test_paths.hpp"
#include "input/csv_dossiers.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace aap::input {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kCsvData = fs::path(AAP_TEST_DATA) / "csv";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string opt(const std::optional<std::string>& s) { return s ? "\"" + *s + "\"" : "null"; }

/// Every field of the model, one per line: two dossiers are the same when their texts are.
std::string describe(const Dossier& d) {
  std::ostringstream o;
  const auto& a = d.association;
  o << d.id << "|" << d.received_on.iso() << "|" << a.name << "|" << a.siret << "|" << opt(a.rna) << "|"
    << a.representative.civility << "|" << a.representative.first_name << "|" << a.representative.last_name << "|"
    << a.representative.role << "|" << a.address.postal_code << "|" << a.address.city << "|" << opt(a.email) << "\n";
  for (const auto& l : a.address.lines) o << "line " << l << "\n";
  const auto& t = d.training;
  o << t.title << "|" << (t.gen_label ? t.gen_label->number + " " + t.gen_label->valid_until.iso() : "null") << "|"
    << t.free_of_charge << "|" << opt(t.site.address) << "|" << t.site.postal_code << "|" << t.site.city << "|"
    << t.site.insee_code << "|" << opt(t.site.qpv_code) << "\n";
  for (const auto& s : t.sessions) {
    o << "session " << opt(s.label) << "|" << s.start.iso() << "|" << s.end.iso() << "|" << s.trainees << "|"
      << s.women << "|" << s.low_qualified_job_seekers << "|" << s.bac_or_below << "|" << s.qpv_residents << "|"
      << s.veille_active_residents << "|" << s.plie_followed << "\n";
  }
  o << d.partnerships.politique_de_la_ville << d.partnerships.emploi_insertion << d.partnerships.esr << "\n";
  for (const auto& e : d.employer_partners) o << "employer " << e << "\n";
  o << d.budget.total_cost.cents() << "|" << d.budget.requested.cents() << "\n";
  if (d.instruction) o << "instruction " << opt(d.instruction->instructor) << "|" << opt(d.instruction->notes) << "\n";
  return o.str();
}

std::vector<std::string> described(const std::vector<Dossier>& dossiers) {
  std::vector<std::string> out;
  for (const auto& d : dossiers) out.push_back(describe(d));
  return out;
}

DossierLoad json_fixtures() { return read_dossiers({kRoot / "fixtures/dossiers"}); }

DossierLoad csv_folder(const fs::path& folder) {
  DossierLoad load;
  read_csv_dossiers(folder / "dossiers.csv", folder / "sessions.csv", load);
  return load;
}

std::vector<std::string> messages(const DossierLoad& load) {
  std::vector<std::string> out;
  for (const auto& d : load.diagnostics) out.push_back(d.to_string());
  return out;
}

// --- small inline files -------------------------------------------------------------------------------

using Row = std::map<std::string, std::string>;

Row valid_dossier() {
  return {{"id", "2027-001"},
          {"received_on", "12/01/2027"},
          {"association.name", "Association Code & Quartiers"},
          {"association.siret", "44306184100047"},
          {"association.rna", "W133012345"},
          {"association.representative.civility", "Madame"},
          {"association.representative.first_name", "Claire"},
          {"association.representative.last_name", "Martin"},
          {"association.representative.role", "Présidente"},
          {"association.address.lines", "12 rue de la République ; Bâtiment B"},
          {"association.address.postal_code", "13002"},
          {"association.address.city", "Marseille"},
          {"association.email", "contact@example.org"},
          {"training.title", "Développeur web et web mobile"},
          {"training.gen_label.number", "GEN-2025-0123"},
          {"training.gen_label.valid_until", "2028-06-30"},
          {"training.free_of_charge", "oui"},
          {"training.site.address", "3 boulevard National"},
          {"training.site.postal_code", "13003"},
          {"training.site.city", "Marseille"},
          {"training.site.insee_code", "13203"},
          {"training.site.qpv_code", "QN01312M"},
          {"partnerships.politique_de_la_ville", "VRAI"},
          {"partnerships.emploi_insertion", "non"},
          {"partnerships.esr", "1"},
          {"employer_partners", "Société Méditerranéenne de Logiciel ; Provence Numérique"},
          {"budget.total_cost", "95 000,50"},
          {"budget.requested", "30000"},
          {"instruction.instructor", "Paul Durand"},
          {"instruction.notes", "Dossier complet.\nVisite du site le 3 février."}};
}

Row valid_session(const std::string& label = "Session 1") {
  return {{"dossier_id", "2027-001"}, {"label", label},   {"start", "06/09/2027"},
          {"end", "2028-03-31"},      {"trainees", "14"}, {"women", "5"},
          {"low_qualified_job_seekers", "12"}, {"bac_or_below", "11"}, {"qpv_residents", "6"},
          {"veille_active_residents", "1"},    {"plie_followed", "3"}};
}

std::string quoted(const std::string& cell, char sep) {
  if (cell.find_first_of(std::string("\"\n\r") + sep) == std::string::npos) return cell;
  std::string out = "\"";
  for (const char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_of(const std::vector<std::string_view>& columns, const std::vector<Row>& rows, char sep = ';') {
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) out += (c ? std::string(1, sep) : "") + std::string(columns[c]);
  out += "\n";
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto it = row.find(std::string(columns[c]));
      out += (c ? std::string(1, sep) : "") + quoted(it == row.end() ? "" : it->second, sep);
    }
    out += "\n";
  }
  return out;
}

DossierLoad load_of(const std::vector<Row>& dossiers, const std::vector<Row>& sessions) {
  DossierLoad load;
  parse_csv_dossiers(csv_of(dossier_csv_columns(), dossiers), "d.csv", csv_of(session_csv_columns(), sessions),
                     "s.csv", load);
  return load;
}

/// The messages for one valid dossier with two sessions, once `patch` has changed it.
std::vector<std::string> problems(const std::function<void(Row&, Row&, Row&)>& patch) {
  Row d = valid_dossier();
  Row s1 = valid_session();
  Row s2 = valid_session("Session 2");
  patch(d, s1, s2);
  const DossierLoad load = load_of({d}, {s1, s2});
  if (!load.diagnostics.empty()) {
    EXPECT_EQ(load.invalid.size(), 1u);
    EXPECT_TRUE(load.dossiers.empty());
  }
  return messages(load);
}

using Messages = std::vector<std::string>;

// --- the model ----------------------------------------------------------------------------------------

TEST(CsvDossiers, TheShippedCsvFixturesGiveTheSameDossiersAsTheJsonOnes) {
  const DossierLoad json = json_fixtures();
  const DossierLoad csv = csv_folder(kRoot / "fixtures/csv");
  ASSERT_TRUE(csv.diagnostics.empty()) << messages(csv).front();
  ASSERT_EQ(json.dossiers.size(), 20u);
  EXPECT_EQ(described(csv.dossiers), described(json.dossiers));
}

TEST(CsvDossiers, EveryFormatVariantGivesTheSameDossiers) {
  const auto expected = described(json_fixtures().dossiers);
  int variants = 0;
  for (const auto& entry : fs::directory_iterator(kCsvData)) {
    if (!fs::exists(entry.path() / "sessions.csv") || entry.path().filename().string().rfind("error", 0) == 0) continue;
    ++variants;
    const DossierLoad csv = csv_folder(entry.path());
    EXPECT_TRUE(csv.diagnostics.empty()) << entry.path() << ": " << (csv.diagnostics.empty() ? "" : messages(csv).front());
    EXPECT_EQ(described(csv.dossiers), expected) << entry.path();
  }
  EXPECT_EQ(variants, 4);
}

TEST(CsvDossiers, TheFixturesHeaderIsTheReadersColumnList) {
  const std::string text = slurp(kRoot / "fixtures/csv/dossiers.csv");
  std::string expected;
  for (const auto c : dossier_csv_columns()) expected += (expected.empty() ? "" : ";") + std::string(c);
  EXPECT_EQ(text.substr(0, text.find('\n')), expected);
}

TEST(CsvDossiers, FrenchValuesAreReadIntoTheModel) {
  const DossierLoad load = load_of({valid_dossier()}, {valid_session(), valid_session("Session 2")});
  ASSERT_TRUE(load.diagnostics.empty()) << messages(load).front();
  ASSERT_EQ(load.dossiers.size(), 1u);
  const Dossier& d = load.dossiers[0];
  EXPECT_EQ(d.received_on, (Date{2027, 1, 12}));
  EXPECT_EQ(d.budget.total_cost.cents(), 9'500'050);
  EXPECT_EQ(d.association.address.lines, (std::vector<std::string>{"12 rue de la République", "Bâtiment B"}));
  EXPECT_TRUE(d.partnerships.politique_de_la_ville);
  EXPECT_FALSE(d.partnerships.emploi_insertion);
  EXPECT_TRUE(d.partnerships.esr);
  ASSERT_EQ(d.training.sessions.size(), 2u);
  EXPECT_EQ(d.training.sessions[1].label, "Session 2");
  EXPECT_EQ(d.training.sessions[0].start, (Date{2027, 9, 6}));
  EXPECT_EQ(d.instruction->notes, "Dossier complet.\nVisite du site le 3 février.");
  EXPECT_EQ(d.source_file, "d.csv:2");
}

TEST(CsvDossiers, EmptyGenLabelQpvAndInstructionCellsMeanNone) {
  Row d = valid_dossier();
  d["training.gen_label.number"] = "";
  d["training.gen_label.valid_until"] = "";
  d["training.site.qpv_code"] = " ";
  d["instruction.instructor"] = "";
  d["instruction.notes"] = "";
  d["association.rna"] = "";
  const DossierLoad load = load_of({d}, {valid_session()});
  ASSERT_EQ(load.dossiers.size(), 1u) << messages(load).front();
  EXPECT_FALSE(load.dossiers[0].training.gen_label);
  EXPECT_FALSE(load.dossiers[0].training.site.qpv_code);
  EXPECT_FALSE(load.dossiers[0].instruction);
  EXPECT_FALSE(load.dossiers[0].association.rna);
}

TEST(CsvDossiers, TheShortNameColumnIsReadAndMayBeLeftOut) {
  Row d = valid_dossier();
  d["association.short_name"] = "AIPIN";
  DossierLoad load = load_of({d}, {valid_session()});
  ASSERT_EQ(load.dossiers.size(), 1u) << messages(load).front();
  EXPECT_EQ(load.dossiers[0].association.short_name, "AIPIN");
  // Last year's spreadsheets have no such column.
  std::vector<std::string_view> columns = dossier_csv_columns();
  columns.erase(std::find(columns.begin(), columns.end(), "association.short_name"));
  load = DossierLoad{};
  parse_csv_dossiers(csv_of(columns, {valid_dossier()}), "d.csv", csv_of(session_csv_columns(), {valid_session()}),
                     "s.csv", load);
  ASSERT_EQ(load.dossiers.size(), 1u) << messages(load).front();
  EXPECT_FALSE(load.dossiers[0].association.short_name);
}

TEST(CsvDossiers, ColumnsMayComeInAnyOrder) {
  std::vector<std::string_view> columns = dossier_csv_columns();
  std::reverse(columns.begin(), columns.end());
  DossierLoad load;
  parse_csv_dossiers(csv_of(columns, {valid_dossier()}), "d.csv", csv_of(session_csv_columns(), {valid_session()}),
                     "s.csv", load);
  EXPECT_EQ(load.dossiers.size(), 1u);
  EXPECT_TRUE(load.diagnostics.empty());
}

// --- the file's own errors ----------------------------------------------------------------------------

TEST(CsvDossiers, AMissingColumnIsAnError) {
  std::vector<std::string_view> columns = dossier_csv_columns();
  columns.erase(std::find(columns.begin(), columns.end(), "training.site.insee_code"));
  DossierLoad load;
  parse_csv_dossiers(csv_of(columns, {valid_dossier()}), "d.csv", csv_of(session_csv_columns(), {valid_session()}),
                     "s.csv", load);
  EXPECT_EQ(messages(load), Messages{"d.csv:1: training.site.insee_code : colonne manquante"});
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_EQ(load.invalid[0].file, "d.csv");
  EXPECT_TRUE(load.dossiers.empty());
}

TEST(CsvDossiers, AnUnknownColumnIsAnError) {
  std::vector<std::string_view> columns = session_csv_columns();
  columns.push_back("woman");
  DossierLoad load;
  parse_csv_dossiers(csv_of(dossier_csv_columns(), {valid_dossier()}), "d.csv", csv_of(columns, {valid_session()}),
                     "s.csv", load);
  EXPECT_EQ(messages(load), Messages{"s.csv:1: woman : colonne inconnue"});
  EXPECT_TRUE(load.dossiers.empty());
}

TEST(CsvDossiers, AColumnWrittenTwiceIsAnError) {
  std::vector<std::string_view> columns = session_csv_columns();
  columns.push_back("women");
  DossierLoad load;
  parse_csv_dossiers(csv_of(dossier_csv_columns(), {valid_dossier()}), "d.csv", csv_of(columns, {valid_session()}),
                     "s.csv", load);
  EXPECT_EQ(messages(load), Messages{"s.csv:1: women : colonne écrite deux fois"});
}

TEST(CsvDossiers, AnEmptyUnnamedColumnIsIgnoredButAFilledOneIsAnError) {
  const std::string sessions = csv_of(session_csv_columns(), {valid_session()});
  std::string padded;
  std::istringstream lines(sessions);
  for (std::string line; std::getline(lines, line);) padded += line + ";\n";
  DossierLoad load;
  parse_csv_dossiers(csv_of(dossier_csv_columns(), {valid_dossier()}), "d.csv", padded, "s.csv", load);
  EXPECT_TRUE(load.diagnostics.empty());
  EXPECT_EQ(load.dossiers.size(), 1u);

  DossierLoad filled;
  parse_csv_dossiers(csv_of(dossier_csv_columns(), {valid_dossier()}), "d.csv", padded + "2027-001" + std::string(10, ';') + ";x\n",
                     "s.csv", filled);
  EXPECT_EQ(messages(filled), Messages{"s.csv:1: la colonne n° 12 n’a pas de nom mais est remplie (ligne 3)"});
}

TEST(CsvDossiers, AnEmptyFileIsAnError) {
  DossierLoad load;
  parse_csv_dossiers("", "d.csv", "", "s.csv", load);
  EXPECT_EQ(messages(load), Messages{"d.csv: fichier vide : la première ligne doit nommer les colonnes"});
}

TEST(CsvDossiers, ASyntaxErrorRefusesTheWholeFile) {
  DossierLoad load;
  parse_csv_dossiers(csv_of(dossier_csv_columns(), {valid_dossier()}) + "\"2027-002;", "d.csv",
                     csv_of(session_csv_columns(), {valid_session()}), "s.csv", load);
  EXPECT_EQ(messages(load), Messages{"d.csv:4: guillemet ouvert à cette ligne et jamais refermé : la suite du "
                                     "fichier est restée dans une seule cellule"});
  EXPECT_TRUE(load.dossiers.empty());
}

TEST(CsvDossiers, ARowWithMoreCellsThanColumnsIsAnError) {
  // "30 000,50" unquoted in a comma-separated file: one cell too many.
  std::string text = csv_of(dossier_csv_columns(), {valid_dossier()}, ',');
  text.replace(text.find("\"95 000,50\""), 11, "95 000,50");
  DossierLoad load;
  parse_csv_dossiers(text, "d.csv", csv_of(session_csv_columns(), {valid_session()}), "s.csv", load);
  ASSERT_FALSE(load.diagnostics.empty());
  EXPECT_EQ(load.diagnostics[0].to_string(),
            "d.csv:2: 32 cellules pour 31 colonnes (un texte contenant « , » doit être entre guillemets)");
}

TEST(CsvDossiers, ASessionRowForNoDossierIsAnError) {
  Row orphan = valid_session();
  orphan["dossier_id"] = "2027-099";
  const DossierLoad load = load_of({valid_dossier()}, {valid_session(), orphan});
  EXPECT_EQ(messages(load), Messages{"s.csv:3: dossier_id : « 2027-099 » : aucun dossier de cet identifiant dans d.csv"});
  EXPECT_EQ(load.dossiers.size(), 1u);  // the problem is no dossier's: it is the sessions file's
  EXPECT_TRUE(load.invalid.empty());
}

TEST(CsvDossiers, ASessionRowWithoutDossierIdIsAnError) {
  Row orphan = valid_session();
  orphan["dossier_id"] = "";
  const DossierLoad load = load_of({valid_dossier()}, {valid_session(), orphan});
  EXPECT_EQ(messages(load), Messages{"s.csv:3: dossier_id : cellule vide, valeur obligatoire"});
}

TEST(CsvDossiers, ADossierWithoutSessionIsAnError) {
  Row other = valid_dossier();
  other["id"] = "2027-002";
  const DossierLoad load = load_of({valid_dossier(), other}, {valid_session()});
  // Line 4: the first dossier's notes hold a line break, inside quotes.
  EXPECT_EQ(messages(load), Messages{"d.csv:4: id : aucune session : aucune ligne de s.csv n’a ce dossier_id"});
  ASSERT_EQ(load.dossiers.size(), 1u);
  EXPECT_EQ(load.invalid.size(), 1u);
}

// --- the rules of a dossier, through the CSV -----------------------------------------------------------

TEST(CsvDossiers, AnEmptyRequiredCellNamesItsColumn) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["association.siret"] = ""; }),
            Messages{"d.csv:2: association.siret : cellule vide, valeur obligatoire"});
}

TEST(CsvDossiers, AnEmptyRequiredSessionCellNamesTheSessionsFileAndLine) {
  EXPECT_EQ(problems([](Row&, Row&, Row& s2) { s2["trainees"] = ""; }),
            Messages{"s.csv:3: trainees : cellule vide, valeur obligatoire"});
}

TEST(CsvDossiers, ACellThatWouldBeAFormulaIsRefusedWithItsColumn) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["association.name"] = "=HYPERLINK(\"http://evil.example\";\"Cliquez\")"; }),
            Messages{"d.csv:2: association.name : commence par « = » : un tableur y verrait une formule (retirer ce "
                     "caractère)"});
  EXPECT_EQ(problems([](Row&, Row&, Row& s2) { s2["label"] = "@SUM(A1)"; }),
            Messages{"s.csv:3: label : commence par « @ » : un tableur y verrait une formule (retirer ce caractère)"});
}

TEST(CsvDossiers, WomenAboveTraineesIsReportedOnTheSessionsRow) {
  EXPECT_EQ(problems([](Row&, Row&, Row& s2) { s2["women"] = "15"; }),
            Messages{"s.csv:3: women : 15 femmes déclarées pour 14 stagiaires"});
}

TEST(CsvDossiers, EndBeforeStart) {
  EXPECT_EQ(problems([](Row&, Row& s1, Row&) { s1["end"] = "01/09/2027"; }),
            Messages{"s.csv:2: end : la fin (2027-09-01) précède le début (2027-09-06)"});
}

TEST(CsvDossiers, QpvAndVeilleResidentsAboveTrainees) {
  EXPECT_EQ(problems([](Row&, Row& s1, Row&) { s1["qpv_residents"] = "14"; }),
            Messages{"s.csv:2: qpv_residents : 14 résidents de QPV et 1 résidents de quartiers de veille active "
                     "déclarés pour 14 stagiaires"});
}

TEST(CsvDossiers, ZeroTrainees) {
  EXPECT_EQ(problems([](Row&, Row& s1, Row&) {
              for (const char* k : {"trainees", "women", "low_qualified_job_seekers", "bac_or_below",
                                    "qpv_residents", "veille_active_residents", "plie_followed"}) {
                s1[k] = "0";
              }
            }),
            Messages{"s.csv:2: trainees : au moins 1 stagiaire par session (trouvé : 0)"});
}

TEST(CsvDossiers, ACountThatIsNoWholeNumber) {
  EXPECT_EQ(problems([](Row&, Row& s1, Row&) { s1["women"] = "5,5"; }),
            Messages{"s.csv:2: women : « 5,5 » n’est pas un nombre entier"});
}

TEST(CsvDossiers, ANegativeCount) {
  EXPECT_EQ(problems([](Row&, Row& s1, Row&) { s1["plie_followed"] = "-1"; }),
            Messages{"s.csv:2: plie_followed : doit être positif ou nul (trouvé : -1)"});
}

TEST(CsvDossiers, AHugeCount) {
  EXPECT_EQ(problems([](Row&, Row& s1, Row&) { s1["trainees"] = "99999999999999999999"; }),
            Messages{"s.csv:2: trainees : doit être au plus 1000000 (trouvé : 99999999999999999999)"});
}

TEST(CsvDossiers, InvalidSiret) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["association.siret"] = "44306184100048"; }),
            Messages{"d.csv:2: association.siret : « 44306184100048 » n’est pas un SIRET valide (clé de contrôle)"});
}

TEST(CsvDossiers, InvalidInseePostalAndQpvCodes) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) {
              d["training.site.insee_code"] = "1320";
              d["association.address.postal_code"] = "1300";
              d["training.site.qpv_code"] = "QX01312M";
            }),
            (Messages{"d.csv:2: association.address.postal_code : « 1300 » n’est pas un code postal valide (5 chiffres)",
                      "d.csv:2: training.site.insee_code : « 1320 » n’est pas un code INSEE valide (5 chiffres, ou 2A "
                      "ou 2B et 3 chiffres)",
                      "d.csv:2: training.site.qpv_code : « QX01312M » n’est pas un code QPV valide (QP ou QN, 3 "
                      "chiffres, 3 chiffres ou majuscules : QN01312M), ni null"}));
}

TEST(CsvDossiers, InvalidId) {
  EXPECT_EQ(problems([](Row& d, Row& s1, Row& s2) { d["id"] = s1["dossier_id"] = s2["dossier_id"] = "2027 001"; }),
            Messages{"d.csv:2: id : « 2027 001 » n’est pas un identifiant valide (lettres sans accent, chiffres, « . "
                     "», « _ » ou « - », 64 au plus, en commençant par une lettre ou un chiffre)"});
}

TEST(CsvDossiers, ADuplicateIdNamesTheRowOfTheFirst) {
  const DossierLoad load = load_of({valid_dossier(), valid_dossier()}, {valid_session()});
  EXPECT_EQ(messages(load), Messages{"d.csv:4: id : « 2027-001 » est déjà l’identifiant du dossier de d.csv, ligne 2"});
  EXPECT_EQ(load.dossiers.size(), 1u);
}

TEST(CsvDossiers, IdsAreUniqueAcrossJsonAndCsvFiles) {
  DossierLoad load = read_dossiers({kRoot / "fixtures/dossiers/2027-001.json"});
  parse_csv_dossiers(csv_of(dossier_csv_columns(), {valid_dossier()}), "d.csv",
                     csv_of(session_csv_columns(), {valid_session()}), "s.csv", load);
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(), "d.csv:2: id : « 2027-001 » est déjà l’identifiant du dossier de " +
                                                 (kRoot / "fixtures/dossiers/2027-001.json").string());
}

TEST(CsvDossiers, RequestedAboveTotalCost) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["budget.requested"] = "95 000,51"; }),
            Messages{"d.csv:2: budget.requested : 95\u202F000,51\u00A0€ demandés pour un coût total de "
                     "95\u202F000,50\u00A0€"});
}

TEST(CsvDossiers, RequestedZero) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["budget.requested"] = "0,00"; }),
            Messages{"d.csv:2: budget.requested : le montant demandé doit être supérieur à 0"});
}

TEST(CsvDossiers, AnAmountWithThreeDecimals) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["budget.total_cost"] = "95 000,505"; }),
            Messages{"d.csv:2: budget.total_cost : « 95000.505 » : un montant a deux décimales au plus"});
}

TEST(CsvDossiers, ANegativeAmount) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["budget.total_cost"] = "-5"; }),
            Messages{"d.csv:2: budget.total_cost : « -5 » : un montant ne peut pas être négatif"});
}

TEST(CsvDossiers, AnAmountThatIsNoNumber) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["budget.total_cost"] = "95 000 euros"; }),
            Messages{"d.csv:2: budget.total_cost : « 95 000 euros » n’est pas un montant (des chiffres, une "
                     "virgule décimale, deux décimales au plus : 30 000,50)"});
}

TEST(CsvDossiers, ABooleanThatIsNeitherYesNorNo) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["partnerships.esr"] = "peut-être"; }),
            Messages{"d.csv:2: partnerships.esr : « peut-être » ne vaut ni oui ni non (oui/non, vrai/faux, "
                     "true/false ou 1/0)"});
}

TEST(CsvDossiers, AnImpossibleDate) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["received_on"] = "29/02/2027"; }),
            Messages{"d.csv:2: received_on : « 29/02/2027 » n’est pas une date valide (AAAA-MM-JJ ou JJ/MM/AAAA)"});
}

TEST(CsvDossiers, AGenLabelWithoutItsDate) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["training.gen_label.valid_until"] = ""; }),
            Messages{"d.csv:2: training.gen_label.valid_until : cellule vide, valeur obligatoire"});
}

TEST(CsvDossiers, AnEmptyListElementNamesItsRank) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["employer_partners"] = "A ; ; B"; }),
            Messages{"d.csv:2: employer_partners : élément n° 2 : ne doit pas être vide"});
}

TEST(CsvDossiers, NoAddressLine) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["association.address.lines"] = ""; }),
            Messages{"d.csv:2: association.address.lines : ne doit pas être vide"});
}

TEST(CsvDossiers, ALineBreakOutsideTheNotesIsAControlCharacter) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["association.name"] = "Code\net Quartiers"; }),
            Messages{"d.csv:2: association.name : caractère de contrôle U+000A interdit"});
}

TEST(CsvDossiers, ATextTooLong) {
  EXPECT_EQ(problems([](Row& d, Row&, Row&) { d["training.title"] = std::string(301, 'a'); }),
            Messages{"d.csv:2: training.title : 301 caractères, 300 au plus"});
}

TEST(CsvDossiers, ProblemsOfTheDossierRowComeBeforeThoseOfItsSessions) {
  const Messages m = problems([](Row& d, Row& s1, Row&) {
    s1["women"] = "20";
    d["partnerships.esr"] = "";
  });
  EXPECT_EQ(m, (Messages{"d.csv:2: partnerships.esr : cellule vide, valeur obligatoire",
                         "s.csv:2: women : 20 femmes déclarées pour 14 stagiaires"}));
}

// --- files and options --------------------------------------------------------------------------------

TEST(CsvDossiers, ReadDossiersTakesACsvFileAndItsSessionsBeside) {
  const DossierLoad load = read_dossiers({kRoot / "fixtures/csv/dossiers.csv"});
  EXPECT_EQ(load.dossiers.size(), 20u);
  EXPECT_EQ(load.files, (std::vector<fs::path>{kRoot / "fixtures/csv/dossiers.csv", kRoot / "fixtures/csv/sessions.csv"}));
}

TEST(CsvDossiers, ReadDossiersTakesAnExplicitSessionsFile) {
  const DossierLoad load = read_dossiers({kRoot / "fixtures/csv/dossiers.csv"}, kCsvData / "comma-utf8/sessions.csv");
  EXPECT_TRUE(load.diagnostics.empty());
  EXPECT_EQ(load.dossiers.size(), 20u);
  EXPECT_EQ(load.files[1], kCsvData / "comma-utf8/sessions.csv");
}

TEST(CsvDossiers, AMissingSessionsFileIsAnError) {
  const DossierLoad load = read_dossiers({kRoot / "fixtures/csv/dossiers.csv"}, fs::path("absent/sessions.csv"));
  EXPECT_EQ(messages(load), Messages{"absent/sessions.csv: fichier des sessions introuvable (sessions.csv à côté de " +
                                     (kRoot / "fixtures/csv/dossiers.csv").string() + ", ou --sessions FICHIER)"});
  EXPECT_TRUE(load.dossiers.empty());
}

TEST(CsvDossiers, ASessionsFileWithoutCsvDossiersIsAnError) {
  const DossierLoad load = read_dossiers({kRoot / "fixtures/dossiers/2027-001.json"}, fs::path("s.csv"));
  EXPECT_EQ(messages(load), Messages{"s.csv: --sessions ne sert qu’avec un fichier .csv dans --dossiers"});
}

TEST(CsvDossiers, AMissingDossiersFileIsAnError) {
  const DossierLoad load = read_dossiers({fs::path("absent/dossiers.csv")});
  EXPECT_EQ(messages(load), Messages{"absent/dossiers.csv: fichier introuvable"});
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_TRUE(load.files.empty());
}

TEST(CsvDossiers, OneSessionsFileForTwoCsvFilesIsAnError) {
  const fs::path csv = kRoot / "fixtures/csv/dossiers.csv";
  const DossierLoad load = read_dossiers({csv, kCsvData / "comma-utf8/dossiers.csv"}, csv.parent_path() / "sessions.csv");
  ASSERT_FALSE(load.diagnostics.empty());
  EXPECT_EQ(load.diagnostics[0].to_string(), (csv.parent_path() / "sessions.csv").string() +
                                                 ": --sessions ne peut servir qu’à un seul fichier .csv de --dossiers");
}

// --- robustness ---------------------------------------------------------------------------------------

/// The first `n` lines of `text` (the fixtures write no line break inside a cell).
std::string first_lines(const std::string& text, int n) {
  std::size_t end = 0;
  for (int k = 0; k < n && end != std::string::npos; ++k) end = text.find('\n', end + 1);
  return text.substr(0, end == std::string::npos ? text.size() : end + 1);
}

TEST(CsvDossiersRobustness, EveryTruncationOfTheFixturesIsReadWithoutCrashing) {
  // Four dossiers and their sessions: every byte boundary, in both encodings, in a few seconds.
  const std::string dossiers = first_lines(slurp(kRoot / "fixtures/csv/dossiers.csv"), 5);
  const std::string sessions = first_lines(slurp(kRoot / "fixtures/csv/sessions.csv"), 5);
  const std::string cp1252 = first_lines(slurp(kCsvData / "semicolon-cp1252-crlf/dossiers.csv"), 5);
  std::size_t read = 0;
  for (const std::string* text : {&dossiers, &cp1252}) {
    for (std::size_t n = 0; n <= text->size(); ++n) {
      DossierLoad load;
      parse_csv_dossiers(std::string_view(*text).substr(0, n), "d.csv", sessions, "s.csv", load);
      read += load.dossiers.size();
    }
  }
  for (std::size_t n = 0; n <= sessions.size(); ++n) {
    DossierLoad load;
    parse_csv_dossiers(dossiers, "d.csv", std::string_view(sessions).substr(0, n), "s.csv", load);
    read += load.dossiers.size();
  }
  // Prefixes ending on a row boundary keep the rows before it: 1, 2, 3 dossiers, then 4 twice (with and
  // without the final line break), in each file; then the sessions' prefixes that keep whole rows.
  EXPECT_GT(read, 20u);
}

TEST(CsvDossiersRobustness, RandomBytesAndRandomlyDamagedFixturesNeverCrash) {
  const std::string dossiers = first_lines(slurp(kRoot / "fixtures/csv/dossiers.csv"), 5);
  const std::string sessions = first_lines(slurp(kRoot / "fixtures/csv/sessions.csv"), 5);
  std::mt19937 rng(20270112);
  const std::string alphabet = "a;,\"\n\r 0123456789./-\xE9\xC3\xA9\x81";
  std::size_t refused = 0;
  for (int round = 0; round < 600; ++round) {
    std::string d = dossiers;
    std::string s = sessions;
    switch (round % 3) {
      case 0:  // pure noise
        d.resize(rng() % 400);
        for (char& c : d) c = static_cast<char>(rng() % 256);
        break;
      case 1:  // the fixtures with a few bytes changed, from an alphabet that hits separators and quotes
        for (int k = 0; k < 8; ++k) d[rng() % d.size()] = alphabet[rng() % alphabet.size()];
        for (int k = 0; k < 3; ++k) s[rng() % s.size()] = alphabet[rng() % alphabet.size()];
        break;
      default:  // the fixtures' header with noise rows
        d = dossiers.substr(0, dossiers.find('\n') + 1);
        for (int k = 0; k < 300; ++k) d.push_back(alphabet[rng() % alphabet.size()]);
        break;
    }
    DossierLoad load;
    parse_csv_dossiers(d, "d.csv", s, "s.csv", load);
    for (const auto& diag : load.diagnostics) EXPECT_FALSE(diag.message.empty());
    if (!load.diagnostics.empty()) ++refused;
  }
  EXPECT_GT(refused, 500u);
}

}  // namespace
}  // namespace aap::input
