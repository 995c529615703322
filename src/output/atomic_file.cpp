#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
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
  // Created here, exclusively and under a name nobody can guess (mkstemps), before the writer opens it: a
  // link planted beside the file cannot send the writing elsewhere.
  const std::string suffix = file.extension().string();
  std::string name = (file.parent_path() / ("." + file.filename().string() + ".tmp-XXXXXX" + suffix)).string();
  const int fd = ::mkstemps(name.data(), static_cast<int>(suffix.size()));
  if (fd < 0) cannot_write(file, fr::errno_reason(errno));
  ::close(fd);
  const fs::path temporary = name;
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
