// md4c callbacks → doc::Document blocks, with the letter blocks and French typography.
#include "render/markup/markup.hpp"

#include <md4c.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "render/document/ordinals.hpp"
#include "render/markup/entities.hpp"
#include "render/markup/escape.hpp"
#include "text/french.hpp"
#include "text/utf8.hpp"

namespace aap::markup {

namespace {

// Private-use markers, never in a value (markup::escape removes them).
constexpr std::string_view kRightMarker = "\xEE\x80\x80";   // U+E000, stands for a leading "->"
constexpr std::string_view kCentreMarker = "\xEE\x80\x81";  // U+E001, stands for a trailing "<-"
constexpr std::string_view kLineMarker = "\xEE\x80\x82";    // U+E002, keeps a block line from starting a block

constexpr unsigned kFlags = MD_FLAG_TABLES | MD_FLAG_NOHTML;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void erase_all(std::string& s, std::string_view what) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at)) s.erase(at, what.size());
}

// The value markers (kValueStart … kValueEnd) become spans marked keep_whole, and go.
void split_values(doc::Inline& spans) {
  // Without a value marker, there is only work where a span is empty or styled as the one before it.
  const auto same_style = [](const doc::Span& a, const doc::Span& b) {
    return a.bold == b.bold && a.italic == b.italic && a.superscript == b.superscript && a.keep_whole == b.keep_whole;
  };
  bool work = false;
  for (std::size_t i = 0; i < spans.size() && !work; ++i) {
    work = spans[i].text.empty() || spans[i].text.find('\xEE') != std::string::npos ||
           (i > 0 && same_style(spans[i - 1], spans[i]));
  }
  if (!work) return;
  doc::Inline out;
  out.reserve(spans.size());
  bool inside = false;
  const auto push = [&](const doc::Span& style, std::string text) {
    if (text.empty()) return;
    const bool keep = style.keep_whole || inside;
    if (!out.empty() && out.back().bold == style.bold && out.back().italic == style.italic &&
        out.back().superscript == style.superscript && out.back().keep_whole == keep) {
      out.back().text += text;
      return;
    }
    doc::Span piece = style;
    piece.text = std::move(text);
    piece.keep_whole = keep;
    out.push_back(std::move(piece));
  };
  for (const doc::Span& span : spans) {
    std::size_t from = 0;
    while (true) {
      const std::size_t start = span.text.find(kValueStart, from);
      const std::size_t end = span.text.find(kValueEnd, from);
      const std::size_t at = std::min(start, end);
      push(span, span.text.substr(from, at == std::string::npos ? std::string::npos : at - from));
      if (at == std::string::npos) break;
      inside = at == start;
      from = at + kValueStart.size();  // both markers are three bytes
    }
  }
  spans = std::move(out);
}

std::string without_value_markers(std::string text) {
  erase_all(text, kValueStart);
  erase_all(text, kValueEnd);
  return text;
}

// Whether `word` starts with a capital letter (Latin-1 and Latin Extended-A capitals included).
bool capitalised(std::string_view word) {
  const auto decoded = text::decode_utf8(word);
  if (!decoded || decoded->empty()) return false;
  const char32_t c = decoded->front();
  return (c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 0);
}

