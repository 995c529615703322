// The document model: what a template produces and what the PDF and ODT backends lay out.
// It knows nothing of Markdown, Mustache, PoDoFo or ODF. Text is UTF-8 with French typography applied.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace aap::doc {

struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  /// Set smaller and raised: the letters of an ordinal (« 1er », « 3e »).
  bool superscript = false;
  /// A value from the data (a name, a title, an amount in words): never hyphenated.
  bool keep_whole = false;
};
using Inline = std::vector<Span>;

enum class Align { left, center, right, justify };

struct Paragraph {
  Inline content;
  Align align = Align::justify;
};

struct Heading {
  int level = 1;  // 1 to 3
  Inline content;
};

struct ListBlock {
  bool ordered = false;
  int start = 1;
  std::vector<Inline> items;
};

struct TableColumn {
  Align align = Align::left;
  int width_weight = 1;  // relative width; the layout shares the text width by these weights
};

struct Table {
  std::vector<TableColumn> columns;
  std::vector<std::vector<Inline>> header;  // header rows, repeated on every page the table crosses
  std::vector<std::vector<Inline>> rows;
};

struct PageBreak {};

/// A letter's timbre (top left): the authority, council, service, then references.
struct Letterhead {
  std::vector<Inline> lines;
};

/// The recipient's address, drawn inside the window-envelope frame (85 × 33 mm, 110 mm from the left,
/// 55 mm from the top; NF Z10-011: at most 6 lines of at most 38 characters).
struct AddressWindow {
  std::vector<std::string> lines;
};

/// "Marseille, le 20 mars 2027", aligned right.
struct PlaceDate {
  std::string text;
};

/// The signatory's title then name, in the right half of the page.
struct Signature {
  std::vector<std::string> lines;
};

using Block = std::variant<Paragraph, Heading, ListBlock, Table, PageBreak, Letterhead, AddressWindow,
                           PlaceDate, Signature>;

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string language = "fr-FR";
  std::string identifier;  // unique per document (e.g. the dossier id): PDF /ID derives from the Info dict
  std::string date_iso;    // the documents' date, YYYY-MM-DD: creation date, fixed for reproducibility
};

struct Document {
  Metadata metadata;
  std::string footer_left;  // e.g. the reference; "Page N/M" is always added on the right
  std::vector<Block> blocks;
};

}  // namespace aap::doc
