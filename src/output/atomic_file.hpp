// One file written whole or not at all: into a hidden temporary beside it, then renamed into place, so
// that a reader never sees half a file and a failure leaves nothing behind. (A whole output folder is
// output_dir's business.)
#pragma once

#include <filesystem>
#include <functional>
#include <string_view>

namespace aap::output {

enum class Existing { replace, refuse };

/// Calls `write` with the temporary's path (a new empty file, hidden, beside `file`, under a random name
/// ending in `file`'s extension, which some writers read), then renames it to `file`. With Existing::refuse a file already there is never replaced,
/// even one that appeared meanwhile. Throws std::runtime_error in French naming the file and the reason;
/// the temporary is removed whatever happens.
void write_file_atomically(const std::filesystem::path& file,
                           const std::function<void(const std::filesystem::path&)>& write,
                           Existing existing = Existing::replace);

/// The same with the file's bytes.
void write_file_atomically(const std::filesystem::path& file, std::string_view bytes,
                           Existing existing = Existing::replace);

}  // namespace aap::output
