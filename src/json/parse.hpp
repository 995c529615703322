// Parsing JSON text with nlohmann-json, turning its English syntax errors into one French diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "json/value.hpp"
#include "model/diagnostic.hpp"

namespace aap::json {

/// The largest JSON input file read: a dossier is a few kilobytes, so that 32 Mo hold over 10,000 of them.
inline constexpr std::size_t kMaxJsonBytes = std::size_t{32} * 1024 * 1024;
/// The deepest nesting of arrays and objects accepted (a dossier needs 5 levels): deeper text is refused
/// before it is parsed, so that no later walk over it can run out of stack or build paths of every length.
inline constexpr int kMaxJsonDepth = 64;
/// The end of "la limite est de 32 Mo …" for a JSON text.
inline constexpr std::string_view kJsonLimitScope =
    "par fichier JSON ; répartissez les dossiers en plusieurs fichiers";

/// Parses `text` (its byte-order mark already removed). On a syntax error, adds one diagnostic with the
/// line, and the column in the message ("JSON mal formé (colonne 8) : « } » inattendu, …"), and returns
/// nullopt. A text beyond kMaxJsonBytes or kMaxJsonDepth is refused the same way, saying the limit.
std::optional<Document> parse_json(std::string_view text, const std::string& file, Diagnostics& out);

/// A text aap wrote itself (evaluation.json read back for the cross-document check), without the limits
/// above: throws Error with the library's message when it is not JSON.
Document parse_written(std::string_view text);

/// The French gist of one of nlohmann's parse error messages (its what()), without the column. `near` is
/// the unquoted word of the text where a bad literal or number was found, shown in the message.
std::string translate_parse_error(std::string_view what, std::string_view near = {});

}  // namespace aap::json
