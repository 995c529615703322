// The output folder, written aside and swapped into place only when the whole run succeeded.
#include "output/output_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "input/input_file.hpp"
#include "render/json/manifest.hpp"

namespace aap {
namespace fs = std::filesystem;
namespace {

std::string temp_prefix(const fs::path& out) {
  std::string prefix = ".";  // built in steps: GCC 12 warns wrongly (-Wrestrict) on "." + string + ".tmp-"
  prefix += out.filename().string();
  prefix += ".tmp-";
  return prefix;
}

// A temporary folder whose process is gone was left by a run that died: nothing else will remove it.
void remove_abandoned(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.size() > 9 ||
        !std::all_of(pid_text.begin(), pid_text.end(), ::isdigit))
      continue;
    // Our own pid's folder is a leftover of an earlier process that had the same pid: remove it too.
    const auto pid = static_cast<pid_t>(std::stol(pid_text));
    const bool other_run_alive = pid != getpid() && (kill(pid, 0) == 0 || errno == EPERM);
    if (!other_run_alive) fs::remove_all(entry.path(), ec);
  }
}

[[noreturn]] void fail(const std::string& what, const fs::path& path, const std::string& reason) {
  throw std::runtime_error(what + " " + path.string() + " : " + reason);
}

}  // namespace

OutputDir::OutputDir(fs::path out) : out_(std::move(out)) {
  if (out_.filename().empty()) out_ = out_.parent_path();  // "output/" → "output"
  const fs::path parent = out_.parent_path().empty() ? fs::path(".") : out_.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) fail("impossible de créer le dossier", parent, ec.message());
  remove_abandoned(parent, temp_prefix(out_));
  staging_ = parent / (temp_prefix(out_) + std::to_string(getpid()));
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec) || ec)
    fail("impossible de créer le dossier temporaire", staging_, ec.message());
}

OutputDir::~OutputDir() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

void OutputDir::write(const std::string& relative, std::string_view bytes) {
  if (!is_safe_relative_path(relative)) fail("chemin de sortie refusé", relative, "il sortirait du dossier des sorties");
  const fs::path path = staging_ / relative;
  make_parent(path);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) fail("impossible d’écrire", path, std::strerror(errno));
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) fail("impossible d’écrire", path, std::strerror(errno));
  remember(relative, sha256_hex(bytes));
}

void OutputDir::record(const std::string& relative) {
  if (!is_safe_relative_path(relative)) fail("chemin de sortie refusé", relative, "il sortirait du dossier des sorties");
  remember(relative, std::nullopt);
}

void OutputDir::make_parent(const fs::path& path) {
  const fs::path parent = path.parent_path();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (folders_.count(parent) != 0) return;
  }
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) fail("impossible de créer le dossier", parent, ec.message());
  const std::lock_guard<std::mutex> lock(mutex_);
  folders_.insert(parent);
}

void OutputDir::remember(const std::string& relative, std::optional<std::string> sha256) {
  const std::lock_guard<std::mutex> lock(mutex_);
  written_[relative] = std::move(sha256);
}

std::vector<std::string> OutputDir::written() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> paths;
  paths.reserve(written_.size());
  for (const auto& [relative, sha256] : written_) paths.push_back(relative);
  return paths;
}

std::vector<std::pair<std::string, std::string>> OutputDir::checksums() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::pair<std::string, std::string>> sums;
  sums.reserve(written_.size());
  for (const auto& [relative, sha256] : written_) {
    if (sha256) {
      sums.emplace_back(relative, *sha256);
      continue;
    }
    // A block at a time: a carried-over print batch may be hundreds of megabytes.
    const input::FileHash hash = input::hash_input_file(staging_ / relative);
    if (!hash.ok()) fail("impossible de lire", staging_ / relative, hash.problem);
    sums.emplace_back(relative, hash.sha256);
  }
  return sums;
}

void OutputDir::commit() {
  std::error_code ec;
  // The repository keeps output/ with a .gitkeep: the new folder keeps it too.
  if (fs::exists(out_ / ".gitkeep", ec)) std::ofstream(staging_ / ".gitkeep").close();
  if (fs::exists(out_, ec)) {
    if (!fs::is_directory(out_, ec)) fail("la sortie n’est pas un dossier :", out_, "fichier existant");
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
      fail("impossible de remplacer le dossier", out_, std::strerror(errno));
    committed_ = true;
    fs::remove_all(staging_, ec);  // now holds the previous outputs
  } else {
    if (std::rename(staging_.c_str(), out_.c_str()) != 0)
      fail("impossible de créer le dossier", out_, std::strerror(errno));
    committed_ = true;
  }
}

bool is_safe_relative_path(std::string_view relative) {
  if (relative.empty() || relative.front() == '/') return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = relative.find('/', start);
    const std::string_view part = relative.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (part.empty() || part == "." || part == ".." || part.find('\0') != std::string_view::npos) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

namespace {

fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  if (ec) absolute = path;
  fs::path canonical = fs::weakly_canonical(absolute, ec);
  fs::path normal = (ec ? absolute : canonical).lexically_normal();
  if (normal.filename().empty() && normal.has_relative_path()) normal = normal.parent_path();  // "a/b/"
  return normal;
}

// Component by component, so that "/a/bc" is not taken to be inside "/a/b".
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto i = inner.begin();
  for (auto o = outer.begin(); o != outer.end(); ++o, ++i) {
    if (i == inner.end() || *i != *o) return false;
  }
  return true;
}

std::string quoted(const fs::path& path) { return "« " + path.string() + " »"; }

}  // namespace

std::string out_location_problem(const fs::path& out, const std::vector<InputPlace>& inputs) {
  if (out.empty()) return "--out est vide : indiquez le dossier des sorties";
  const fs::path target = resolved(out);
  for (const InputPlace& input : inputs) {
    const fs::path place = resolved(input.path);
    if (input.folder && is_within(target, place)) {
      return "--out " + quoted(out) + (target == place ? " est " : " se trouve dans ") + input.what + " " +
             quoted(input.path) + " : les sorties ne s’écrivent jamais dans une entrée";
    }
    if (is_within(place, target)) {
      return "--out " + quoted(out) + " contient " + input.what + " " + quoted(input.path) +
             " : remplacer le dossier des sorties l’effacerait";
    }
  }
  return "";
}

}  // namespace aap
