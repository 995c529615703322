// Escaping of values for the document markup: a value from a dossier is data, never markup.
#pragma once

#include <string>
#include <string_view>

namespace aap::markup {

/// `value` written so that the markup parser gives it back exactly, wherever a template places it
/// (paragraph, heading, list item, table cell, letter block): every ASCII punctuation character gets a
/// backslash (CommonMark escapes, which md4c honours, also for `|` in table cells); tabs and line breaks
/// become spaces and surrounding whitespace is dropped, so that a value can neither start a block
/// (`#`, `1.`, `-`, four spaces) nor end one. The parser's private markers (U+E000–U+E00F) are removed.
std::string escape(std::string_view value);

}  // namespace aap::markup
