// Breaks rich text into lines: greedy fill, French hyphenation, alignment, justification.
#include "render/layout/line_breaker.hpp"

#include <algorithm>
#include <deque>
#include <optional>
#include <unordered_map>
#include <utility>

#include "render/document/ordinals.hpp"
#include "render/layout/utf8.hpp"

namespace aap::render {

namespace {

constexpr double kEpsilonPt = 1e-6;
// A line whose spare width exceeds this many spaces is loose enough to be worth a hyphenation.
constexpr double kLooseSpaces = 2.0;
constexpr std::size_t kMinLettersToHyphenate = 5;

struct Fragment {
  std::string text;
  Face face = Face::regular;
  bool superscript = false;
};

struct Word {
  std::vector<Fragment> fragments;
  bool keep_whole = false;  // holds a name or a figure in words from the data
  std::vector<std::size_t> soft_breaks;  // byte offsets in joined(), where U+00AD was
  double width = -1;
  double space_after = 0;  // the breakable space that follows, 0 when none
  Face space_face = Face::regular;
  bool hard_break_after = false;

  std::string joined() const {
    std::string out;
    for (const auto& f : fragments) out += f.text;
    return out;
  }
};

struct Candidate {
  std::size_t offset;
  bool add_hyphen;
};

class Breaker {
 public:
  Breaker(const LineBreakOptions& options, const TextMeasurer& measurer)
      : options_(options), measurer_(measurer) {}

  std::vector<TextLine> run(const doc::Inline& content) {
    std::deque<Word> queue = tokenize(content);
    std::vector<std::vector<Word>> lines;
    std::vector<bool> unjustified;
    std::vector<Word> current;
    double current_width = 0;
    auto finish = [&](bool last) {
      lines.push_back(std::move(current));
      unjustified.push_back(last);
      current.clear();
      current_width = 0;
    };
    const double space = measure(" ", Face::regular);
    while (!queue.empty()) {
      Word word = std::move(queue.front());
      queue.pop_front();
      measure(word);
      const double gap = current.empty() ? 0 : current.back().space_after;
      if (current_width + gap + word.width <= options_.width_pt + kEpsilonPt) {
        current_width += gap + word.width;
        const bool hard = word.hard_break_after;
        current.push_back(std::move(word));
        if (hard) finish(true);
        continue;
      }
      const double room = current.empty() ? options_.width_pt : options_.width_pt - current_width - gap;
      const bool loose = current.empty() || room > kLooseSpaces * space;
      if (loose) {
        if (auto split = best_split(word, room, current.empty())) {
          current.push_back(std::move(split->first));
          finish(false);
          queue.push_front(std::move(split->second));
          continue;
        }
      }
      if (current.empty()) {
        auto cut = force_cut(word);
        current.push_back(std::move(cut.first));
        if (cut.second.fragments.empty()) {  // a single character wider than the line
          current.back().space_after = word.space_after;
          current.back().hard_break_after = word.hard_break_after;
        } else {
          queue.push_front(std::move(cut.second));
        }
        finish(false);
        continue;
      }
      finish(false);
      queue.push_front(std::move(word));
    }
    if (!current.empty()) finish(true);

    std::vector<TextLine> out;
    out.reserve(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) out.push_back(place(lines[i], unjustified[i]));
    return out;
  }

 private:
  double measure(std::string_view text, Face face) const { return measurer_.width(text, face, options_.size_pt); }
  double measure(const Fragment& f) const {
    return f.superscript ? measurer_.width(f.text, f.face, options_.size_pt * doc::kSuperscriptScale)
                         : measure(f.text, f.face);
  }

  void measure(Word& word) const {
    if (word.width >= 0) return;
    word.width = 0;
    for (const auto& f : word.fragments) word.width += measure(f);
  }

  std::deque<Word> tokenize(const doc::Inline& content) const {
    std::deque<Word> words;
    Word current;
    auto flush = [&]() {
      if (!current.fragments.empty()) words.push_back(std::move(current));
      current = Word{};
    };
    std::size_t joined_size = 0;
    for (const auto& span : content) {
      const Face face = face_of(span.bold || options_.force_bold, span.italic);
      for (std::size_t pos = 0; pos < span.text.size();) {
        const auto d = utf8::decode(span.text, pos);
        const std::string_view bytes(span.text.data() + pos, d.length);
        pos += d.length;
        const char32_t c = d.code_point;
        if (c == U' ' || c == U'\t' || c == U'\r' || c == U'\n') {
          flush();
          joined_size = 0;
          if (words.empty()) continue;  // leading spaces
          Word& last = words.back();
          if (c == U'\n') {
            last.hard_break_after = true;
          } else if (last.space_after == 0) {  // consecutive spaces count as one
            last.space_after = measure(" ", face);
            last.space_face = face;
          }
          continue;
        }
        if (c == 0xAD) {  // soft hyphen: a break opportunity, invisible unless used
          current.soft_breaks.push_back(joined_size);
          continue;
        }
        if (current.fragments.empty() || current.fragments.back().face != face ||
            current.fragments.back().superscript != span.superscript) {
          current.fragments.push_back({std::string(), face, span.superscript});
        }
        current.fragments.back().text += bytes;
        current.keep_whole = current.keep_whole || span.keep_whole;
        joined_size += d.length;
      }
    }
    flush();
    return words;
  }

