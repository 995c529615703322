// `aap verify`: the hashes of the recorded inputs, then the recorded command run again and compared byte for byte.
#include "cli/verify.hpp"

#include <stdlib.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <set>
#include <vector>

#include "cli/app.hpp"
#include "cli/pipeline.hpp"
#include "consistency/grant_ledger.hpp"
#include "output/output_dir.hpp"
#include "render/json/manifest.hpp"
#include "text/french.hpp"

namespace aap::cli {
namespace fs = std::filesystem;
namespace {

// A private folder under the system's temporary folder, removed whatever happens.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "aap-verify-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("impossible de créer un dossier temporaire " + pattern);
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Every entry below `dir` but its folders, hidden ones included (only the top .gitkeep is not an output),
// links and special files too, which are listed, never followed.
struct Present {
  fs::path path;
  std::string problem;  // why it cannot be compared: a link, a special file
};

void list_below(const fs::path& dir, const std::string& prefix, std::map<std::string, Present>& files) {
  std::error_code ec;
  for (fs::directory_iterator it(prefix.empty() ? dir : dir / prefix, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (prefix.empty() && name == ".gitkeep") continue;
    const std::string relative = prefix.empty() ? name : prefix + "/" + name;
    const fs::file_status status = it->symlink_status(ec);
    if (ec) break;
    if (fs::is_directory(status)) {
      list_below(dir, relative, files);
    } else {
      std::string problem;
      if (fs::is_symlink(status)) problem = "lien symbolique, qu’aap n’écrit jamais";
      else if (!fs::is_regular_file(status)) problem = "fichier spécial, qu’aap n’écrit jamais";
      files.emplace(relative, Present{it->path(), std::move(problem)});
    }
  }
}

std::map<std::string, Present> files_below(const fs::path& dir) {
  std::map<std::string, Present> files;  // relative path → where, and whether it can be compared
  std::error_code ec;
  if (fs::is_directory(fs::symlink_status(dir, ec))) list_below(dir, "", files);
  return files;
}

enum class InputState { unchanged, changed, missing, added, unreadable };

struct InputCheck {
  std::string path;
  bool is_template = false;
  InputState state = InputState::unchanged;
  std::string problem;  // why an unreadable input could not be hashed
};

std::string input_label(const InputCheck& c) {
  const char* what = c.is_template ? "modèle" : "entrée";
  switch (c.state) {
    case InputState::changed: return std::string(what) + (c.is_template ? " modifié" : " modifiée");
    case InputState::missing: return std::string(what) + (c.is_template ? " absent" : " absente");
    case InputState::added: return std::string(what) + (c.is_template ? " ajouté" : " ajoutée");
    case InputState::unreadable: return std::string(what) + " illisible";
    case InputState::unchanged: break;
  }
  return std::string(what) + (c.is_template ? " identique" : " identique");
}

void check_hashes(const std::vector<ManifestEntry>& entries, bool is_template, std::vector<InputCheck>& checks) {
  for (const ManifestEntry& e : entries) {
    InputCheck c{e.path, is_template, InputState::unchanged, {}};
    // A block at a time: an input swapped for a huge file or a FIFO neither fills memory nor blocks.
    const input::FileHash hash = input::hash_input_file(e.path);
    if (hash.missing) {
      c.state = InputState::missing;
    } else if (!hash.ok()) {
      c.state = InputState::unreadable;
      c.problem = hash.problem;
    } else if (hash.sha256 != e.sha256) {
      c.state = InputState::changed;
    }
    checks.push_back(std::move(c));
  }
}

// Files the new run reads that the recorded one did not (a dossier dropped into the folder, a new template).
void find_added(const std::vector<ManifestEntry>& recorded, const std::vector<ManifestEntry>& now,
                bool is_template, std::vector<InputCheck>& checks) {
  std::set<std::string> known;
  for (const ManifestEntry& e : recorded) known.insert(e.path);
  for (const ManifestEntry& e : now)
    if (!known.count(e.path)) checks.push_back({e.path, is_template, InputState::added, {}});
}

Options regeneration_options(const Manifest& m, const Options& given, const fs::path& out) {
  const ManifestCommand& c = *m.command_line;
  Options o;
  // Every family, even after a one-family command: the files it carried over must come from the same
  // inputs too.
  o.command = Command::run;
  o.campaign = c.campaign;
  for (const std::string& d : c.dossiers) o.dossiers.emplace_back(d);
  o.communes = c.communes;
  o.templates = c.templates;
  o.skip_invalid = c.skip_invalid;
  if (c.sessions) o.sessions = fs::path(*c.sessions);
  o.date = m.date;
  o.out = out;
  o.jobs = given.jobs;
  o.quiet = true;
  return o;
}

}  // namespace

const char* state_label(FileState state) {
  switch (state) {
    case FileState::identical: return "identique";
    case FileState::changed: return "modifié";
    case FileState::missing: return "absent";
    case FileState::not_regenerated: return "non régénéré";
  }
  return "";
}

std::vector<FileCheck> compare_folders(const fs::path& folder, const fs::path& regenerated) {
  const auto present = files_below(folder);
  const auto expected = files_below(regenerated);
  std::vector<FileCheck> checks;
  for (const auto& [relative, file] : expected) {
    const auto it = present.find(relative);
    if (it == present.end()) {
      checks.push_back({relative, FileState::missing, {}});
    } else if (!it->second.problem.empty()) {
      checks.push_back({relative, FileState::changed, it->second.problem});
    } else {
      const input::SameBytes same = input::same_file_bytes(it->second.path, file.path);
      checks.push_back({relative, same.same ? FileState::identical : FileState::changed,
                        same.problem.empty() ? "" : "illisible : " + same.problem});
    }
  }
  for (const auto& [relative, file] : present)
    if (!expected.count(relative)) checks.push_back({relative, FileState::not_regenerated, file.problem});
  std::sort(checks.begin(), checks.end(), [](const FileCheck& a, const FileCheck& b) { return a.path < b.path; });
  return checks;
}

int verify_command(const Options& options) {
  fs::path folder = options.out;
  if (folder.filename().empty()) folder = folder.parent_path();  // "output/" → "output"
  const fs::path manifest_file = folder / "manifest.json";
  std::error_code ec;
  const input::InputFile manifest_text = input::read_input_file(manifest_file, kMaxManifestBytes, kManifestLimitScope);
  if (manifest_text.missing) {
    std::cerr << "aap : " << manifest_file.generic_string() << " introuvable : rien à vérifier.\n";
    return kInvalidInput;
  }
  if (!manifest_text.ok()) {
    std::cerr << "aap : " << manifest_file.generic_string() << " : " << manifest_text.problem
              << " ; rien n’a été vérifié.\n";
    return kInvalidInput;
  }
  Manifest manifest;
  try {
    manifest = parse_manifest(manifest_text.bytes);
  } catch (const std::runtime_error& e) {
    std::cerr << "aap : " << manifest_file.generic_string() << " : " << e.what() << "\n";
    return kInvalidInput;
  }
  if (!manifest.command_line) {
    std::cerr << "aap : " << manifest_file.generic_string()
              << " ne dit pas quelle commande a produit les sorties (manifeste antérieur à aap verify) ; "
                 "relancez aap run.\n";
    return kInvalidInput;
  }
  std::ostream& out = std::cout;
  const bool quiet = options.quiet;
  out << "Vérification de " << folder.generic_string() << " : aap " << manifest.command_line->command
      << ", documents datés du " << fr::date(manifest.date) << ", campagne " << manifest.campaign_id
      << ", version " << manifest.version << "\n";
  if (manifest.version != AAP_VERSION)
    out << "  attention : ce programme est la version " << AAP_VERSION << ", le manifeste la version "
        << manifest.version << "\n";

  std::vector<InputCheck> inputs;
  check_hashes(manifest.inputs, false, inputs);
  check_hashes(manifest.templates, true, inputs);
  // The manifest keeps the paths as they were given: relative ones start from where the run was made.
  // None of them here means verify was started elsewhere, not that every input vanished.
  std::vector<const InputCheck*> relative;
  for (const InputCheck& c : inputs)
    if (fs::path(c.path).is_relative()) relative.push_back(&c);
  if (!relative.empty() && std::all_of(relative.begin(), relative.end(), [](const InputCheck* c) {
        return c->state == InputState::missing;
      })) {
    std::cerr << "aap : aucun des " << relative.size() << " chemins relatifs du manifeste (« " << relative.front()->path
              << " »…) n’existe depuis le dossier courant " << fs::current_path(ec).generic_string()
              << " : ils partent du dossier d’où « aap " << manifest.command_line->command
              << " » a été lancé ; lancez « aap verify » depuis ce dossier.\n";
    return kInvalidInput;
  }

  ScratchDir scratch;
  const fs::path regenerated = scratch.path() / "sorties";
  Run run;
  run.options = regeneration_options(manifest, options, regenerated);
  int code = kOk;
  try {
    code = dispatch(run);
  } catch (const consistency::Mismatch& e) {
    std::cerr << "aap : erreur interne pendant la régénération, les documents ne concordent pas :\n" << e.what();
    code = kWriteFailure;
  } catch (const std::exception& e) {
    std::cerr << "aap : échec de la régénération : " << e.what() << "\n";
    code = kWriteFailure;
  }
  if (code == kOk) {
    const input::InputFile now_text =
        input::read_input_file(regenerated / "manifest.json", kMaxManifestBytes, kManifestLimitScope);
    if (now_text.ok()) {
      const Manifest now = parse_manifest(now_text.bytes);
      find_added(manifest.inputs, now.inputs, false, inputs);
      find_added(manifest.templates, now.templates, true, inputs);
    }
  }

  std::size_t inputs_differing = 0;
  for (const InputCheck& c : inputs) {
    if (c.state == InputState::unchanged) continue;
    ++inputs_differing;
    out << "  " << input_label(c) << " : " << c.path << (c.problem.empty() ? "" : " (" + c.problem + ")") << "\n";
  }
  if (inputs_differing == 0)
    out << "  entrées, modèles et référentiel inchangés (" << manifest.inputs.size() << " entrées, "
        << manifest.templates.size() << " modèles)\n";
  if (code != kOk) {
    out << "Résultat : les sorties n’ont pas pu être régénérées (code " << code << ") ; vérification impossible.\n";
    return kInvalidInput;
  }

  std::vector<FileCheck> files = compare_folders(folder, regenerated);
  if (manifest.command_line->command != command_name(Command::run)) {
    // That manifest names its own command, which the regeneration (a full run) cannot reproduce.
    std::erase_if(files, [](const FileCheck& f) { return f.path == "manifest.json"; });
    out << "  manifest.json, écrit par aap " << manifest.command_line->command
        << ", n’est pas comparé ; tous les autres fichiers le sont\n";
  }
  std::size_t counts[4] = {0, 0, 0, 0};
  // Padding in code points: "modifié" and "régénéré" hold two-byte letters.
  const auto shown = [](std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) { return (ch & 0xC0) != 0x80; }));
  };
  std::size_t width = 0;
  for (const FileCheck& f : files) width = std::max(width, shown(state_label(f.state)));
  for (const FileCheck& f : files) {
    ++counts[static_cast<int>(f.state)];
    if (quiet && f.state == FileState::identical) continue;
    const std::string label = state_label(f.state);
    out << "  " << label << std::string(width - shown(label), ' ') << "  " << f.path
        << (f.problem.empty() ? "" : " (" + f.problem + ")") << "\n";
  }
  const bool all_identical = inputs_differing == 0 && counts[0] == files.size();
  out << "Résultat : " << counts[0] << (counts[0] >= 2 ? " identiques" : " identique") << ", " << counts[1]
      << (counts[1] >= 2 ? " modifiés" : " modifié") << ", " << counts[2] << (counts[2] >= 2 ? " absents" : " absent");
  if (counts[3]) out << ", " << counts[3] << " non régénéré" << (counts[3] >= 2 ? "s" : "");
  if (inputs_differing)
    out << " ; " << inputs_differing << (inputs_differing >= 2 ? " entrées différentes" : " entrée différente");
  out << (all_identical ? " — les sorties proviennent bien des entrées du manifeste.\n"
                        : " — les sorties ne correspondent pas au manifeste.\n");
  return all_identical ? kOk : kInvalidInput;
}

}  // namespace aap::cli
