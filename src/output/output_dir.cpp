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

namespace aap {
namespace fs = std::filesystem;
namespace {

std::string temp_prefix(const fs::path& out) { return "." + out.filename().string() + ".tmp-"; }

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

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("impossible de lire", path, std::strerror(errno));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) fail("impossible de lire", path, std::strerror(errno));
  return bytes;
}

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
  const fs::path path = staging_ / relative;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) fail("impossible de créer le dossier", path.parent_path(), ec.message());
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) fail("impossible d’écrire", path, std::strerror(errno));
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) fail("impossible d’écrire", path, std::strerror(errno));
  record(relative);
}

void OutputDir::record(const std::string& relative) {
  if (std::find(written_.begin(), written_.end(), relative) == written_.end())
    written_.push_back(relative);
}

std::vector<std::string> OutputDir::written() const {
  std::vector<std::string> sorted = written_;
  std::sort(sorted.begin(), sorted.end());
  return sorted;
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

}  // namespace aap