// In a title or a signature, a name from the data is not split between lines where it reads as one:
// within each value, consecutive capitalised words ("Territoire Marseille Provence") are joined by no-break
// spaces, as long as they stay short enough to fit any line.
void join_names(std::string& text) {
  constexpr std::size_t kLongestJoined = 32;  // code points
  std::size_t from = 0;
  while (true) {
    const std::size_t start = text.find(kValueStart, from);
    if (start == std::string::npos) return;
    const std::size_t begin = start + kValueStart.size();
    std::size_t end = text.find(kValueEnd, begin);
    if (end == std::string::npos) end = text.size();
    std::string value = text.substr(begin, end - begin);
    std::vector<std::string> words;
    for (std::size_t at = 0; at <= value.size();) {
      std::size_t space = value.find(' ', at);
      if (space == std::string::npos) space = value.size();
      words.push_back(value.substr(at, space - at));
      at = space + 1;
    }
    std::string joined;
    for (std::size_t i = 0; i < words.size();) {
      std::size_t j = i + 1;
      std::size_t length = text::code_points(words[i]);
      if (capitalised(words[i])) {
        while (j < words.size() && capitalised(words[j]) &&
               length + 1 + text::code_points(words[j]) <= kLongestJoined) {
          length += 1 + text::code_points(words[j]);
          ++j;
        }
      }
      for (std::size_t k = i; k < j; ++k) {
        if (!joined.empty() || k > 0) joined += k == i ? " " : "\u00A0";
        joined += words[k];
      }
      i = j;
    }
    text.replace(begin, end - begin, joined);
    from = begin + joined.size();
  }
}

// Straight apostrophes between letters become ’ (the same count of characters, so NF Z10-011's 38 hold).
std::string typographic_apostrophes(const std::string& line) {
  const auto decoded = text::decode_utf8(line);
  if (!decoded) return line;
  std::u32string s = *decoded;
  const auto letter = [](char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || c >= 0xC0; };
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == U'\'' && letter(s[i - 1]) && letter(s[i + 1])) s[i] = U'’';
  }
  return text::encode_utf8(s);
}

void append(doc::Inline& spans, std::string_view text, bool bold, bool italic) {
  if (text.empty()) return;
  if (!spans.empty() && spans.back().bold == bold && spans.back().italic == italic) {
    spans.back().text += text;
  } else {
    spans.push_back(doc::Span{std::string(text), bold, italic});
  }
}

doc::Align align_of(MD_ALIGN a) {
  switch (a) {
    case MD_ALIGN_CENTER: return doc::Align::center;
    case MD_ALIGN_RIGHT: return doc::Align::right;
    default: return doc::Align::left;
  }
}

// A column's share of the width: its longest cell, within bounds so that a short column stays legible
// and a long one does not starve the others.
void set_column_weights(doc::Table& table) {
  std::vector<std::size_t> longest(table.columns.size(), 0);
  const auto measure = [&](const std::vector<doc::Inline>& row) {
    for (std::size_t i = 0; i < row.size() && i < longest.size(); ++i) {
      longest[i] = std::max(longest[i], text::code_points(plain_text(row[i])));
    }
  };
  for (const auto& row : table.header) measure(row);
  for (const auto& row : table.rows) measure(row);
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    table.columns[i].width_weight = static_cast<int>(std::clamp<std::size_t>(longest[i], 6, 30));
  }
}

enum class LetterBlock { letterhead, address, place_date, signature };

std::optional<LetterBlock> letter_block(std::string_view info) {
  if (info == "timbre") return LetterBlock::letterhead;
  if (info == "adresse") return LetterBlock::address;
  if (info == "lieu-date") return LetterBlock::place_date;
  if (info == "signature") return LetterBlock::signature;
  return std::nullopt;
}

// Collects the spans of one line of a letter block, whatever block md4c makes of it.
struct LineParser {
  doc::Inline spans;
  int bold = 0;
  int italic = 0;

  static int enter_block(MD_BLOCKTYPE, void*, void*) { return 0; }
  static int leave_block(MD_BLOCKTYPE, void*, void*) { return 0; }
  static int enter_span(MD_SPANTYPE type, void*, void* user) {
    auto* self = static_cast<LineParser*>(user);
    if (type == MD_SPAN_STRONG) ++self->bold;
    if (type == MD_SPAN_EM) ++self->italic;
    return 0;
  }
  static int leave_span(MD_SPANTYPE type, void*, void* user) {
    auto* self = static_cast<LineParser*>(user);
    if (type == MD_SPAN_STRONG) --self->bold;
    if (type == MD_SPAN_EM) --self->italic;
    return 0;
  }
  static int text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* user) {
    auto* self = static_cast<LineParser*>(user);
    const std::string_view piece(data, size);
    const bool b = self->bold > 0;
    const bool i = self->italic > 0;
    switch (type) {
      case MD_TEXT_NULLCHAR: append(self->spans, "\uFFFD", b, i); break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR: append(self->spans, " ", b, i); break;
      case MD_TEXT_ENTITY: append(self->spans, decode_entity(piece), b, i); break;
      default: append(self->spans, piece, b, i); break;
    }
    return 0;
  }
};

