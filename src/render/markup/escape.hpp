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

/// Private-use markers around a value from the data (U+E003 … U+E004): the parser turns what they hold
/// into spans marked `keep_whole` (names, titles, amounts in words are never hyphenated) and drops them.
inline constexpr std::string_view kValueStart = "\xEE\x80\x83";
inline constexpr std::string_view kValueEnd = "\xEE\x80\x84";

/// A template value: escape(value) between kValueStart and kValueEnd; nothing for an empty value.
std::string escape_value(std::string_view value);

}  // namespace aap::markup
