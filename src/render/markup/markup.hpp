// The documents' markup (a Markdown subset plus the letter blocks, templates/README.md) → doc::Document blocks.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "render/document/document.hpp"

namespace aap::markup {

/// A construct the markup does not allow (French message, without the file: the caller adds it).
class MarkupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The NF Z10-011 limits the address block is held to.
inline constexpr std::size_t kMaxAddressLines = 6;
inline constexpr std::size_t kMaxAddressLineChars = 38;

/// Parses the markup (md4c, tables on, raw HTML off) into blocks: `#`–`###` headings, paragraphs
/// (a line starting with `->` is a paragraph aligned right, `->…<-` centred), `**bold**`, `*italic*`,
/// `-` and `1.` lists (nested ones are flattened), pipe tables with their alignment, a `---` line
/// after a blank line for a page break, and the fenced letter blocks ```timbre, ```adresse,
/// ```lieu-date, ```signature. French typography is applied to every text. Throws MarkupError for an
/// indented code block, an unknown or unnamed fenced block, or an address block beyond NF Z10-011.
std::vector<doc::Block> parse(std::string_view text);

/// French typography (fr::typography) over the spans of one line of text, including where a
/// punctuation mark starts a span ("**Objet** : …").
void apply_typography(doc::Inline& spans);

/// The text of the spans, joined, without styles.
std::string plain_text(const doc::Inline& spans);

}  // namespace aap::markup