  std::vector<Candidate> candidates(const Word& word, bool use_dictionary) const {
    const std::string text = word.joined();
    // A web or e-mail address is typed as printed: a hyphen added at a line end, or a break at one of its
    // own hyphens, would send the reader elsewhere. It moves whole (cut only when wider than a line).
    if (text.find("://") != std::string::npos || text.find("www.") != std::string::npos ||
        text.find('@') != std::string::npos) {
      return {};
    }
    struct Cp {
      char32_t c;
      std::size_t begin, end;
    };
    std::vector<Cp> cps;
    for (std::size_t pos = 0; pos < text.size();) {
      const auto d = utf8::decode(text, pos);
      cps.push_back({d.code_point, pos, pos + d.length});
      pos += d.length;
    }
    std::vector<Candidate> out;
    for (std::size_t i = 1; i + 1 < cps.size(); ++i) {
      const bool hyphen = cps[i].c == U'-' || cps[i].c == 0x2010;
      if (hyphen && utf8::is_letter(cps[i - 1].c) && utf8::is_letter(cps[i + 1].c)) {
        out.push_back({cps[i].end, false});
      }
    }
    for (std::size_t offset : word.soft_breaks) {
      if (offset > 0 && offset < text.size() && !word.keep_whole) out.push_back({offset, true});
    }
    if (use_dictionary && options_.hyphenator != nullptr) {
      for (std::size_t i = 0; i < cps.size();) {
        if (!utf8::is_letter(cps[i].c)) {
          ++i;
          continue;
        }
        std::size_t j = i;
        while (j < cps.size() && utf8::is_letter(cps[j].c)) ++j;
        if (j - i >= kMinLettersToHyphenate) {
          const std::size_t begin = cps[i].begin;
          const std::string_view run(text.data() + begin, cps[j - 1].end - begin);
          for (std::size_t p : options_.hyphenator->break_points(run)) out.push_back({begin + p, true});
        }
        i = j;
      }
    }
    std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.offset > b.offset; });
    out.erase(std::unique(out.begin(), out.end(),
                          [](const Candidate& a, const Candidate& b) { return a.offset == b.offset; }),
              out.end());
    return out;
  }

  static std::pair<Word, Word> split(const Word& word, std::size_t offset, bool add_hyphen) {
    Word head;
    Word tail;
    std::size_t pos = 0;
    for (const auto& f : word.fragments) {
      const std::size_t end = pos + f.text.size();
      if (end <= offset) {
        head.fragments.push_back(f);
      } else if (pos >= offset) {
        tail.fragments.push_back(f);
      } else {
        head.fragments.push_back({f.text.substr(0, offset - pos), f.face, f.superscript});
        tail.fragments.push_back({f.text.substr(offset - pos), f.face, f.superscript});
      }
      pos = end;
    }
    if (add_hyphen) head.fragments.back().text += '-';
    for (std::size_t b : word.soft_breaks) {
      if (b < offset) head.soft_breaks.push_back(b);
      if (b > offset) tail.soft_breaks.push_back(b - offset);
    }
    head.keep_whole = word.keep_whole;
    tail.keep_whole = word.keep_whole;
    tail.space_after = word.space_after;
    tail.space_face = word.space_face;
    tail.hard_break_after = word.hard_break_after;
    return {std::move(head), std::move(tail)};
  }

  std::optional<std::pair<Word, Word>> best_split(const Word& word, double room, bool line_empty) const {
    // Names and figures in words from the data go to the next line whole; one wider than a whole line breaks
    // only after its own hyphens ("Aix-en-/Provence"), never where French patterns would cut it.
    if (word.keep_whole && !line_empty) return std::nullopt;
    // Proper nouns keep their shape unless they cannot fit on a line at all.
    const std::string text = word.joined();
    const char32_t first = utf8::decode(text, 0).code_point;
    const bool capitalised = utf8::to_lower(first) != first;
    for (const auto& c : candidates(word, !word.keep_whole && (line_empty || !capitalised))) {
      auto parts = split(word, c.offset, c.add_hyphen);
      measure(parts.first);
      if (parts.first.width <= room + kEpsilonPt) return parts;
    }
    // A lowercase word of a value wider than the whole line: French hyphenation rather than a cut anywhere.
    if (word.keep_whole && !capitalised) {
      for (const auto& c : candidates(word, true)) {
        auto parts = split(word, c.offset, c.add_hyphen);
        measure(parts.first);
        if (parts.first.width <= room + kEpsilonPt) return parts;
      }
    }
    return std::nullopt;
  }

