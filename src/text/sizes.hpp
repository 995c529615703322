// File sizes in French messages: "fichier trop volumineux (50,0 Mo) : la limite est de 32 Mo …", said in the
// same words by every reader that bounds what it reads (input files, JSON texts, templates).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aap::text {

/// "50,0 Mo": a size in mebibytes with one decimal, French style (integer arithmetic).
std::string megabytes_fr(std::size_t bytes);

/// "fichier trop volumineux (50,0 Mo) : la limite est de 32 Mo par fichier JSON ; …". `bytes` 0 means the
/// size is unknown (the file grew past the limit while read): the parenthesis is left out.
std::string too_large_message(std::size_t bytes, std::size_t max_bytes, std::string_view limit_scope);

}  // namespace aap::text
