// The output folder, written aside and swapped into place only when the whole run succeeded.
#include "output/output_dir.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "input/input_file.hpp"
#include "input/sha256.hpp"
#include "output/out_folder.hpp"
#include "render/json/manifest.hpp"
#include "text/errno_fr.hpp"

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

OutputDir::OutputDir(fs::path out) : out_(named_folder(out)) {
  const fs::path parent = out_.parent_path().empty() ? fs::path(".") : out_.parent_path();
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) fail("impossible de créer le dossier", parent, fr::error_reason(ec));
  remove_abandoned(parent, temp_prefix(out_));
  staging_ = parent / (temp_prefix(out_) + std::to_string(getpid()));
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec) || ec)
    fail("impossible de créer le dossier temporaire", staging_, fr::error_reason(ec));
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
  if (!file) fail("impossible d’écrire", path, fr::errno_reason(errno));
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) fail("impossible d’écrire", path, fr::errno_reason(errno));
  remember(relative, sha256_hex(bytes));
}

void OutputDir::record(const std::string& relative) {
  if (!is_safe_relative_path(relative)) fail("chemin de sortie refusé", relative, "il sortirait du dossier des sorties");
  remember(relative, std::nullopt);
}

namespace {

// Copies the regular file `from` to the new file `to` without following a link at either end.
void copy_regular(const fs::path& from, const fs::path& to) {
  const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
  if (in < 0) fail("impossible de reprendre", from, fr::errno_reason(errno));
  struct stat st {};
  if (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(in);
    fail("impossible de reprendre", from, "ce n’est pas un fichier ordinaire");
  }
  const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, st.st_mode & 0777);
  if (out < 0) {
    const int error = errno;
    ::close(in);
    fail("impossible d’écrire", to, fr::errno_reason(error));
  }
  char block[1 << 16];
  while (true) {
    const ssize_t got = ::read(in, block, sizeof block);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      ::close(in);
      ::close(out);
      fail("impossible de reprendre", from, fr::errno_reason(error));
    }
    if (got == 0) break;
    for (ssize_t done = 0; done < got;) {
      const ssize_t put = ::write(out, block + done, static_cast<std::size_t>(got - done));
      if (put < 0 && errno == EINTR) continue;
      if (put < 0) {
        const int error = errno;
        ::close(in);
        ::close(out);
        fail("impossible d’écrire", to, fr::errno_reason(error));
      }
      done += put;
    }
  }
  ::close(in);
  if (::close(out) != 0) fail("impossible d’écrire", to, fr::errno_reason(errno));
}

}  // namespace

void OutputDir::carry_over(const std::function<bool(const std::string&)>& keep) {
  std::error_code ec;
  if (fs::is_directory(fs::symlink_status(out_, ec))) carry_folder("", keep);
}

// Relative paths are built from the names listed, never from fs::relative, which resolves links.
void OutputDir::carry_folder(const std::string& prefix, const std::function<bool(const std::string&)>& keep) {
  const fs::path from = prefix.empty() ? out_ : out_ / prefix;
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(from, ec), end; !ec && it != end; it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) fail("impossible de lire le dossier", from, fr::error_reason(ec));
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (prefix.empty() && name == ".gitkeep") continue;  // commit() keeps it
    const std::string relative = prefix.empty() ? name : prefix + "/" + name;
    const fs::path path = out_ / relative;
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) fail("impossible de reprendre", path, fr::errno_reason(errno));
    if (S_ISDIR(st.st_mode)) {
      carry_folder(relative, keep);
    } else if (!S_ISREG(st.st_mode)) {
      fail("impossible de reprendre", path,
           S_ISLNK(st.st_mode) ? "c’est un lien symbolique, qu’aap ne suit jamais" : "ce n’est pas un fichier ordinaire");
    } else if (keep(relative)) {
      make_parent(staging_ / relative);
      copy_regular(path, staging_ / relative);
      remember(relative, std::nullopt);
    }
  }
}

void OutputDir::make_parent(const fs::path& path) {
  const fs::path parent = path.parent_path();
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (folders_.count(parent) != 0) return;
  }
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) fail("impossible de créer le dossier", parent, fr::error_reason(ec));
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
  // Checked when the run started; looked at again, names and types only, in case something was added
  // to the folder while the run worked: the swap below deletes whatever the previous folder holds.
  if (const std::string problem = out_replacement_problem(out_, false); !problem.empty())
    throw std::runtime_error(problem);
  // The repository keeps output/ with a .gitkeep: the new folder keeps it too, as it was (never followed).
  if (fs::is_regular_file(fs::symlink_status(out_ / ".gitkeep", ec)) && !fs::exists(staging_ / ".gitkeep", ec))
    copy_regular(out_ / ".gitkeep", staging_ / ".gitkeep");
  if (fs::exists(out_, ec)) {
    if (!fs::is_directory(out_, ec)) fail("la sortie n’est pas un dossier :", out_, "fichier existant");
    if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) != 0)
      fail("impossible de remplacer le dossier", out_, fr::errno_reason(errno));
    committed_ = true;
    fs::remove_all(staging_, ec);  // now holds the previous outputs
  } else {
    if (std::rename(staging_.c_str(), out_.c_str()) != 0)
      fail("impossible de créer le dossier", out_, fr::errno_reason(errno));
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
