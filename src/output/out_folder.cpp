// The output-folder rule: a run replaces a folder only when everything in it is an output aap wrote.
#include "output/out_folder.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "input/input_file.hpp"
#include "output/output_dir.hpp"
#include "render/json/manifest.hpp"
#include "text/errno_fr.hpp"

namespace aap {
namespace fs = std::filesystem;
namespace {

std::string in_guillemets(const fs::path& path) { return "« " + path.string() + " »"; }

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i)
    if (i == inner.end() || *i != *o) return false;
  return true;
}

// /proc/self/mountinfo's fifth field, with its octal escapes (\040 for a space) undone.
std::set<fs::path> mount_points() {
  std::set<fs::path> points;
  std::ifstream info("/proc/self/mountinfo");
  std::string line;
  while (std::getline(info, line)) {
    std::size_t start = 0;
    for (int field = 0; field < 4 && start != std::string::npos; ++field) {
      start = line.find(' ', start);
      if (start != std::string::npos) ++start;
    }
    if (start == std::string::npos) continue;
    const std::string raw = line.substr(start, line.find(' ', start) - start);
    std::string point;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '\\' && i + 3 < raw.size()) {
        point += static_cast<char>(std::stoi(raw.substr(i + 1, 3), nullptr, 8));
        i += 3;
      } else {
        point += raw[i];
      }
    }
    points.insert(fs::path(point).lexically_normal());
  }
  return points;
}

// rename(2) cannot move a mount point (EBUSY): only found out after the whole run, so refused at once.
bool is_mount_point(const fs::path& target) {
  struct stat self {}, parent {};
  if (::stat(target.c_str(), &self) != 0) return false;
  if (::stat(target.parent_path().c_str(), &parent) == 0 &&
      (self.st_dev != parent.st_dev || self.st_ino == parent.st_ino))
    return true;
  return mount_points().count(target) != 0;  // a bind mount of the same file system
}

// Refusals that depend only on where `out` is, whatever it holds.
std::string place_problem(const fs::path& out, const fs::path& named) {
  const fs::path target = resolved(out);
  if (target == target.root_path()) return "--out " + in_guillemets(out) + " est la racine du système de fichiers";
  std::error_code ec;
  const fs::path cwd = resolved(fs::current_path(ec));
  if (!ec && target == cwd) return "--out " + in_guillemets(out) + " est le dossier courant";
  if (!ec && is_within(cwd, target))
    return "--out " + in_guillemets(out) + " contient le dossier courant " + in_guillemets(cwd) + " : le remplacer l’effacerait";
  if (const char* home_text = std::getenv("HOME"); home_text && *home_text) {
    const fs::path home = resolved(home_text);
    if (target == home) return "--out " + in_guillemets(out) + " est votre dossier personnel";
    if (is_within(home, target))
      return "--out " + in_guillemets(out) + " contient votre dossier personnel " + in_guillemets(home) +
             " : le remplacer l’effacerait";
  }
  if (is_mount_point(target))
    return "--out " + in_guillemets(out) + " est un point de montage, qui ne peut pas être remplacé : indiquez un dossier à "
           "l’intérieur";
  const std::string last = named.filename().string();
  if (last == "." || last == "..")
    return "--out " + in_guillemets(out) + " se termine par « " + last + " » : nommez le dossier des sorties lui-même (" +
           in_guillemets(named_folder(named.lexically_normal())) + ")";
  return "";
}

enum class Kind { folder, file, link, special, missing, unreadable };

Kind kind_of(const fs::path& path, std::string& problem) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    // A file where a folder of the path should be: nothing to replace; creating the folder fails later.
    if (errno == ENOENT || errno == ENOTDIR) return Kind::missing;
    problem = fr::errno_reason(errno);
    return Kind::unreadable;
  }
  if (S_ISLNK(st.st_mode)) return Kind::link;
  if (S_ISDIR(st.st_mode)) return Kind::folder;
  if (S_ISREG(st.st_mode)) return Kind::file;
  return Kind::special;
}

std::vector<std::string> sorted_names(const fs::path& folder, std::string& problem) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) problem = fr::error_reason(ec);
  std::sort(names.begin(), names.end());
  return names;
}

// What aap's manifest says it wrote: the files, and the folders that hold them.
struct Written {
  std::map<std::string, std::string> files;  // relative path → SHA-256
  std::set<std::string> folders;
};

struct Finding {
  std::string path;
  std::string reason;
};

