// Reading a whole input file with its size bounded before and during the read.
#include "input/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "input/json_parse.hpp"

namespace aap::input {

namespace {

// Blocks read at once from a file whose size fstat does not tell (/proc reports 0).
constexpr std::size_t kChunk = 64 * 1024;

class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
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

std::string limit_fr(std::size_t max_bytes) {
  if (max_bytes % kMebibyte == 0) return std::to_string(max_bytes / kMebibyte) + " Mo";
  return std::to_string(max_bytes) + " octets";
}

}  // namespace

std::string too_large_message(std::size_t bytes, std::size_t max_bytes, std::string_view limit_scope) {
  std::string size;
  if (bytes > 0) {
    size = megabytes_fr(bytes);
    // One byte over 4 Mo would read "(4,0 Mo) : la limite est de 4 Mo".
    if (size == megabytes_fr(max_bytes)) size = "plus de " + limit_fr(max_bytes);
    size = " (" + size + ")";
  }
  return "fichier trop volumineux" + size + " : la limite est de " + limit_fr(max_bytes) + " " +
         std::string(limit_scope);
}

InputFile read_input_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view limit_scope) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      InputFile file = failed("fichier introuvable");
      file.missing = true;
      return file;
    }
    return failed("fichier illisible : " + reason_fr(error));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return failed("fichier illisible : " + reason_fr(errno));
  if (S_ISDIR(info.st_mode)) return failed("est un dossier, pas un fichier");
  if (!S_ISREG(info.st_mode)) return failed("n’est pas un fichier ordinaire");
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size > max_bytes) return failed(too_large_message(size, max_bytes, limit_scope));

  InputFile file;
  // One byte more than the size announced: reaching it means the file grew, or announced nothing.
  std::size_t capacity = (size > 0 ? size : kChunk) + 1;
  if (capacity > max_bytes + 1) capacity = max_bytes + 1;
  file.bytes.resize(capacity);
  std::size_t filled = 0;
  while (true) {
    if (filled == file.bytes.size()) {
      if (filled > max_bytes) return failed(too_large_message(0, max_bytes, limit_scope));
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
  return file;
}

}  // namespace aap::input
