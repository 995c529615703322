// Reads dossiers and checks every rule a dossier must follow, reporting all problems, not the first.
#include "input/dossier_reader.hpp"

#include <algorithm>

#include "input/csv_dossiers.hpp"
#include "input/dossier_check.hpp"
#include "input/workbook_dossiers.hpp"
#include "input/identifiers.hpp"
#include "input/input_file.hpp"
#include "json/fields.hpp"
#include "json/locator.hpp"
#include "json/parse.hpp"
#include "render/checks/printable_dossier.hpp"
#include "text/french.hpp"
#include "text/utf8.hpp"

namespace aap {

namespace {

using json::Node;
using json::ObjectReader;
using json::Presence;
using json::in_guillemets;
using json::Report;

constexpr std::string_view kNoLabelHint = "null si la formation n’a pas le label Grande École du Numérique";
constexpr std::string_view kNoQpvHint = "null si le site est hors quartier prioritaire (QPV)";

std::string trainees_fr(int n) { return std::to_string(n) + (n == 1 ? " stagiaire" : " stagiaires"); }

std::optional<std::string> checked_id(ObjectReader& r) {
  auto id = r.text("id");
  if (id && !input::is_valid_id(*id)) {
    r.report().error(r.field("id"), in_guillemets(*id) +
                                        " n’est pas un identifiant valide (lettres sans accent, chiffres, « . », "
                                        "« _ » ou « - », 64 au plus, en commençant par une lettre ou un chiffre)");
    return std::nullopt;
  }
  return id;
}

std::optional<std::string> postal_code(ObjectReader& r) {
  auto code = r.text("postal_code");
  if (code && !input::is_valid_postal_code(*code)) {
    r.report().error(r.field("postal_code"), in_guillemets(*code) + " n’est pas un code postal valide (5 chiffres)");
    return std::nullopt;
  }
  return code;
}

Representative read_representative(ObjectReader r) {
  Representative out;
  out.civility = r.text("civility").value_or("");
  out.first_name = r.text("first_name").value_or("");
  out.last_name = r.text("last_name").value_or("");
  out.role = r.text("role").value_or("");
  r.reject_unknown();
  return out;
}

PostalAddress read_address(ObjectReader r) {
  PostalAddress out;
  out.lines = r.texts("lines", 1).value_or(std::vector<std::string>{});
  out.postal_code = postal_code(r).value_or("");
  out.city = r.text("city").value_or("");
  r.reject_unknown();
  return out;
}

Association read_association(ObjectReader r) {
  Association out;
  out.name = r.text("name").value_or("");
  out.short_name = r.text("short_name", Presence::optional);
  if (auto siret = r.text("siret")) {
    if (auto problem = input::siret_problem(*siret)) {
      r.report().error(r.field("siret"), in_guillemets(*siret) + " " + *problem);
    } else {
      out.siret = *siret;
    }
  }
  out.rna = r.text("rna", Presence::optional);
  if (auto rep = r.object("representative")) out.representative = read_representative(*rep);
  if (auto address = r.object("address")) out.address = read_address(*address);
  out.email = r.text("email", Presence::optional);
  r.reject_unknown();
  return out;
}

GenLabel read_gen_label(ObjectReader r) {
  GenLabel out;
  out.number = r.text("number").value_or("");
  if (auto d = r.date("valid_until")) out.valid_until = *d;
  r.reject_unknown();
  return out;
}

Site read_site(ObjectReader r) {
  Site out;
  out.address = r.text("address", Presence::optional);
  out.postal_code = postal_code(r).value_or("");
  out.city = r.text("city").value_or("");
  if (auto code = r.text("insee_code")) {
    if (input::is_valid_insee_code(*code)) {
      out.insee_code = *code;
    } else {
      r.report().error(r.field("insee_code"),
                       in_guillemets(*code) + " n’est pas un code INSEE valide (5 chiffres, ou 2A ou 2B et 3 chiffres)");
    }
  }
  if (const auto qpv = r.member("qpv_code", Presence::nullable, kNoQpvHint)) {
    if (auto code = json::read_text(*qpv, r.field("qpv_code"), r.report())) {
      if (input::is_valid_qpv_code(*code)) {
        out.qpv_code = *code;
      } else {
        r.report().error(r.field("qpv_code"),
                         in_guillemets(*code) + " n’est pas un code QPV valide (QP ou QN, 3 chiffres, 3 chiffres ou "
                                         "majuscules : QN01312M), ni null");
      }
    }
  }
  r.reject_unknown();
  return out;
}

/// A head count that cannot exceed the session's trainees: "12 femmes déclarées pour 10 stagiaires".
void check_within_trainees(ObjectReader& r, std::string_view key, const std::optional<int>& count, int trainees,
                           std::string_view declared) {
  if (count && *count > trainees) {
    r.report().error(r.field(key), std::to_string(*count) + " " + std::string(declared) + " pour " +
                                       trainees_fr(trainees));
  }
}

Session read_session(ObjectReader r) {
  Session out;
  out.label = r.text("label", Presence::optional);
  const auto start = r.date("start");
  const auto end = r.date("end");
  const auto trainees = r.count("trainees");
  const auto women = r.count("women");
  const auto low_qualified = r.count("low_qualified_job_seekers");
  const auto bac_or_below = r.count("bac_or_below");
  const auto qpv = r.count("qpv_residents");
  const auto veille = r.count("veille_active_residents");
  const auto plie = r.count("plie_followed");
  r.reject_unknown();

  if (start && end && *end < *start) {
    r.report().error(r.field("end"), "la fin (" + end->iso() + ") précède le début (" + start->iso() + ")");
  }
  if (trainees && *trainees < 1) {
    r.report().error(r.field("trainees"), "au moins 1 stagiaire par session (trouvé : 0)");
  }
  if (trainees && *trainees >= 1) {
    const int t = *trainees;
    check_within_trainees(r, "women", women, t, "femmes déclarées");
    check_within_trainees(r, "low_qualified_job_seekers", low_qualified, t,
                          "demandeurs d’emploi peu qualifiés déclarés");
    check_within_trainees(r, "bac_or_below", bac_or_below, t, "stagiaires de niveau bac ou infra déclarés");
    check_within_trainees(r, "plie_followed", plie, t, "personnes suivies par un PLIE déclarées");
    // A trainee lives in one neighbourhood: QPV and Veille Active residents are disjoint parts of the group.
    if (qpv && veille && *qpv + *veille > t) {
      r.report().error(r.field("qpv_residents"),
                       std::to_string(*qpv) + " résidents de QPV et " + std::to_string(*veille) +
                           " résidents de quartiers de veille active déclarés pour " + trainees_fr(t));
    }
  }
  out.start = start.value_or(Date{});
  out.end = end.value_or(Date{});
  out.trainees = trainees.value_or(0);
  out.women = women.value_or(0);
  out.low_qualified_job_seekers = low_qualified.value_or(0);
  out.bac_or_below = bac_or_below.value_or(0);
  out.qpv_residents = qpv.value_or(0);
  out.veille_active_residents = veille.value_or(0);
  out.plie_followed = plie.value_or(0);
  return out;
}

Training read_training(ObjectReader r) {
  Training out;
  out.title = r.text("title").value_or("");
  if (auto label = r.object("gen_label", Presence::nullable, kNoLabelHint)) out.gen_label = read_gen_label(*label);
  out.free_of_charge = r.boolean("free_of_charge").value_or(false);
  if (auto site = r.object("site")) out.site = read_site(*site);
  if (const auto sessions = r.array("sessions")) {
    if (sessions->empty()) r.report().error(r.field("sessions"), "au moins une session est requise");
    if (sessions->size() > input::kMaxSessions) {
      r.report().error(r.field("sessions"), std::to_string(sessions->size()) + " sessions, " +
                                                std::to_string(input::kMaxSessions) + " au plus par dossier");
    }
    for (std::size_t i = 0; i < sessions->size() && i < input::kMaxSessions; ++i) {
      const std::string path = r.field("sessions") + "[" + std::to_string(i) + "]";
      const Node s = (*sessions)[i];
      if (!s.is_object()) {
        r.report().error(path, "doit être un objet (trouvé : " + json::describe(s) + ")");
        continue;
      }
      out.sessions.push_back(read_session(ObjectReader(s, path, r.report())));
    }
  }
  r.reject_unknown();
  return out;
}

Partnerships read_partnerships(ObjectReader r) {
  Partnerships out;
  out.politique_de_la_ville = r.boolean("politique_de_la_ville").value_or(false);
  out.emploi_insertion = r.boolean("emploi_insertion").value_or(false);
  out.esr = r.boolean("esr").value_or(false);
  r.reject_unknown();
  return out;
}

DossierBudget read_budget(ObjectReader r) {
  DossierBudget out;
  const auto total = r.money("total_cost");
  const auto requested = r.money("requested");
  r.reject_unknown();
  if (requested && requested->cents() == 0) {
    r.report().error(r.field("requested"), "le montant demandé doit être supérieur à 0");
  } else if (requested && total && *requested > *total) {
    r.report().error(r.field("requested"),
                     fr::money(*requested) + " demandés pour un coût total de " + fr::money(*total));
  }
  out.total_cost = total.value_or(Money{});
  out.requested = requested.value_or(Money{});
  return out;
}

Instruction read_instruction(ObjectReader r) {
  Instruction out;
  out.instructor = r.text("instructor", Presence::optional);
  out.notes = r.text("notes", Presence::optional, input::kMaxNotesLength, /*allow_newlines=*/true);
  r.reject_unknown();
  return out;
}

Dossier read_dossier(ObjectReader r) {
  Dossier d;
  d.id = checked_id(r).value_or("");
  if (auto received = r.date("received_on")) d.received_on = *received;
  if (auto a = r.object("association")) d.association = read_association(*a);
  if (auto t = r.object("training")) d.training = read_training(*t);
  if (auto p = r.object("partnerships")) d.partnerships = read_partnerships(*p);
  d.employer_partners = r.texts("employer_partners", 0).value_or(std::vector<std::string>{});
  if (auto b = r.object("budget")) d.budget = read_budget(*b);
  if (auto i = r.object("instruction", Presence::optional)) d.instruction = read_instruction(*i);
  r.reject_unknown();
  return d;
}

void refuse(Report& report, const std::string& file, DossierLoad& load) {
  InvalidDossier invalid{file, {}};
  for (auto& diag : report.take_sorted()) {
    invalid.errors.push_back(diag.to_string());
    load.diagnostics.push_back(std::move(diag));
  }
  load.invalid.push_back(std::move(invalid));
}

/// One dossier: the object at the root of the file (`prefix` empty) or the element `prefix` ("[2]").
void check_one(Node value, const std::string& prefix, const std::string& file, const json::JsonLocator& locator,
               DossierLoad& load) {
  Report report(file, locator);
  for (const auto& dup : locator.duplicates()) {
    const bool mine = prefix.empty() || dup.path.rfind(prefix + ".", 0) == 0;
    if (mine) report.error_at(dup.line, dup.path, "champ écrit deux fois");
  }
  if (!value.is_object()) {
    report.error(prefix, "doit être un dossier, c’est-à-dire un objet JSON (trouvé : " + json::describe(value) + ")");
    refuse(report, file, load);
    return;
  }
  Dossier dossier = check_dossier(value, prefix, prefix.empty() ? file : file + ", élément " + prefix, report, load);
  if (!report.ok()) {
    refuse(report, file, load);
    return;
  }
  dossier.source_file = file;
  load.dossiers.push_back(std::move(dossier));
}

void file_problem(DossierLoad& load, const std::string& file, std::string message) {
  Diagnostic diag{file, 0, "", std::move(message)};
  load.invalid.push_back(InvalidDossier{file, {diag.to_string()}});
  load.diagnostics.push_back(std::move(diag));
}

void read_file(const std::filesystem::path& path, DossierLoad& load) {
  const input::InputFile file = input::read_input_file(path, json::kMaxJsonBytes, json::kJsonLimitScope);
  if (!file.ok()) {
    std::error_code ec;
    const bool dangling = file.missing && std::filesystem::is_symlink(std::filesystem::symlink_status(path, ec));
    file_problem(load, path.string(), dangling ? "lien symbolique vers un fichier introuvable" : file.problem);
    return;
  }
  load.add_file(path, file.sha256);
  parse_dossiers(file.bytes, path.string(), load);
}

}  // namespace

Dossier check_dossier(Node value, const std::string& prefix, const std::string& where, Report& report,
                      DossierLoad& load) {
  report.refuse_formulas();
  ObjectReader root(value, prefix, report);
  Dossier dossier = read_dossier(root);
  // What the documents could not print is the dossier's problem, found now, not while writing them.
  for (const render::PrintProblem& p : render::printing_problems(dossier)) report.error(root.field(p.field), p.message);
  if (!dossier.id.empty()) {
    const auto [it, inserted] = load.id_sources.emplace(dossier.id, where);
    const auto [folded, first] = load.folded_ids.emplace(input::folded_id(dossier.id), dossier.id);
    if (!inserted) {
      report.error(root.field("id"), in_guillemets(dossier.id) + " est déjà l’identifiant du dossier de " + it->second);
    } else if (!first) {
      // The services' Windows shares do not tell case apart: both letters would be one file.
      report.error(root.field("id"), in_guillemets(dossier.id) + " ne diffère que par la casse de " +
                                         in_guillemets(folded->second) + ", l’identifiant du dossier de " +
                                         load.id_sources.at(folded->second) +
                                         " : leurs courriers porteraient le même nom sur un partage Windows");
    } else if (const auto reason = input::reserved_id_reason(dossier.id)) {
      report.error(root.field("id"), in_guillemets(dossier.id) + " ne peut pas être un identifiant de dossier : " + *reason);
    }
  }
  return dossier;
}

void parse_dossiers(std::string_view text, const std::string& display_name, DossierLoad& load) {
  const std::string clean = text::strip_bom(text);
  Diagnostics syntax;
  const auto parsed = json::parse_json(clean, display_name, syntax);
  if (!parsed) {
    for (auto& diag : syntax) {
      load.invalid.push_back(InvalidDossier{display_name, {diag.to_string()}});
      load.diagnostics.push_back(std::move(diag));
    }
    return;
  }
  const json::JsonLocator locator(clean);
  const Node doc = parsed->root();
  if (doc.is_array()) {
    if (doc.empty()) {
      file_problem(load, display_name, "le fichier ne contient aucun dossier (tableau vide)");
      return;
    }
    for (std::size_t i = 0; i < doc.size(); ++i) {
      check_one(doc[i], "[" + std::to_string(i) + "]", display_name, locator, load);
    }
    return;
  }
  if (!doc.is_object()) {
    file_problem(load, display_name,
                 "le fichier doit contenir un dossier (objet JSON) ou un tableau de dossiers (trouvé : " +
                     json::describe(doc) + ")");
    return;
  }
  check_one(doc, "", display_name, locator, load);
}

DossierLoad read_dossiers(const std::vector<std::filesystem::path>& inputs) {
  return read_dossiers(inputs, std::nullopt);
}

DossierLoad read_dossiers(const std::vector<std::filesystem::path>& inputs,
                          const std::optional<std::filesystem::path>& sessions_file) {
  namespace fs = std::filesystem;
  DossierLoad load;
  const auto is_csv = [](const fs::path& p) { return input::is_csv_file(p); };
  const auto csv_inputs = std::count_if(inputs.begin(), inputs.end(), is_csv);
  if (sessions_file && csv_inputs != 1) {
    load.diagnostics.push_back(Diagnostic{sessions_file->string(), 0, "",
                                          csv_inputs == 0 ? "--sessions ne sert qu’avec un fichier .csv dans --dossiers"
                                                          : "--sessions ne peut servir qu’à un seul fichier .csv de "
                                                            "--dossiers"});
  }
  for (const auto& input : inputs) {
    if (is_csv(input)) {
      input::read_csv_dossiers(input, sessions_file.value_or(input::sessions_file_beside(input)), load);
      continue;
    }
    if (input::is_workbook_file(input)) {
      input::read_workbook_dossiers(input, load);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (!fs::exists(status)) {
      load.diagnostics.push_back(Diagnostic{input.string(), 0, "", "fichier ou dossier introuvable"});
    } else if (fs::is_directory(status)) {
      std::vector<std::string> names;
      std::vector<std::string> spreadsheets;  // named in the message when there is no JSON file
      std::vector<std::string> skipped_folders, skipped_case;  // not read: said, never dropped silently
      for (fs::directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
        std::error_code type_ec;
        // A FIFO, device or socket named *.json is read like the others, and refused as not a regular
        // file: skipping it would drop a dossier without a word.
        // A symbolic link to nothing is kept too: its read reports the link, not a silent gap.
        const fs::file_type type = it->status(type_ec).type();
        const bool dangling = type == fs::file_type::not_found && it->is_symlink(type_ec);
        const std::string extension = it->path().extension().string();
        if (extension == ".json" && type != fs::file_type::directory &&
            (type != fs::file_type::not_found || dangling)) {
          names.push_back(it->path().filename().string());
        } else if (type == fs::file_type::directory) {
          skipped_folders.push_back(it->path().filename().string());
        } else if (input::folded_id(extension) == ".json") {
          skipped_case.push_back(it->path().filename().string());
        } else if (is_csv(it->path()) && type == fs::file_type::regular) {
          spreadsheets.push_back(it->path().generic_string());
        }
      }
      if (ec) {
        load.diagnostics.push_back(Diagnostic{input.string(), 0, "", "dossier illisible"});
        continue;
      }
      if (names.empty()) {
        std::string message = "aucun fichier .json dans ce dossier";
        if (!spreadsheets.empty()) {
          // A folder is read for its JSON files only: a spreadsheet must be named, with its sessions.
          std::sort(spreadsheets.begin(), spreadsheets.end());
          const auto dossiers = std::find_if(spreadsheets.begin(), spreadsheets.end(), [](const std::string& p) {
            return fs::path(p).filename() == "dossiers.csv";
          });
          message += " ; pour un tableur, indiquez le fichier lui-même : --dossiers " +
                     (dossiers != spreadsheets.end() ? *dossiers : spreadsheets.front());
        }
        load.diagnostics.push_back(Diagnostic{input.string(), 0, "", message});
      }
      std::sort(skipped_folders.begin(), skipped_folders.end());
      std::sort(skipped_case.begin(), skipped_case.end());
      for (const auto& name : skipped_folders)
        load.warnings.push_back((input / name).string() + " : sous-dossier non lu (seuls les fichiers *.json de " +
                                input.string() + " sont lus, pas ceux de ses sous-dossiers)");
      for (const auto& name : skipped_case)
        load.warnings.push_back((input / name).string() +
                                " : fichier non lu (seuls les noms en « .json », en minuscules, sont lus : renommez-le)");
      std::sort(names.begin(), names.end());
      for (const auto& name : names) read_file(input / name, load);
    } else {
      // A FIFO or a device is refused by the read, without waiting on it ("n’est pas un fichier ordinaire").
      read_file(input, load);
    }
  }
  return load;
}

}  // namespace aap