// Walks `folder` (relative path `prefix`) depth first in name order; enters only the folders aap made.
void walk(const fs::path& out, const std::string& prefix, const Written& written, bool compare_bytes,
          std::vector<Finding>& findings) {
  std::string problem;
  const std::vector<std::string> names = sorted_names(out / prefix, problem);
  if (!problem.empty()) findings.push_back({prefix, "illisible (" + problem + ")"});
  for (const std::string& name : names) {
    const std::string relative = prefix.empty() ? name : prefix + "/" + name;
    if (prefix.empty() && (name == "manifest.json" || name == ".gitkeep")) continue;  // looked at by the caller
    const fs::path path = out / relative;
    const auto listed = written.files.find(relative);
    switch (kind_of(path, problem)) {
      case Kind::folder:
        if (written.folders.count(relative)) {
          walk(out, relative, written, compare_bytes, findings);
        } else {
          findings.push_back({relative, listed != written.files.end()
                                            ? "un dossier à la place du fichier qu’aap a écrit"
                                            : "un dossier que son manifest.json ne liste pas"});
        }
        break;
      case Kind::file:
        if (listed == written.files.end()) {
          findings.push_back({relative, "que son manifest.json ne liste pas"});
        } else if (compare_bytes) {
          const input::FileHash hash = input::hash_input_file(path);
          if (!hash.ok())
            findings.push_back({relative, "illisible (" + hash.problem + ")"});
          else if (hash.sha256 != listed->second)
            findings.push_back({relative, "modifié depuis qu’aap l’a écrit"});
        }
        break;
      case Kind::link: findings.push_back({relative, "un lien symbolique, qu’aap n’écrit jamais"}); break;
      case Kind::special:
        findings.push_back({relative, "un fichier spécial (FIFO, socket ou périphérique), qu’aap n’écrit jamais"});
        break;
      case Kind::missing: break;  // removed meanwhile: nothing to lose
      case Kind::unreadable: findings.push_back({relative, "illisible (" + problem + ")"}); break;
    }
  }
}

std::string others(std::size_t count) {
  if (count == 0) return "";
  return " (et " + std::to_string(count) + (count == 1 ? " autre élément)" : " autres éléments)");
}

constexpr const char* kOnlyItsOwn =
    " ; aap ne remplace que ses propres sorties, telles qu’il les a écrites : déplacez ce qui doit être gardé ou "
    "choisissez un autre dossier";

std::string contents_problem(const fs::path& out, const fs::path& named, bool compare_bytes) {
  std::string problem;
  std::vector<std::string> names = sorted_names(named, problem);
  if (!problem.empty()) return "--out " + in_guillemets(out) + " est illisible (" + problem + ")";
  std::string gitkeep_problem;
  if (std::count(names.begin(), names.end(), ".gitkeep") && kind_of(named / ".gitkeep", gitkeep_problem) != Kind::file)
    return "--out " + in_guillemets(out) + " contient « .gitkeep », qui n’est pas un fichier ordinaire" + kOnlyItsOwn;
  std::erase(names, ".gitkeep");  // the repository's placeholder, which the swap keeps
  if (names.empty()) return "";
  if (std::find(names.begin(), names.end(), "manifest.json") == names.end())
    return "--out " + in_guillemets(out) + " n’est ni vide ni un dossier de sorties d’aap (il n’a pas de manifest.json) : il "
           "contient " + in_guillemets(names.front()) + others(names.size() - 1) + kOnlyItsOwn;
  if (kind_of(named / "manifest.json", problem) != Kind::file)
    return "--out " + in_guillemets(out) + " contient un manifest.json qui n’est pas un fichier ordinaire" + kOnlyItsOwn;
  const input::InputFile text = input::read_input_file(named / "manifest.json", kMaxManifestBytes, kManifestLimitScope);
  Written written;
  try {
    if (!text.ok()) throw std::runtime_error(text.problem);
    for (const ManifestEntry& e : parse_manifest(text.bytes).outputs) {
      if (!is_safe_relative_path(e.path)) continue;
      written.files.emplace(e.path, e.sha256);
      for (fs::path folder = fs::path(e.path).parent_path(); !folder.empty(); folder = folder.parent_path())
        written.folders.insert(folder.generic_string());
    }
  } catch (const std::runtime_error& e) {
    std::string why = e.what();
    if (const std::string prefix = "manifeste illisible : "; why.rfind(prefix, 0) == 0) why.erase(0, prefix.size());
    return "--out " + in_guillemets(out) + " contient un manifest.json illisible (" + why + ")" + kOnlyItsOwn;
  }
  std::vector<Finding> findings;
  walk(named, "", written, compare_bytes, findings);
  if (findings.empty()) return "";
  return "--out " + in_guillemets(out) + " contient " + in_guillemets(findings.front().path) + ", " + findings.front().reason +
         others(findings.size() - 1) + kOnlyItsOwn;
}

}  // namespace

fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  fs::path normal = (ec ? absolute : canonical).lexically_normal();
  if (normal.filename().empty() && normal.has_relative_path()) normal = normal.parent_path();
  return normal;
}

fs::path named_folder(const fs::path& out) {
  std::string text = out.string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

std::string out_replacement_problem(const fs::path& out, bool compare_bytes) {
  if (out.empty()) return "--out est vide : indiquez le dossier des sorties";
  const fs::path named = named_folder(out);
  if (std::string problem = place_problem(out, named); !problem.empty()) return problem;
  std::string problem;
  switch (kind_of(named, problem)) {
    case Kind::missing: return "";
    case Kind::unreadable:
      return "--out " + in_guillemets(out) + " est illisible (" + problem + ")";
    case Kind::link:
      return "--out " + in_guillemets(out) + " est un lien symbolique : aap remplacerait le lien ; indiquez le dossier " +
             "lui-même (" + in_guillemets(resolved(out)) + ")";
    case Kind::file:
    case Kind::special: return "--out " + in_guillemets(out) + " n’est pas un dossier";
    case Kind::folder: break;
  }
  return contents_problem(out, named, compare_bytes);
}

}  // namespace aap