// One line of a letter block, as inline markup only: the marker in front keeps "1.", "#" or "-" at the
// start of the line from making a list or a heading of it.
doc::Inline parse_block_line(std::string_view line) {
  // A line without any character that inline markup gives a meaning to (emphasis, escape, code, entity,
  // link, autolink, table cell) or a control character is its own text: md4c would give it back as one
  // plain span, so it is not parsed.
  const std::string_view trimmed = trim_view(line);
  const bool plain = trimmed.find_first_of("\\`*_&<>[]!~|") == std::string_view::npos &&
                     std::none_of(trimmed.begin(), trimmed.end(),
                                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
  if (plain) {
    std::string text(trimmed);
    erase_all(text, kLineMarker);
    if (text.empty()) return {};
    return {doc::Span{std::move(text), false, false}};
  }
  const std::string source = std::string(kLineMarker) + std::string(trimmed);
  LineParser p;
  const MD_PARSER parser{0, kFlags, &LineParser::enter_block, &LineParser::leave_block,
                         &LineParser::enter_span, &LineParser::leave_span, &LineParser::text,
                         nullptr, nullptr};
  md_parse(source.data(), static_cast<MD_SIZE>(source.size()), &parser, &p);
  for (doc::Span& s : p.spans) erase_all(s.text, kLineMarker);
  std::erase_if(p.spans, [](const doc::Span& s) { return s.text.empty(); });
  return p.spans;
}

class Builder {
 public:
  std::vector<doc::Block> blocks;

  static int enter_block(MD_BLOCKTYPE type, void* detail, void* user) {
    return static_cast<Builder*>(user)->enter(type, detail);
  }
  static int leave_block(MD_BLOCKTYPE type, void* detail, void* user) {
    return static_cast<Builder*>(user)->leave(type, detail);
  }
  static int enter_span(MD_SPANTYPE type, void*, void* user) {
    auto* self = static_cast<Builder*>(user);
    if (type == MD_SPAN_STRONG) ++self->bold_;
    if (type == MD_SPAN_EM) ++self->italic_;
    return 0;
  }
  static int leave_span(MD_SPANTYPE type, void*, void* user) {
    auto* self = static_cast<Builder*>(user);
    if (type == MD_SPAN_STRONG) --self->bold_;
    if (type == MD_SPAN_EM) --self->italic_;
    return 0;
  }
  static int on_text(MD_TEXTTYPE type, const MD_CHAR* data, MD_SIZE size, void* user) {
    return static_cast<Builder*>(user)->text(type, std::string_view(data, size));
  }

  std::optional<std::string> error;

 private:
  int enter(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        if (list_depth_++ == 0) {
          list_ = doc::ListBlock{};
          if (type == MD_BLOCK_OL) {
            list_->ordered = true;
            list_->start = static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start);
          }
        } else {
          flush_item();  // a nested list: the outer item's text so far is an item of its own
        }
        break;
      case MD_BLOCK_LI:
        flush_item();
        break;
      case MD_BLOCK_P:
        if (!list_) {
          current_.clear();
          lines_.clear();
        } else if (!current_.empty()) {
          append(current_, " ", false, false);  // a loose item's second paragraph
        }
        break;
      case MD_BLOCK_H:
        current_.clear();
        break;
      case MD_BLOCK_CODE: {
        const auto* code = static_cast<MD_BLOCK_CODE_DETAIL*>(detail);
        const std::string info(code->info.text, code->info.size);
        if (code->fence_char == 0) {
          return fail("un paragraphe commence par quatre espaces ou une tabulation : retirez ce retrait "
                      "(le retrait n’a pas de sens dans ce balisage)");
        }
        letter_block_ = letter_block(info);
        if (!letter_block_) {
          return fail("bloc « ```" + info +
                      " » inconnu : les blocs sont ```timbre, ```adresse, ```lieu-date et ```signature");
        }
        code_.clear();
        break;
      }
      case MD_BLOCK_TABLE:
        table_ = doc::Table{};
        table_->columns.resize(static_cast<MD_BLOCK_TABLE_DETAIL*>(detail)->col_count);
        break;
      case MD_BLOCK_THEAD: in_head_ = true; break;
      case MD_BLOCK_TBODY: in_head_ = false; break;
      case MD_BLOCK_TR: row_.clear(); break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: {
        current_.clear();
        const auto* cell = static_cast<MD_BLOCK_TD_DETAIL*>(detail);
        if (in_head_ && table_ && row_.size() < table_->columns.size()) {
          table_->columns[row_.size()].align = align_of(cell->align);
        }
        break;
      }
      default: break;
    }
    return 0;
  }

  int leave(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        flush_item();
        if (--list_depth_ == 0 && list_) {
          blocks.emplace_back(std::move(*list_));
          list_.reset();
        }
        break;
      case MD_BLOCK_LI: flush_item(); break;
      case MD_BLOCK_P:
        if (!list_) finish_paragraph();
        break;
      case MD_BLOCK_H: {
        doc::Heading h;
        h.level = std::min(3, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level));
        h.content = take_current(true);
        blocks.emplace_back(std::move(h));
        break;
      }
      case MD_BLOCK_HR: blocks.emplace_back(doc::PageBreak{}); break;
      case MD_BLOCK_CODE:
        if (letter_block_) finish_letter_block();
        letter_block_.reset();
        break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: row_.push_back(take_current()); break;
      case MD_BLOCK_TR:
        if (table_) {
          row_.resize(table_->columns.size());
          (in_head_ ? table_->header : table_->rows).push_back(std::move(row_));
        }
        row_.clear();
        break;
      case MD_BLOCK_TABLE:
        if (table_) {
          set_column_weights(*table_);
          blocks.emplace_back(std::move(*table_));
          table_.reset();
        }
        break;
      default: break;
    }
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view piece) {
    if (letter_block_) {
      code_ += piece;
      return 0;
    }
    const bool b = bold_ > 0;
    const bool i = italic_ > 0;
    switch (type) {
      case MD_TEXT_NULLCHAR: append(current_, "\uFFFD", b, i); break;
      case MD_TEXT_SOFTBR: append(current_, " ", b, i); break;
      case MD_TEXT_BR:
        // A forced line break: in a paragraph it starts a new one; elsewhere a space.
        if (!list_ && !table_) {
          lines_.push_back(std::move(current_));
          current_.clear();
        } else {
          append(current_, " ", b, i);
        }
        break;
      case MD_TEXT_ENTITY: append(current_, decode_entity(piece), b, i); break;
      default: append(current_, piece, b, i); break;
    }
    return 0;
  }

  int fail(std::string message) {
    if (!error) error = std::move(message);
    return 1;  // stops md4c
  }

  doc::Inline take_current(bool join = false) {
    doc::Inline out = std::move(current_);
    current_.clear();
    strip_markers(out);
    finish_inline(out, join);
    return out;
  }

  // Typography (which sees through the value markers), then the values as keep_whole spans and the
  // ordinals in superscript. `join`: a title, where a name's capitalised words stay on one line.
  static void finish_inline(doc::Inline& spans, bool join) {
    apply_typography(spans);
    if (join) {
      for (doc::Span& s : spans) join_names(s.text);
    }
    split_values(spans);
    doc::mark_ordinals(spans);
  }

  static void strip_markers(doc::Inline& spans) {
    for (doc::Span& s : spans) {
      erase_all(s.text, kRightMarker);
      erase_all(s.text, kCentreMarker);
    }
    std::erase_if(spans, [](const doc::Span& s) { return s.text.empty(); });
  }

  void flush_item() {
    if (!list_ || current_.empty()) return;
    list_->items.push_back(take_current());
  }

  void finish_paragraph() {
    lines_.push_back(std::move(current_));
    current_.clear();
    doc::Align align = doc::Align::justify;
    const doc::Inline& first = lines_.front();
    const doc::Inline& last = lines_.back();
    if (!first.empty() && starts_with(first.front().text, kRightMarker)) {
      align = !last.empty() && ends_with(last.back().text, kCentreMarker) ? doc::Align::center
                                                                         : doc::Align::right;
    }
    for (doc::Inline& line : lines_) {
      strip_markers(line);
      finish_inline(line, false);
      if (line.empty()) continue;
      blocks.emplace_back(doc::Paragraph{std::move(line), align});
    }
    lines_.clear();
  }

  void finish_letter_block() {
    std::vector<doc::Inline> lines;
    std::size_t start = 0;
    while (start <= code_.size()) {
      std::size_t end = code_.find('\n', start);
      if (end == std::string::npos) end = code_.size();
      doc::Inline line = parse_block_line(std::string_view(code_).substr(start, end - start));
      if (!line.empty()) lines.push_back(std::move(line));
      start = end + 1;
    }
    switch (*letter_block_) {
      case LetterBlock::letterhead: {
        doc::Letterhead head;
        for (doc::Inline& line : lines) {
          finish_inline(line, false);
          head.lines.push_back(std::move(line));
        }
        blocks.emplace_back(std::move(head));
        break;
      }
      case LetterBlock::address: {
        // The window shows one address: a second block would be drawn over the first.
        if (has_address_) {
          fail("second bloc ```adresse dans le même document : un seul est permis, un second serait imprimé "
               "par-dessus le premier dans la fenêtre de l’enveloppe");
          return;
        }
        has_address_ = true;
        // NF Z10-011 lines stay as computed: no typography (it would add characters to count), only the
        // apostrophe's form (the addressing already took punctuation out of lines 4 to 6).
        doc::AddressWindow address;
        for (const doc::Inline& line : lines) {
          address.lines.push_back(typographic_apostrophes(without_value_markers(plain_text(line))));
        }
        if (address.lines.size() > kMaxAddressLines) {
          fail("le bloc ```adresse a " + std::to_string(address.lines.size()) + " lignes, " +
               std::to_string(kMaxAddressLines) + " au plus (norme NF Z10-011)");
          return;
        }
        for (const std::string& line : address.lines) {
          const std::size_t n = text::code_points(line);
          if (n > kMaxAddressLineChars) {
            fail("la ligne d’adresse « " + line + " » a " + std::to_string(n) + " caractères, " +
                 std::to_string(kMaxAddressLineChars) + " au plus (norme NF Z10-011)");
            return;
          }
        }
        blocks.emplace_back(std::move(address));
        break;
      }
      case LetterBlock::place_date: {
        std::string text;
        for (const doc::Inline& line : lines) text += (text.empty() ? "" : " ") + plain_text(line);
        blocks.emplace_back(doc::PlaceDate{without_value_markers(fr::typography(text))});
        break;
      }
      case LetterBlock::signature: {
        doc::Signature signature;
        for (const doc::Inline& line : lines) {
          std::string text = fr::typography(plain_text(line));
          join_names(text);
          signature.lines.push_back(without_value_markers(std::move(text)));
        }
        blocks.emplace_back(std::move(signature));
        break;
      }
    }
  }

  int bold_ = 0;
  int italic_ = 0;
  int list_depth_ = 0;
  bool in_head_ = false;
  doc::Inline current_;
  std::vector<doc::Inline> lines_;  // a paragraph's pieces between forced line breaks
  std::optional<doc::ListBlock> list_;
  std::optional<doc::Table> table_;
  std::vector<doc::Inline> row_;
  std::optional<LetterBlock> letter_block_;
  bool has_address_ = false;
  std::string code_;
};

