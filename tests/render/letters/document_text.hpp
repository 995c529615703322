// Test helper: the text of a doc::Document, block by block, to check letters and notices by content.
#pragma once

#include <string>
#include <variant>

#include "render/document/document.hpp"

namespace aap::test {

inline std::string inline_text(const doc::Inline& spans) {
  std::string out;
  for (const doc::Span& s : spans) out += s.text;
  return out;
}

/// Every block on its own line; table cells separated by " | "; NBSP and NNBSP turned into plain spaces
/// so that expectations stay readable (typography is tested in the markup tests).
inline std::string document_text(const doc::Document& d) {
  std::string out;
  const auto line = [&](const std::string& s) { out += s + "\n"; };
  for (const doc::Block& b : d.blocks) {
    if (const auto* p = std::get_if<doc::Paragraph>(&b)) line(inline_text(p->content));
    if (const auto* h = std::get_if<doc::Heading>(&b)) line(inline_text(h->content));
    if (const auto* l = std::get_if<doc::ListBlock>(&b)) {
      for (const auto& item : l->items) line("- " + inline_text(item));
    }
    if (const auto* t = std::get_if<doc::Table>(&b)) {
      for (const auto* rows : {&t->header, &t->rows}) {
        for (const auto& row : *rows) {
          std::string r;
          for (const auto& cell : row) r += (r.empty() ? "" : " | ") + inline_text(cell);
          line(r);
        }
      }
    }
    if (std::holds_alternative<doc::PageBreak>(b)) line("---");
    if (const auto* h = std::get_if<doc::Letterhead>(&b)) {
      for (const auto& l : h->lines) line(inline_text(l));
    }
    if (const auto* a = std::get_if<doc::AddressWindow>(&b)) {
      for (const auto& l : a->lines) line(l);
    }
    if (const auto* p = std::get_if<doc::PlaceDate>(&b)) line(p->text);
    if (const auto* s = std::get_if<doc::Signature>(&b)) {
      for (const auto& l : s->lines) line(l);
    }
  }
  for (const std::string nbsp : {"\u00A0", "\u202F"}) {
    for (std::size_t at = out.find(nbsp); at != std::string::npos; at = out.find(nbsp, at)) out.replace(at, nbsp.size(), " ");
  }
  return out;
}

}  // namespace aap::test
