// Reading a whole input file with its size bounded before and during the read.
#include "input/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "input/sha256.hpp"
#include "text/sizes.hpp"

namespace aap::input {

namespace {

// Blocks read at once from a file whose size fstat does not tell (/proc reports 0).
constexpr std::size_t kChunk = 64 * 1024;

// Blocks hashed or compared at once from files read without being held whole.
constexpr std::size_t kStreamBlock = 256 * 1024;

class Descriptor {
 public:
  Descriptor() = default;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  void reset(int fd) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

// strerror speaks English under the C locale the program runs in; the common causes are said in French.
std::string reason_fr(int error) {
  switch (error) {
    case EACCES:
    case EPERM:
      return "accès refusé";
    case EIO:
      return "erreur d’entrée-sortie";
    case ELOOP:
      return "trop de liens symboliques";
    case ENAMETOOLONG:
      return "chemin trop long";
    case EMFILE:
    case ENFILE:
      return "trop de fichiers ouverts";
    default:
      return std::strerror(error);
  }
}

InputFile failed(std::string problem) {
  InputFile file;
  file.problem = std::move(problem);
  return file;
}

// Opens `path` read-only into `fd` with its type and size in `info`; the problem when it is no regular file.
InputFile open_regular(const std::filesystem::path& path, Descriptor& fd, struct stat& info) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  fd.reset(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      InputFile file = failed("fichier introuvable");
      file.missing = true;
      return file;
    }
    // What open(2) answers for a socket, or a device without its driver.
    if (error == ENXIO) return failed("n’est pas un fichier ordinaire");
    return failed("fichier illisible : " + reason_fr(error));
  }
  if (::fstat(fd.get(), &info) != 0) return failed("fichier illisible : " + reason_fr(errno));
  if (S_ISDIR(info.st_mode)) return failed("est un dossier, pas un fichier");
  if (!S_ISREG(info.st_mode)) return failed("n’est pas un fichier ordinaire");
  return {};
}

// Reads up to `size` bytes, fewer only at the end of the file; -1 (errno set) on a read error.
ssize_t read_block(int fd, char* data, std::size_t size) {
  std::size_t filled = 0;
  while (filled < size) {
    const ssize_t got = ::read(fd, data + filled, size - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  return static_cast<ssize_t>(filled);
}

}  // namespace

InputFile read_input_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view limit_scope) {
  Descriptor fd;
  struct stat info {};
  if (InputFile refused = open_regular(path, fd, info); !refused.ok()) return refused;
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size > max_bytes) return failed(text::too_large_message(size, max_bytes, limit_scope));

  InputFile file;
  // One byte more than the size announced: reaching it means the file grew, or announced nothing.
  std::size_t capacity = (size > 0 ? size : kChunk) + 1;
  if (capacity > max_bytes + 1) capacity = max_bytes + 1;
  file.bytes.resize(capacity);
  std::size_t filled = 0;
  while (true) {
    if (filled == file.bytes.size()) {
      if (filled > max_bytes) return failed(text::too_large_message(0, max_bytes, limit_scope));
      file.bytes.resize(filled + kChunk > max_bytes + 1 ? max_bytes + 1 : filled + kChunk);
    }
    const ssize_t got = ::read(fd.get(), file.bytes.data() + filled, file.bytes.size() - filled);
    if (got < 0) {
      if (errno == EINTR) continue;
      return failed("fichier illisible : " + reason_fr(errno));
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  file.bytes.resize(filled);
  Sha256 hash;
  hash.update(file.bytes);
  file.sha256 = hash.hex();
  return file;
}

FileHash hash_input_file(const std::filesystem::path& path) {
  FileHash result;
  Descriptor fd;
  struct stat info {};
  if (InputFile refused = open_regular(path, fd, info); !refused.ok()) {
    result.problem = std::move(refused.problem);
    result.missing = refused.missing;
    return result;
  }
  Sha256 hash;
  std::vector<char> block(kStreamBlock);
  while (true) {
    const ssize_t got = read_block(fd.get(), block.data(), block.size());
    if (got < 0) {
      result.problem = "fichier illisible : " + reason_fr(errno);
      return result;
    }
    if (got == 0) break;
    hash.update(std::string_view(block.data(), static_cast<std::size_t>(got)));
  }
  result.sha256 = hash.hex();
  return result;
}

SameBytes same_file_bytes(const std::filesystem::path& a, const std::filesystem::path& b) {
  SameBytes result;
  Descriptor fds[2];
  struct stat infos[2] {};
  const std::filesystem::path* paths[2] = {&a, &b};
  for (int k = 0; k < 2; ++k) {
    if (InputFile refused = open_regular(*paths[k], fds[k], infos[k]); !refused.ok()) {
      result.unreadable = *paths[k];
      result.problem = std::move(refused.problem);
      return result;
    }
  }
  if (infos[0].st_size != infos[1].st_size) return result;
  std::vector<char> blocks[2] = {std::vector<char>(kStreamBlock), std::vector<char>(kStreamBlock)};
  while (true) {
    ssize_t got[2] = {0, 0};
    for (int k = 0; k < 2; ++k) {
      got[k] = read_block(fds[k].get(), blocks[k].data(), kStreamBlock);
      if (got[k] < 0) {
        result.unreadable = *paths[k];
        result.problem = "fichier illisible : " + reason_fr(errno);
        return result;
      }
    }
    // A file that changed size while compared ends before the other: different.
    if (got[0] != got[1] || std::memcmp(blocks[0].data(), blocks[1].data(), static_cast<std::size_t>(got[0])) != 0)
      return result;
    if (got[0] == 0) break;
  }
  result.same = true;
  return result;
}

}  // namespace aap::input
