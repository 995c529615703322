// The command line, with Boost.Program_options: a subcommand, then the common options.
#include "build_paths.hpp"
#include "cli/options.hpp"

#include <boost/program_options.hpp>
#include <algorithm>
#include <filesystem>
#include <optional>
#include <iostream>
#include <thread>

#include "cli/app.hpp"
#include "cli/simulate.hpp"

namespace aap::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;
namespace {

// In the order of Command.
constexpr std::string_view kCommandNames[] = {"run",     "check",        "explain",  "notice", "letters",
                                              "annexes", "deliberation", "simulate", "verify", "workbook"};
static_assert(std::size(kCommandNames) == static_cast<std::size_t>(Command::workbook) + 1, "a name per Command");

const char* kUsageText =
    "Usage : aap <commande> [options]\n"
    "\n"
    "Commandes :\n"
    "  run            valide, évalue, répartit l’enveloppe et écrit toutes les sorties\n"
    "  check          valide et évalue seulement ; affiche les problèmes et un résumé, n’écrit rien\n"
    "  explain ID     détaille un dossier : chaque critère et ses chiffres, le score, le plafond, la subvention\n"
    "  notice         l’avis d’appel à projets seulement\n"
    "  letters        les courriers de notification seulement\n"
    "  annexes        le classeur des annexes financières seulement\n"
    "  deliberation   le projet de délibération seulement\n"
    "  simulate       la répartition à d’autres enveloppes (--envelope, --envelope-range), sans rien écrire\n"
    "                 d’autre que --out FICHIER.csv ou FICHIER.xlsx si demandé\n"
    "  verify         vérifie que les sorties de --out proviennent bien des entrées du manifeste\n"
    "  workbook       écrit le classeur vierge des dossiers à remplir (--out FICHIER.xlsx), à relire ensuite\n"
    "                 avec --dossiers FICHIER.xlsx\n";

// A default path is relative to the current folder (the repository root); when absent there, the
// copy in the source tree the program was built from, so that `aap` also runs from elsewhere.
fs::path default_path(const char* relative) {
  if (fs::exists(relative)) return relative;
  const fs::path shipped = fs::path(AAP_SOURCE_DIR) / relative;
  return fs::exists(shipped) ? shipped : fs::path(relative);
}

std::string lower_extension(const fs::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// simulate's envelopes and its --out FILE; refused with the other commands.
int parse_simulation_options(Options& o, const std::vector<std::string>& texts, const std::string& range,
                             bool out_given) {
  if (o.command != Command::simulate) {
    if (texts.empty() && range.empty()) return kOk;
    std::cerr << "aap : --envelope et --envelope-range ne servent qu’à la commande simulate.\n";
    return kUsage;
  }
  for (const std::string& text : texts) {
    const auto amount = Money::parse_typed(text);
    if (!amount) {
      std::cerr << "aap : --envelope « " << text
                << " » n’est pas un montant en euros (250000, 250 000 ou 250000,50).\n";
      return kUsage;
    }
    o.envelopes.push_back(*amount);
  }
  if (!range.empty()) {
    std::string error;
    const auto envelopes = parse_envelope_range(range, error);
    if (!envelopes) {
      std::cerr << "aap : " << error << ".\n";
      return kUsage;
    }
    o.envelopes.insert(o.envelopes.end(), envelopes->begin(), envelopes->end());
  }
  if (o.envelopes.size() > kMaxEnvelopes) {
    std::cerr << "aap : " << o.envelopes.size() << " enveloppes à simuler, " << kMaxEnvelopes << " au plus.\n";
    return kUsage;
  }
  if (out_given) {
    const std::string ext = lower_extension(o.out);
    if (ext != ".csv" && ext != ".xlsx") {
      std::cerr << "aap : avec simulate, --out nomme un fichier .csv ou .xlsx, pas « " << o.out.generic_string()
                << " ».\n";
      return kUsage;
    }
    o.simulation_file = o.out;
  }
  return kOk;
}

// workbook's --out FILE.xlsx: required, and an .xlsx file (libxlsxwriter writes no other format).
int parse_workbook_options(Options& o, bool out_given) {
  if (o.command != Command::workbook) return kOk;
  if (!out_given) {
    std::cerr << "aap : workbook attend --out FICHIER.xlsx, le classeur à écrire (par exemple --out "
                 "dossiers-2028.xlsx).\n";
    return kUsage;
  }
  const std::string ext = lower_extension(o.out);
  if (ext == ".ods") {
    std::cerr << "aap : --out « " << o.out.generic_string()
              << " » : aap n’écrit le classeur qu’au format .xlsx (sa bibliothèque d’écriture ne produit pas "
                 "d’ODS). Écrivez-le en .xlsx, ouvrez-le dans LibreOffice Calc et choisissez Fichier > "
                 "Enregistrer sous > Classeur ODF (.ods) : aap lit les deux formats.\n";
    return kUsage;
  }
  if (ext != ".xlsx") {
    std::cerr << "aap : avec workbook, --out nomme un fichier .xlsx, pas « " << o.out.generic_string() << " ».\n";
    return kUsage;
  }
  o.workbook_file = o.out;
  return kOk;
}

// --jobs as typed: a whole number of threads, 1 to 256.
std::optional<unsigned> parse_jobs(const std::string& text) {
  if (text.empty() || text.size() > 3 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const unsigned jobs = static_cast<unsigned>(std::stoul(text));
  if (jobs < 1 || jobs > 256) return std::nullopt;
  return jobs;
}

std::string option_fr(const std::string& name) { return name.empty() ? "une option" : "l’option " + name; }

// Boost.Program_options words its errors in English ("unrecognised option", "cannot be specified more
// than once"…): each kind said in French here, naming the option as the user typed it.
std::string usage_error_fr(const po::error& e) {
  if (const auto* unknown = dynamic_cast<const po::unknown_option*>(&e))
    return "option inconnue « " + unknown->get_option_name() + " »";
  if (const auto* ambiguous = dynamic_cast<const po::ambiguous_option*>(&e)) {
    std::string choices;
    const auto& alternatives = ambiguous->alternatives();
    for (std::size_t i = 0; i < alternatives.size(); ++i)
      choices += (i == 0 ? "" : i + 1 == alternatives.size() ? " ou " : ", ") + std::string("--") + alternatives[i];
    return "l’option « " + ambiguous->get_option_name() + " » est ambiguë : elle peut désigner " + choices;
  }
  if (const auto* twice = dynamic_cast<const po::multiple_occurrences*>(&e))
    return option_fr(twice->get_option_name()) + " est donnée plusieurs fois ; elle ne peut l’être qu’une fois";
  if (const auto* values = dynamic_cast<const po::multiple_values*>(&e))
    return option_fr(values->get_option_name()) + " ne prend qu’une valeur";
  if (const auto* syntax = dynamic_cast<const po::invalid_syntax*>(&e)) {
    const std::string option = option_fr(syntax->get_option_name());
    switch (syntax->kind()) {
      case po::invalid_syntax::missing_parameter: return option + " attend une valeur";
      case po::invalid_syntax::empty_adjacent_parameter: return option + " attend une valeur après « = »";
      case po::invalid_syntax::extra_parameter: return option + " ne prend pas de valeur";
      default: return option + " est mal écrite (--option VALEUR ou --option=VALEUR)";
    }
  }
  if (const auto* invalid = dynamic_cast<const po::validation_error*>(&e)) {
    const std::string option = option_fr(invalid->get_option_name());
    switch (invalid->kind()) {
      case po::validation_error::multiple_values_not_allowed: return option + " ne prend qu’une valeur";
      case po::validation_error::at_least_one_value_required: return option + " attend une valeur";
      default: return option + " : valeur invalide";
    }
  }
  if (dynamic_cast<const po::too_many_positional_options_error*>(&e)) return "trop d’arguments";
  return "ligne de commande invalide";
}

}  // namespace

std::string_view command_name(Command command) { return kCommandNames[static_cast<std::size_t>(command)]; }

std::optional<Command> command_named(std::string_view word) {
  for (std::size_t i = 0; i < std::size(kCommandNames); ++i)
    if (kCommandNames[i] == word) return static_cast<Command>(i);
  return std::nullopt;
}

Parsed parse_command_line(int argc, const char* const* argv) {
  std::string date_text;
  std::vector<std::string> dossiers;
  std::string campaign, out, templates, communes;
  std::string jobs_text;
  std::vector<std::string> envelope_texts;
  std::string envelope_range;

  po::options_description common("Options");
  common.add_options()
      ("campaign", po::value(&campaign), "fichier de campagne (défaut : fixtures/campaign.json)")
      ("dossiers", po::value(&dossiers)->composing(),
       "dossier de fichiers *.json, ou un fichier (.json, .csv avec ses sessions, classeur .xlsx ou .ods) ; "
       "répétable (défaut : "
       "fixtures/dossiers/)")
      ("sessions", po::value<std::string>(),
       "sessions d’un --dossiers .csv (défaut : sessions.csv dans le même dossier)")
      ("out", po::value(&out)->default_value("output/"),
       "dossier des sorties (simulate : fichier .csv ou .xlsx ; workbook : fichier .xlsx)")
      ("templates", po::value(&templates), "dossier des modèles (défaut : templates/)")
      ("communes", po::value(&communes), "référentiel des communes (défaut : data/communes-metropole.csv)")
      ("date", po::value(&date_text), "date imprimée sur les documents, AAAA-MM-JJ")
      ("jobs", po::value(&jobs_text), "nombre de fils de travail (défaut : nombre de cœurs)")
      ("envelope", po::value(&envelope_texts)->composing(),
       "simulate : enveloppe à simuler en euros (250000, 250 000, 250000,50) ; répétable")
      ("envelope-range", po::value(&envelope_range), "simulate : DÉBUT:FIN:PAS en euros, FIN comprise")
      ("skip-invalid", "écarter les dossiers invalides au lieu de tout refuser")
      ("quiet", "n’afficher que les erreurs")
      ("help", "cette aide")
      ("version", "la version");
  po::options_description hidden;
  hidden.add_options()("command", po::value<std::string>())("args", po::value<std::vector<std::string>>());
  po::options_description all;
  all.add(common).add(hidden);
  po::positional_options_description positional;
  positional.add("command", 1).add("args", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "aap : " << usage_error_fr(e) << ".\n" << kUsageText << "Voir aap --help.\n";
    return {std::nullopt, kUsage};
  }
  if (vm.count("help")) {
    std::cout << kUsageText << "\n" << common;
    return {std::nullopt, kOk};
  }
  if (vm.count("version")) {
    std::cout << "aap " << AAP_VERSION << "\n";
    return {std::nullopt, kOk};
  }
  if (!vm.count("command")) {
    std::cerr << "aap : commande manquante.\n" << kUsageText;
    return {std::nullopt, kUsage};
  }

  Options o;
  const std::string word = vm["command"].as<std::string>();
  const std::optional<Command> command = command_named(word);
  if (!command) {
    std::cerr << "aap : commande inconnue « " << word << " ».\n" << kUsageText;
    return {std::nullopt, kUsage};
  }
  o.command = *command;
  std::vector<std::string> args;
  if (vm.count("args")) args = vm["args"].as<std::vector<std::string>>();
  if (o.command == Command::explain) {
    if (args.size() != 1) {
      std::cerr << "aap : explain attend un identifiant de dossier, par exemple : aap explain 2027-001\n";
      return {std::nullopt, kUsage};
    }
    o.explain_id = args[0];
  } else if (!args.empty()) {
    std::cerr << "aap : argument inattendu « " << args[0] << " ».\n" << kUsageText;
    return {std::nullopt, kUsage};
  }
  if (!date_text.empty()) {
    o.date = Date::parse_iso(date_text);
    if (!o.date) {
      std::cerr << "aap : --date « " << date_text << " » n’est pas une date AAAA-MM-JJ valide.\n";
      return {std::nullopt, kUsage};
    }
  }
  unsigned jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 256u);
  if (!jobs_text.empty() || vm.count("jobs")) {
    const auto given = parse_jobs(jobs_text);
    if (!given) {
      std::cerr << "aap : --jobs « " << jobs_text << " » n’est pas un nombre entier de 1 à 256.\n";
      return {std::nullopt, kUsage};
    }
    jobs = *given;
  }
  o.campaign = campaign.empty() ? default_path("fixtures/campaign.json") : fs::path(campaign);
  if (dossiers.empty())
    o.dossiers.push_back(default_path("fixtures/dossiers"));
  else
    o.dossiers.assign(dossiers.begin(), dossiers.end());
  if (vm.count("sessions")) o.sessions = fs::path(vm["sessions"].as<std::string>());
  o.out = out;
  o.templates = templates.empty() ? default_path("templates") : fs::path(templates);
  o.communes = communes.empty() ? default_path("data/communes-metropole.csv") : fs::path(communes);
  o.jobs = jobs;
  o.quiet = vm.count("quiet") > 0;
  o.skip_invalid = vm.count("skip-invalid") > 0;
  if (const int code = parse_simulation_options(o, envelope_texts, envelope_range, !vm["out"].defaulted()))
    return {std::nullopt, code};
  if (const int code = parse_workbook_options(o, !vm["out"].defaulted())) return {std::nullopt, code};
  return {std::move(o), kOk};
}

}  // namespace aap::cli