bool is_fence(std::string_view line) {
  const std::string_view t = trim_view(line);
  return starts_with(t, "```") || starts_with(t, "~~~");
}

// "->" at the start of a line (outside the letter blocks) makes that line a paragraph of its own,
// aligned right; a "<-" at its end centres it. Done on the source so that a value — escaped as "\-\>" —
// can never be taken for the marker.
std::string mark_alignment(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  bool in_fence = false;
  bool previous_blank = true;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    const bool last = end == std::string_view::npos;
    if (last) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (is_fence(line)) in_fence = !in_fence;
    std::size_t indent = 0;
    while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
    if (!in_fence && starts_with(line.substr(indent), "->")) {
      std::string_view body = trim_view(line.substr(indent + 2));
      const bool centred = ends_with(body, "<-");
      if (centred) body.remove_suffix(2);
      if (!previous_blank) out += '\n';
      out += kRightMarker;
      out += trim_view(body);
      if (centred) out += kCentreMarker;
      out += "\n\n";
      previous_blank = true;
      continue;
    }
    out += line;
    if (!last) out += '\n';
    previous_blank = trim_view(line).empty();
  }
  return out;
}

std::string last_code_point(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0) {
    --i;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) break;
  }
  return std::string(s.substr(i));
}

}  // namespace