  /// The longest prefix that fits a whole line, at least one character.
  std::pair<Word, Word> force_cut(const Word& word) const {
    const std::string text = word.joined();
    std::size_t best = utf8::decode(text, 0).length;
    for (std::size_t pos = best; pos < text.size();) {
      const std::size_t next = pos + utf8::decode(text, pos).length;
      if (next >= text.size()) break;
      auto parts = split(word, next, false);
      measure(parts.first);
      if (parts.first.width > options_.width_pt + kEpsilonPt) break;
      best = next;
      pos = next;
    }
    auto parts = split(word, best, false);
    measure(parts.first);
    return parts;
  }

  TextLine place(std::vector<Word>& words, bool unjustified) const {
    TextLine line;
    double natural = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      measure(words[i]);
      natural += words[i].width;
      if (i + 1 < words.size()) natural += words[i].space_after;
    }
    line.natural_width_pt = natural;
    const double spare = std::max(0.0, options_.width_pt - natural);
    double x = 0;
    double extra = 0;
    switch (options_.align) {
      case doc::Align::left:
        break;
      case doc::Align::right:
        x = spare;
        break;
      case doc::Align::center:
        x = spare / 2;
        break;
      case doc::Align::justify:
        if (!unjustified && words.size() > 1) extra = spare / static_cast<double>(words.size() - 1);
        break;
    }
    for (std::size_t i = 0; i < words.size(); ++i) {
      const Word& w = words[i];
      for (std::size_t k = 0; k < w.fragments.size(); ++k) {
        const auto& f = w.fragments[k];
        const double width = measure(f);
        // Words separated by a plain space in one face are drawn as one string: shorter output, and
        // text extraction sees the real space.
        const bool merge = k == 0 && i > 0 && extra == 0 && !line.pieces.empty() && !f.superscript &&
                           !line.pieces.back().superscript && line.pieces.back().face == f.face &&
                           words[i - 1].space_face == f.face;
        if (merge) {
          auto& piece = line.pieces.back();
          piece.text += ' ';
          piece.text += f.text;
          piece.width_pt = x + width - piece.x_pt;
        } else {
          if (k == 0 && i > 0 && !line.pieces.empty()) line.pieces.back().space_after = words[i - 1].space_after > 0;
          line.pieces.push_back({x, f.text, f.face, width, f.superscript});
        }
        x += width;
      }
      if (i + 1 < words.size()) x += w.space_after + extra;
    }
    if (!line.pieces.empty() && !words.empty()) line.pieces.back().space_after = words.back().space_after > 0;
    return line;
  }

  const LineBreakOptions& options_;
  const TextMeasurer& measurer_;
};

}  // namespace

std::string plain_text(const doc::Inline& content) {
  std::string out;
  for (const auto& span : content) out += span.text;
  return out;
}

namespace {

template <class T>
void append_bytes(std::string& key, const T& value) {
  key.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Everything the lines depend on: the measurer's widths, the options, each span's face and text.
std::string cache_key(const doc::Inline& content, const LineBreakOptions& options, const void* widths) {
  std::string key;
  append_bytes(key, widths);
  append_bytes(key, options.hyphenator);
  append_bytes(key, options.width_pt);
  append_bytes(key, options.size_pt);
  append_bytes(key, options.align);
  append_bytes(key, options.force_bold);
  for (const doc::Span& span : content) {
    append_bytes(key, span.bold);
    append_bytes(key, span.italic);
    append_bytes(key, span.superscript);
    append_bytes(key, span.keep_whole);
    append_bytes(key, span.text.size());
    key += span.text;
  }
  return key;
}

}  // namespace

std::vector<TextLine> break_lines(const doc::Inline& content, const LineBreakOptions& options,
                                  const TextMeasurer& measurer) {
  // Letters repeat the same paragraphs and table cells (the obligations, the criteria, "Satisfait"):
  // each thread keeps the lines it has broken, for measurers whose widths are known to be the same.
  constexpr std::size_t kCacheLimit = 8192;
  thread_local std::unordered_map<std::string, std::vector<TextLine>> cache;
  const void* widths = measurer.widths_identity();
  std::string key;
  if (widths != nullptr) {
    key = cache_key(content, options, widths);
    const auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  try {
    std::vector<TextLine> lines = Breaker(options, measurer).run(content);
    if (widths != nullptr) {
      if (cache.size() >= kCacheLimit) cache.clear();
      cache.emplace(std::move(key), lines);
    }
    return lines;
  } catch (const MissingGlyph& e) {
    throw MissingGlyph(e.code_point(), plain_text(content));
  }
}

}  // namespace aap::render
