// Parsing JSON text with nlohmann-json, turning its English syntax errors into one French diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/diagnostic.hpp"

namespace aap::input {

/// The largest JSON input file read: a dossier is a few kilobytes, so that 32 Mo hold over 10,000 of them.
inline constexpr std::size_t kMaxJsonBytes = std::size_t{32} * 1024 * 1024;
/// The deepest nesting of arrays and objects accepted (a dossier needs 5 levels): deeper text is refused
/// before it is parsed, so that no later walk over it can run out of stack or build paths of every length.
inline constexpr int kMaxJsonDepth = 64;

/// Parses `text` (its byte-order mark already removed). On a syntax error, adds one diagnostic with the
/// line, and the column in the message ("JSON mal formé (colonne 8) : « } » inattendu, …"), and returns
/// nullopt. A text beyond kMaxJsonBytes or kMaxJsonDepth is refused the same way, saying the limit.
std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& file, Diagnostics& out);

/// "50,0 Mo": a size in mebibytes with one decimal, French style (integer arithmetic).
std::string megabytes_fr(std::size_t bytes);

/// The French gist of one of nlohmann's parse error messages (its what()), without the column. `near` is
/// the unquoted word of the text where a bad literal or number was found, shown in the message.
std::string translate_parse_error(std::string_view what, std::string_view near = {});

}  // namespace aap::input
