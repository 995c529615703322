// Parsing JSON text with nlohmann-json, turning its English syntax errors into one French diagnostic.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/diagnostic.hpp"

namespace aap::input {

/// Parses `text` (its byte-order mark already removed). On a syntax error, adds one diagnostic with the
/// line, and the column in the message ("JSON mal formé (colonne 8) : « } » inattendu, …"), and returns
/// nullopt.
std::optional<nlohmann::json> parse_json(std::string_view text, const std::string& file, Diagnostics& out);

/// The French gist of one of nlohmann's parse error messages (its what()), without the column. `near` is
/// the unquoted word of the text where a bad literal or number was found, shown in the message.
std::string translate_parse_error(std::string_view what, std::string_view near = {});

}  // namespace aap::input
