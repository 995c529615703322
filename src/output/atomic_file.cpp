#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <stdexcept>
#include <string>

#include "text/errno_fr.hpp"

namespace aap::output {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void cannot_write(const fs::path& file, const std::string& reason) {
  throw std::runtime_error("impossible d’écrire " + file.string() + " : " + reason);
}

}  // namespace

void write_file_atomically(const fs::path& file, const std::function<void(const fs::path&)>& write,
                           Existing existing) {
  const fs::path temporary =
      file.parent_path() / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                            file.extension().string());
  std::error_code ec;
  try {
    write(temporary);
  } catch (...) {
    fs::remove(temporary, ec);
    throw;
  }
  // RENAME_NOREPLACE: the check and the rename are one step, so a file created meanwhile is not replaced.
  const unsigned flags = existing == Existing::refuse ? RENAME_NOREPLACE : 0;
  if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, file.c_str(), flags) != 0) {
    const int error = errno;
    fs::remove(temporary, ec);
    cannot_write(file, error == EEXIST ? std::string("le fichier existe déjà, aap ne le remplace pas")
                                       : fr::errno_reason(error));
  }
}

void write_file_atomically(const fs::path& file, std::string_view bytes, Existing existing) {
  write_file_atomically(
      file,
      [&](const fs::path& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) cannot_write(temporary, fr::errno_reason(errno));
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) cannot_write(temporary, fr::errno_reason(errno));
      },
      existing);
}

}  // namespace aap::output