std::string plain_text(const doc::Inline& spans) {
  std::string out;
  for (const doc::Span& s : spans) out += s.text;
  return out;
}

void apply_typography(doc::Inline& spans) {
  // Spaces before a style change that opens on ": ; ! ? »" go with that mark, where typography sees them.
  for (std::size_t i = 1; i < spans.size(); ++i) {
    std::string& prev = spans[i - 1].text;
    const std::string_view next = spans[i].text;
    const bool high_mark = !next.empty() && (next[0] == ':' || next[0] == ';' || next[0] == '!' ||
                                             next[0] == '?' || starts_with(next, "»"));
    if (!high_mark) continue;
    std::size_t keep = prev.size();
    while (keep > 0 && prev[keep - 1] == ' ') --keep;
    if (keep < prev.size() && keep > 0) {
      spans[i].text.insert(0, prev.substr(keep));
      prev.erase(keep);
    }
  }
  std::string previous_char;
  for (doc::Span& s : spans) {
    if (previous_char.empty()) {
      s.text = fr::typography(s.text);
    } else {
      // The previous span's last character gives the context ("Objet" before " :"); it is dropped after.
      const std::string typed = fr::typography(previous_char + s.text);
      s.text = typed.rfind(previous_char, 0) == 0 ? typed.substr(previous_char.size()) : fr::typography(s.text);
    }
    if (!s.text.empty()) previous_char = last_code_point(s.text);
  }
}

std::vector<doc::Block> parse(std::string_view text) {
  const std::string source = mark_alignment(text);
  Builder builder;
  const MD_PARSER parser{0, kFlags, &Builder::enter_block, &Builder::leave_block, &Builder::enter_span,
                         &Builder::leave_span, &Builder::on_text, nullptr, nullptr};
  const int rc = md_parse(source.data(), static_cast<MD_SIZE>(source.size()), &parser, &builder);
  if (builder.error) throw MarkupError(*builder.error);
  if (rc != 0) throw MarkupError("balisage illisible (md4c : " + std::to_string(rc) + ")");
  return std::move(builder.blocks);
}

}  // namespace aap::markup
