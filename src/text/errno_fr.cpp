// The reasons the system gives for a failed call, in French.
#include "text/errno_fr.hpp"

#include <cerrno>
#include <cstring>

namespace aap::fr {

std::string errno_reason(int error) {
  switch (error) {
    case ENOSPC: return "disque plein";
    case EDQUOT: return "quota de disque dépassé";
    case EROFS: return "système de fichiers en lecture seule";
    case EACCES:
    case EPERM: return "accès refusé";
    case ENOENT: return "fichier ou dossier introuvable";
    case ENOTDIR: return "un élément du chemin n’est pas un dossier";
    case EISDIR: return "c’est un dossier";
    case EEXIST: return "existe déjà";
    case ENOTEMPTY: return "dossier non vide";
    case EBUSY: return "en cours d’utilisation (point de montage ?)";
    case EXDEV: return "sur un autre système de fichiers";
    case EIO: return "erreur d’entrée-sortie";
    case ELOOP: return "trop de liens symboliques";
    case ENAMETOOLONG: return "chemin trop long";
    case EMFILE:
    case ENFILE: return "trop de fichiers ouverts";
    case EFBIG: return "fichier trop grand";
    case ENOMEM: return "mémoire insuffisante";
    default: return std::string("erreur système ") + std::to_string(error) + " (" + std::strerror(error) + ")";
  }
}

std::string error_reason(const std::error_code& ec) {
  if (ec.category() == std::system_category() || ec.category() == std::generic_category())
    return errno_reason(ec.value());
  return ec.message();
}

std::string filesystem_error_reason(const std::filesystem::filesystem_error& e) {
  return (e.path1().empty() ? std::string() : e.path1().generic_string() + " : ") + error_reason(e.code());
}

}  // namespace aap::fr
