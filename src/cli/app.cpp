// The command line: read, validate, evaluate, then check, explain or write.
#include "cli/app.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "allocation/allocation.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/printable.hpp"
#include "cli/simulate.hpp"
#include "cli/verify.hpp"
#include "cli/workbook.hpp"
#include "input/campaign_reader.hpp"
#include "input/communes.hpp"
#include "input/dossier_reader.hpp"
#include "output/out_folder.hpp"
#include "render/json/manifest.hpp"
#include "text/errno_fr.hpp"
#include "text/french.hpp"

namespace aap::cli {
namespace fs = std::filesystem;
namespace {

// An input that cannot be read once the run is under way (a template folder's file, for the manifest): a
// problem of the inputs (exit 1), not of the writing.
struct UnreadableInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The path and the French reason of a failed filesystem call (what() is English and names the call).
std::string unreadable(const fs::filesystem_error& e) {
  return (e.path1().empty() ? std::string() : e.path1().generic_string() + " : ") + "illisible (" +
         fr::error_reason(e.code()) + ")";  // « illisible » first: the reason alone would not say it is an input
}

void print(const Diagnostics& diags) {
  for (const Diagnostic& d : diags) std::cerr << d.to_string() << "\n";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n >= 2 ? many : one);
}

void print_summary(const Run& run, std::size_t read, std::ostream& out) {
  const Evaluation& ev = run.evaluation;
  const std::size_t eligible =
      ev.dossiers.size() - ev.count(Decision::ineligible) - ev.count(Decision::inadmissible);
  out << run.campaign.id << " — " << plural(read, "dossier lu", "dossiers lus") << ", "
      << plural(run.dossiers.size(), "valide", "valides") << ", "
      << plural(eligible, "éligible", "éligibles") << "\n"
      << "  financés : " << ev.count(Decision::funded)
      << " ; partiellement financés : " << ev.count(Decision::partially_funded)
      << " ; non financés : " << ev.count(Decision::not_funded)
      << " ; inéligibles : " << ev.count(Decision::ineligible)
      << " ; irrecevables (reçus après le " << fr::date(run.campaign.calendar.deadline)
      << ") : " << ev.count(Decision::inadmissible) << "\n"
      << "  attribué : " << fr::money(ev.allocated) << " sur une enveloppe de " << fr::money(ev.envelope)
      << " (reste " << fr::money(ev.remaining) << ")\n";
}

// Reads every input and evaluates. Returns an exit code when the run cannot go on.
std::optional<int> load(Run& run, std::size_t& read_count) {
  const Options& o = run.options;
  Diagnostics diags;
  std::string campaign_sha256;  // of the bytes parsed, for the manifest
  std::string communes_sha256;
  auto campaign = read_campaign(o.campaign, diags, &campaign_sha256);
  auto communes = load_communes(o.communes, diags, &communes_sha256);
  DossierLoad load = read_dossiers(o.dossiers, o.sessions);
  read_count = load.dossiers.size() + load.invalid.size();
  // Even with --quiet: a dossier left in a subfolder is a dossier missing from the run.
  for (const std::string& warning : load.warnings) std::cerr << "aap : attention : " << warning << ".\n";
  if (!campaign || !communes) {
    print(diags);
    print(load.diagnostics);
    std::cerr << "aap : entrées invalides, rien n’a été écrit.\n";
    return kInvalidInput;
  }
  // Templates and the campaign are checked before the first dossier is processed: an unknown variable
  // is an error now, not a blank in letter 412.
  std::optional<tpl::TemplateSet> templates;
  const bool needs_templates = o.command != Command::explain && o.command != Command::simulate;
  if (needs_templates) {
    std::vector<tpl::TemplateProblem> problems;
    try {
      templates = tpl::TemplateSet::load(o.templates);
      problems = check_templates(*templates, *campaign);
    } catch (const tpl::TemplateError& e) {
      problems = e.problems();
    }
    for (const tpl::TemplateProblem& p : problems) std::cerr << p.to_string() << "\n";
    if (!problems.empty()) templates.reset();
  }
  if (!templates && needs_templates) {
    std::cerr << "aap : modèles invalides, rien n’a été écrit.\n";
    return kInvalidInput;
  }
  const Diagnostics unprintable_campaign = check_printable(*campaign, o.campaign.generic_string());
  if (!unprintable_campaign.empty()) {
    print(unprintable_campaign);
    std::cerr << "aap : campagne invalide, rien n’a été écrit.\n";
    return kInvalidInput;
  }
  if (!load.diagnostics.empty()) {
    print(load.diagnostics);
    const bool writes = o.command != Command::check && o.command != Command::explain;
    run.input_problems = true;
    if (!o.skip_invalid) {
      // A problem tied to no dossier (a missing folder, a session row of an unknown dossier) counts too.
      std::cerr << "aap : "
                << (load.invalid.empty() ? std::string("entrées invalides")
                                         : plural(load.invalid.size(), "dossier invalide", "dossiers invalides"))
                << (writes ? ", rien n’a été écrit (--skip-invalid pour les écarter)." : ".") << "\n";
      if (o.command != Command::check) return kInvalidInput;
    } else {
      std::cerr << "aap : " << plural(load.invalid.size(), "dossier invalide écarté", "dossiers invalides écartés")
                << " (--skip-invalid).\n";
    }
  }
  run.campaign = std::move(*campaign);
  run.templates = std::move(templates);
  run.communes = std::move(*communes);
  run.dossiers = std::move(load.dossiers);
  run.input_files.push_back({o.campaign, std::move(campaign_sha256)});
  run.input_files.push_back({o.communes, std::move(communes_sha256)});
  for (std::size_t i = 0; i < load.files.size(); ++i)
    run.input_files.push_back({load.files[i], load.files_sha256[i]});
  run.date = o.date ? *o.date : run.campaign.calendar.documents_date.value_or(Date::today());
  run.evaluation = evaluate(run.campaign, run.communes, run.dossiers);
  run.evaluation.invalid = std::move(load.invalid);
  return std::nullopt;
}

std::vector<ManifestEntry> manifest_entries(const std::vector<input::FileDigest>& files) {
  std::vector<ManifestEntry> entries;
  for (const input::FileDigest& f : files) entries.push_back({f.path.generic_string(), f.sha256});
  return entries;
}

std::vector<fs::path> template_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Every file of the templates folder: the templates with the SHA-256 taken as they were parsed (even one
// removed since), any other file (a README, which no document uses) hashed now, a block at a time.
std::vector<ManifestEntry> template_entries(const Run& run) {
  std::map<fs::path, std::string> hashes;
  if (run.templates)
    for (const input::FileDigest& f : run.templates->files()) hashes.emplace(f.path, f.sha256);
  std::vector<fs::path> files;
  try {
    files = template_files(run.options.templates);
  } catch (const fs::filesystem_error& e) {
    throw UnreadableInput(unreadable(e));
  }
  for (const fs::path& f : files) {
    if (hashes.count(f)) continue;
    const input::FileHash hash = input::hash_input_file(f);
    if (!hash.ok()) throw UnreadableInput(f.generic_string() + " : " + hash.problem);
    hashes.emplace(f, hash.sha256);
  }
  std::vector<ManifestEntry> entries;
  for (const auto& [path, sha256] : hashes) entries.push_back({path.generic_string(), sha256});
  return entries;
}

// What `aap verify` needs to run the same command again (paths as given, relative to the current folder).
ManifestCommand command_line_of(const Options& o) {
  ManifestCommand c{std::string(command_name(o.command)), o.campaign.generic_string(), {}, o.communes.generic_string(),
                    o.templates.generic_string(), o.skip_invalid, std::nullopt};
  for (const fs::path& d : o.dossiers) c.dossiers.push_back(d.generic_string());
  if (o.sessions) c.sessions = o.sessions->generic_string();
  return c;
}

// Writes the outputs aside, then swaps them into place. `only` limits the documents to one family.
int write_outputs(const Run& run, const Family* only) {
  OutputDir out(run.options.out);
  if (only)
    out.carry_over([&](const std::string& rel) { return rel != "manifest.json" && !only->owns(rel); });
  // What each family printed, checked against the others before the outputs are moved into place.
  consistency::GrantLedger ledger;
  write_families(run, out, ledger, only);

  // Before anything is moved into place: the documents must print the same grants (exit 3 otherwise).
  consistency::require_consistent(ledger, run.campaign.envelope);
  Manifest manifest;
  manifest.version = AAP_VERSION;
  manifest.date = run.date;
  manifest.campaign_id = run.campaign.id;
  manifest.command_line = command_line_of(run.options);
  manifest.inputs = manifest_entries(run.input_files);
  manifest.templates = template_entries(run);
  for (auto& [rel, sha256] : out.checksums()) manifest.outputs.push_back({std::move(rel), std::move(sha256)});
  out.write("manifest.json", manifest_json(manifest));
  out.commit();
  return kOk;
}

int explain(const Run& run, const std::string& id) {
  const DossierEvaluation* e = run.evaluation.find(id);
  if (!e) {
    std::cerr << "aap : aucun dossier valide « " << id << " » parmi les dossiers lus.\n";
    return kInvalidInput;
  }
  const Dossier& d = *e->dossier;
  std::ostream& out = std::cout;
  out << d.id << " — " << d.association.name << "\n"
      << "  " << d.training.title << ", " << d.training.site.city << " (" << d.source_file << ")\n\n";
  for (const CriterionResult& c : e->criteria) {
    out << "  " << (c.eligibility ? (c.passed ? "[ok]  " : "[NON] ") : "      ") << c.code << " — "
        << c.label << "\n"
        << "        constaté : " << c.observed << " ; exigé : " << c.required;
    if (!c.eligibility) out << " ; points : " << c.points << "/" << c.max_points;
    out << "\n";
  }
  const Totals& t = e->totals;
  out << "\n  stagiaires : " << t.trainees << " ; femmes : " << t.women << " ; niveau bac ou infra : "
      << t.bac_or_below << " ; résidents QPV ou veille active : " << t.qpv_or_veille_residents
      << " ; suivis PLIE : " << t.plie_followed << "\n"
      << "  reçu le : " << fr::date(d.received_on) << " ; date limite : " << fr::date(run.campaign.calendar.deadline)
      << (e->admissible ? "" : " — irrecevable, non examiné pour un financement") << "\n"
      << "  éligible : " << (e->eligible ? "oui" : "non") << "\n"
      << "  score : " << e->score << "\n";
  if (e->eligible) {
    out << "  rang : " << *e->rank << " (niveau " << *e->tier << ", site "
        << (e->qpv_site ? "en QPV" : "hors QPV") << ")\n"
        << "  demandé : " << fr::money(d.budget.requested) << " ; coût total : "
        << fr::money(d.budget.total_cost) << "\n"
        << "  plafond : " << fr::money(*e->cap) << "\n";
  }
  out << "  subvention : " << fr::money(e->grant) << "\n"
      << "  décision : " << decision_code(e->decision) << "\n";
  if (e->available) {
    out << "  disponible à son tour : " << fr::money(*e->available) << "\n";
    if (e->shortfall) out << "  manque : " << shortfall_code(*e->shortfall) << "\n";
  }
  return kOk;
}

// The letters notify the council's decision, so they cannot be dated before its session.
std::optional<int> refuse_letters_before_the_vote(const Run& run) {
  const Date session = run.campaign.calendar.council_session;
  if (!(run.date < session)) return std::nullopt;
  const Options& o = run.options;
  const std::string source = o.date ? "--date"
                             : run.campaign.calendar.documents_date
                                 ? "calendar.documents_date de " + o.campaign.generic_string()
                                 : "la date du jour, faute de --date et de calendar.documents_date";
  std::cerr << "aap : les courriers notifient la décision prise par le " << run.campaign.authority.council
            << " en séance du " << fr::date(session) << " (calendar.council_session) : ils ne peuvent pas être datés du "
            << fr::date(run.date) << " (" << source << ").\n"
            << "  Avant le vote, utilisez « aap deliberation », « aap annexes » ou « aap simulate » ; après, "
               "« aap "
            << command_name(o.command) << " --date " << session.iso() << " » ou une date postérieure. Rien n’a été écrit.\n";
  return kInvalidInput;
}

// The inputs that --out must stay clear of (never write into an input folder).
std::vector<InputPlace> input_places(const Options& o) {
  std::vector<InputPlace> places;
  for (const fs::path& d : o.dossiers) {
    std::error_code ec;
    const bool folder = fs::is_directory(d, ec);
    places.push_back({d, folder ? "le dossier d’entrée --dossiers" : "le fichier d’entrée --dossiers", folder});
  }
  if (o.sessions) places.push_back({*o.sessions, "le fichier des sessions --sessions", false});
  places.push_back({o.templates, "le dossier des modèles", true});
  places.push_back({o.campaign, "le fichier de campagne", false});
  places.push_back({o.communes, "le référentiel des communes", false});
  return places;
}

}  // namespace

int dispatch(Run& run) {
  if (run.options.command == Command::verify) return verify_command(run.options);
  if (run.options.command == Command::workbook) return workbook_command(run.options);
  if (run.options.command != Command::check && run.options.command != Command::explain) {
    std::string problem = out_location_problem(run.options.out, input_places(run.options));
    // A folder is replaced whole: refused unless everything it holds is an output aap wrote.
    if (problem.empty() && run.options.command != Command::simulate) problem = out_replacement_problem(run.options.out);
    if (!problem.empty()) {
      std::cerr << "aap : " << problem << ". Rien n’a été écrit.\n";
      return kUsage;
    }
  }
  std::size_t read_count = 0;
  try {
    if (auto code = load(run, read_count)) return *code;
  } catch (const fs::filesystem_error& e) {
    // A folder entry whose type cannot be known (a loop of symbolic links, a vanished disk): an input problem.
    std::cerr << "aap : entrée illisible : " << unreadable(e) << ". Rien n’a été écrit.\n";
    return kInvalidInput;
  }
  const Options& o = run.options;
  if (o.command == Command::run || o.command == Command::letters) {
    if (auto code = refuse_letters_before_the_vote(run)) return *code;
  }
  if (o.command == Command::explain) return explain(run, o.explain_id);
  if (o.command == Command::simulate) return simulate_command(run);
  if (!o.quiet || o.command == Command::check) print_summary(run, read_count, std::cout);
  if (o.command == Command::check) {
    print(output_notes(run.campaign, o.campaign.generic_string(), nullptr));
    return !run.input_problems || o.skip_invalid ? kOk : kInvalidInput;
  }

  const Family* only = nullptr;
  if (o.command != Command::run) {
    const auto& all = families();
    auto it = std::find_if(all.begin(), all.end(), [&](const Family& f) { return f.command == o.command; });
    if (it == all.end()) {
      std::cerr << "aap : la commande « " << command_name(o.command) << " » n’est pas encore disponible.\n";
      return kUsage;
    }
    only = &*it;
  }
  if (!o.quiet) print(output_notes(run.campaign, o.campaign.generic_string(), only));
  const int code = write_outputs(run, only);
  if (!o.quiet) std::cout << "Sorties écrites dans " << o.out.generic_string() << "\n";
  return code;
}

int run_app(int argc, char** argv) {
  Parsed parsed = parse_command_line(argc, argv);
  if (!parsed.options) return parsed.exit_code;
  Run run;
  run.options = std::move(*parsed.options);
  try {
    return dispatch(run);
  } catch (const consistency::Mismatch& e) {
    std::cerr << "aap : erreur interne, les documents ne concordent pas :\n" << e.what()
              << "  Rien n’a été mis en place ; les sorties précédentes sont restées telles quelles.\n";
    return kWriteFailure;
  } catch (const UnreadableInput& e) {
    std::cerr << "aap : entrée illisible : " << e.what()
              << ".\n  Rien n’a été mis en place ; les sorties précédentes sont restées telles quelles.\n";
    return kInvalidInput;
  } catch (const fs::filesystem_error& e) {
    // The standard library's message is English: said in French, with the file it names.
    std::cerr << "aap : échec de l’écriture : " << fr::filesystem_error_reason(e)
              << "\n  Les sorties précédentes sont restées telles quelles.\n";
    return kWriteFailure;
  } catch (const std::exception& e) {
    std::cerr << "aap : échec de l’écriture : " << e.what()
              << "\n  Les sorties précédentes sont restées telles quelles.\n";
    return kWriteFailure;
  }
}

}  // namespace aap::cli
