// The reasons the system gives for a failed call, in French: strerror speaks English under the C locale.
#pragma once

#include <filesystem>
#include <string>
#include <system_error>

namespace aap::fr {

/// "disque plein", "accès refusé"…: the French reason for the errno value `error`; strerror's English text
/// for a cause no user is expected to meet, with its number, rather than nothing.
std::string errno_reason(int error);

/// The same for an error_code of the system category (std::filesystem's), else its message.
std::string error_reason(const std::error_code& ec);

/// "/chemin/du/fichier : disque plein": a std::filesystem error (whose what() is English) in French, naming
/// the first path it carries.
std::string filesystem_error_reason(const std::filesystem::filesystem_error& e);

}  // namespace aap::fr
