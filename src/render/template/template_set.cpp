// Loading, static checking and strict rendering of the Mustache templates (kainjow Mustache 4.1).
#include "render/template/template_set.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "input/input_file.hpp"
#include "render/markup/entities.hpp"
#include "render/markup/escape.hpp"
#include "render/pdf/glyph_coverage.hpp"
#include "text/position.hpp"
#include "text/utf8.hpp"

namespace aap::tpl {

namespace km = kainjow::mustache;

namespace {

constexpr int kMaxPartialDepth = 16;
constexpr std::string_view kExtension = ".mustache";
constexpr std::string_view kTemplateLimitScope = "par modèle ; découpez-le en modèles inclus ({{> nom}})";

std::string in_guillemets(std::string_view s) { return "« " + std::string(s) + " »"; }

// kainjow reports "Unclosed tag at 12", "Unclosed section \"x\" at 40"…: the byte offset is turned into
// a line and column, the wording into French.
TemplateProblem parse_problem(const std::string& file, std::string_view text, const std::string& error) {
  TemplateProblem p{file, 0, 0, "modèle mal formé : " + error};
  const std::size_t at = error.rfind(" at ");
  if (at == std::string::npos) return p;
  std::size_t offset = 0;
  try {
    offset = static_cast<std::size_t>(std::stoull(error.substr(at + 4)));
  } catch (const std::exception&) {
    return p;
  }
  const auto [line, column] = aap::text::position_of_offset(text, offset);
  p.line = line;
  p.column = column;
  const std::string what = error.substr(0, at);
  const std::size_t q1 = what.find('"');
  const std::size_t q2 = what.rfind('"');
  const std::string name = q1 != std::string::npos && q2 > q1 ? what.substr(q1 + 1, q2 - q1 - 1) : "";
  if (what.rfind("Unclosed tag", 0) == 0) {
    p.message = "balise ouverte par « {{ » et jamais fermée par « }} »";
  } else if (what.rfind("Unclosed section", 0) == 0) {
    p.message = "section " + in_guillemets(name) + " ouverte et jamais fermée (« {{/" + name + "}} » manquant)";
  } else if (what.rfind("Unopened section", 0) == 0) {
    p.message = "fin de section " + in_guillemets(name) + " sans début (« {{#" + name + "}} » manquant)";
  } else if (what.rfind("Invalid set delimiter", 0) == 0) {
    p.message = "changement de délimiteurs invalide";
  }
  return p;
}

std::string trim(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// What one render may produce and do. A letter is a few kilobytes and a few hundred lookups; the
// deliberation of 10,000 dossiers some 3 Mo and 100,000 lookups. Sections over lists nested in each other
// multiply (eight {{#criteres}} inside each other: 11^8 passes, gigabytes): beyond these, the render stops.
constexpr std::size_t kMaxRenderBytes = std::size_t{64} * 1024 * 1024;
constexpr std::size_t kMaxRenderSteps = 4'000'000;  // sections entered and names looked up

std::string code_point_name(char32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

// The first character of a template that no document could print: a byte that is not UTF-8, a NUL or
// another control character, a character the documents' font lacks. Found at load, with its place,
// instead of failing in the middle of writing the documents.
std::optional<TemplateProblem> unprintable_text(const std::string& file, std::string_view source) {
  int line = 1;
  int column = 1;  // of the character at `pos`, counted as the scan goes
  for (std::size_t pos = 0; pos < source.size(); ++column) {
    const std::size_t length = text::utf8_sequence_length(source.substr(pos));
    if (length == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(source[pos])));
      return TemplateProblem{file, line, column,
                             std::string("octet ") + hex +
                                 " qui n’est pas de l’UTF-8 : enregistrer le modèle en UTF-8"};
    }
    const char32_t cp = text::decode_utf8(source.substr(pos, length))->front();
    pos += length;
    if (cp == U'\n') {
      ++line;
      column = 0;
      continue;
    }
    if (cp == U'\r' || cp == U'\t') continue;
    if (cp == 0) return TemplateProblem{file, line, column, "octet nul (U+0000) interdit dans un modèle"};
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
      return TemplateProblem{file, line, column, "caractère de contrôle " + code_point_name(cp) + " interdit"};
    }
    if (!render::printable_in_documents(cp)) {
      return TemplateProblem{file, line, column,
                             "le caractère " + code_point_name(cp) + " « " + text::encode_utf8(std::u32string(1, cp)) +
                                 " » ne peut pas être imprimé dans les documents (absent de la police)"};
    }
  }
  return std::nullopt;
}

// The fences of the letter blocks (```adresse … ```) of one file: each closed in the file that opens it.
std::optional<TemplateProblem> unclosed_fence(const std::string& file, std::string_view text) {
  std::optional<std::size_t> open_at;
  std::string open_info;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t indent = 0;
    while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
    if (line.substr(indent, 3) == "```") {
      const std::string info = trim(line.substr(indent + 3));
      if (!open_at) {
        open_at = start;
        open_info = info;
      } else if (info.empty()) {
        open_at.reset();
      }
    }
    start = end + 1;
  }
  if (!open_at) return std::nullopt;
  const auto [line, column] = aap::text::position_of_offset(text, *open_at);
  return TemplateProblem{file, line, column,
                         "bloc « ```" + open_info + " » jamais fermé par une ligne « ``` » : la suite du modèle "
                         "y serait prise"};
}

// Where to point when a render grows too large: the first section tag at the deepest nesting of `text`.
std::size_t deepest_section(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  std::size_t at = 0;
  for (std::size_t pos = text.find("{{"); pos != std::string_view::npos; pos = text.find("{{", pos + 2)) {
    const std::size_t sigil = text.find_first_not_of(' ', pos + 2);
    if (sigil == std::string_view::npos) break;
    if (text[sigil] == '#' || text[sigil] == '^') {
      if (++depth > deepest) {
        deepest = depth;
        at = pos;
      }
    } else if (text[sigil] == '/') {
      --depth;
    }
  }
  return at;
}

// Thrown through kainjow when a render passes a bound; caught by TemplateSet::render.
struct RenderTooLarge {
  std::string what;
};

// The lookup of kainjow's context::get, on our values: "." is the innermost scope; a plain name is
// searched from the innermost scope outwards; a dotted name must resolve entirely within one scope.
const Value* resolve(std::string_view name, const std::vector<const Value*>& scopes) {
  if (name == ".") return scopes.empty() ? nullptr : scopes.back();
  for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
    if (*it == nullptr) continue;
    if (const Value* v = (*it)->find_path(name)) return v;
  }
  return nullptr;
}

// kainjow's context, made strict (every name it fails to find is recorded; partials come from the set)
// and reading our values directly: a letter's values hold far more than its template uses, and turning the
// whole tree into km::data cost more than the rendering. A value becomes km::data only when kainjow reaches
// it, with the type kainjow tests (string, bool, list; an object as an empty km object, since kainjow only
// pushes it and then asks this context for names). The lookup is kainjow's context::get on our values:
// "." is the innermost scope; a plain name is searched from the innermost scope outwards; a dotted name,
// split as kainjow splits it, must resolve entirely within one scope.
class StrictContext : public km::basic_context<std::string> {
 public:
  StrictContext(const Value& root, const std::unordered_map<std::string, km::data>& partials)
      : partials_(partials) {
    scopes_.push_back({data_of(root), &root});
  }

  void push(const km::data* data) override {
    step();
    const auto it = origin_.find(data);
    scopes_.push_back({data, it != origin_.end() ? it->second : nullptr});
  }
  void pop() override { scopes_.pop_back(); }

  const km::data* get(const std::string& name) const override {
    step();
    const km::data* v = lookup(name);
    if (v == nullptr) misses_.push_back(name);
    // What a value inserts counts before kainjow buffers it: a line without a line end is never flushed.
    if (v != nullptr && v->is_string()) {
      inserted_ += v->string_value().size();
      if (inserted_ > kMaxRenderBytes) {
        throw RenderTooLarge{"le rendu de ce modèle insère plus de " + std::to_string(kMaxRenderBytes >> 20) +
                             " Mo de valeurs"};
      }
    }
    return v;
  }
  const km::data* get_partial(const std::string& name) const override {
    const auto it = partials_.find(name);
    if (it == partials_.end()) {
      missing_partials_.push_back(name);
      return nullptr;
    }
    return &it->second;
  }
  const std::vector<std::string>& misses() const { return misses_; }
  const std::vector<std::string>& missing_partials() const { return missing_partials_; }

 private:
  struct Scope {
    const km::data* data;
    const Value* value;  // the value `data` stands for
  };

  const km::data* lookup(const std::string& name) const {
    if (name.size() == 1 && name[0] == '.') return scopes_.back().data;
    if (name.find('.') == std::string::npos) {
      for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
        if (it->value == nullptr) continue;
        if (const Value* v = it->value->get(name)) return data_of(*v);
      }
      return nullptr;
    }
    for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
      const Value* v = it->value;
      for_each_segment(name, [&](std::string_view n) {
        v = v != nullptr ? v->get(n) : nullptr;
        return v != nullptr;
      });
      if (v != nullptr) return data_of(*v);
    }
    return nullptr;
  }

  /// Calls `visit` on each piece of `name` split at the dots as kainjow splits it (std::getline: "a..b" has
  /// an empty middle piece, a dot at the end adds none), until `visit` returns false; a lookup runs for
  /// every value a letter inserts, and splitting into strings cost more than the rest of it.
  template <typename Visit>
  static void for_each_segment(std::string_view name, Visit visit) {
    std::size_t pos = 0;
    while (pos < name.size()) {
      const std::size_t dot = name.find('.', pos);
      const std::size_t end = dot == std::string_view::npos ? name.size() : dot;
      if (!visit(name.substr(pos, end - pos))) return;
      pos = end + 1;
    }
  }

  // The km::data standing for `v`, made the first time it is asked for; node-based maps keep addresses.
  const km::data* data_of(const Value& v) const {
    const auto found = converted_.find(&v);
    if (found != converted_.end()) return &found->second;
    const km::data* made = &converted_.emplace(&v, shallow(v)).first->second;
    origin_.emplace(made, &v);
    return made;
  }

  km::data shallow(const Value& v) const {
    switch (v.kind()) {
      case Value::Kind::text: return km::data(v.text());
      case Value::Kind::flag: return km::data(v.is_on());
      case Value::Kind::object: return km::data(km::data::type::object);
      case Value::Kind::list: break;
    }
    // kainjow walks a list's items itself and pushes each: they are made now, and remembered. Its push_back
    // copies and its move constructor is not noexcept, so the vector is reserved and filled by move through
    // const_cast (list_value() is const only to callers; the vector is kainjow's own heap object).
    km::data list(km::data::type::list);
    auto& items = const_cast<km::list&>(list.list_value());
    items.reserve(v.items().size());
    for (const Value& item : v.items()) {
      items.push_back(shallow(item));
      origin_.emplace(&items.back(), &item);
    }
    return list;
  }

  void step() const {
    if (++steps_ > kMaxRenderSteps) {
      throw RenderTooLarge{"le rendu de ce modèle dépasse " + std::to_string(kMaxRenderSteps) +
                           " entrées de sections et valeurs lues"};
    }
  }

  const std::unordered_map<std::string, km::data>& partials_;
  mutable std::size_t steps_ = 0;
  mutable std::size_t inserted_ = 0;
  std::vector<Scope> scopes_;
  mutable std::unordered_map<const Value*, km::data> converted_;
  mutable std::unordered_map<const km::data*, const Value*> origin_;
  mutable std::vector<std::string> misses_;
  mutable std::vector<std::string> missing_partials_;
};

// Partials written into the text of the template that includes them, once at load, so that a letter
// parses nothing: kainjow parses a partial's text again at each inclusion (basic_mustache{partial_result}
// in render_component), whatever get_partial returns.
//
// Why the output is the same byte for byte: kainjow renders a partial with the includer's context and line
// buffer, without a final line flush, so rendering its components in place of the tag is what it does
// already. What could differ is the parse: its scanner looks two characters ahead ("{{" and "\r\n"), so a
// seam where a '{' meets a '{' or a '\r' meets a '\n' could change the tokens; a template with such a seam
// keeps its partial tags. Every other token lies wholly on one side of a seam: a partial that parses alone
// closes its own tags and sections. A delimiter change would make the partial parse with the includer's
// delimiters, so a template or partial holding one is never inlined; an included template that is missing
// or already being inlined (recursion) keeps its tag, rendered by kainjow as before.
class PartialInliner {
 public:
  explicit PartialInliner(const std::unordered_map<std::string, km::data>& partials) : partials_(partials) {}

  /// `text` with its partials written in, or nothing when it must be rendered as it is.
  std::optional<std::string> inline_partials(const std::string& name, const std::string& text) {
    out_.clear();
    seams_.clear();
    stack_.clear();
    stack_.push_back(name);
    if (!append_expanded(text)) return std::nullopt;
    for (const std::size_t seam : seams_) {
      if (seam == 0 || seam >= out_.size()) continue;
      const char before = out_[seam - 1];
      const char after = out_[seam];
      if ((before == '{' && after == '{') || (before == '\r' && after == '\n')) return std::nullopt;
    }
    if (seams_.empty()) return std::nullopt;  // nothing inlined: the text is its own
    return out_;
  }

 private:
  static constexpr std::size_t kMaxInlinedBytes = std::size_t{1} << 20;

  // Appends `text` to out_ with each partial tag replaced by its own expansion; false when the text holds a
  // delimiter change or the result grows too large. Tags are found the way kainjow's parser finds them
  // with the default delimiters.
  bool append_expanded(const std::string& text) {
    std::size_t copied = 0;
    std::size_t pos = 0;
    while ((pos = text.find("{{", pos)) != std::string::npos) {
      const std::size_t start = pos;
      const bool triple = start != text.size() - 2 && text.at(start + 2) == '{';
      const std::size_t content_start = start + (triple ? 3 : 2);
      const std::size_t end = text.find(triple ? "}}}" : "}}", content_start);
      if (end == std::string::npos) return false;  // unclosed: kainjow refused it at load
      pos = end + (triple ? 3 : 2);
      const std::string contents = km::trim(text.substr(content_start, end - content_start));
      if (!contents.empty() && contents[0] == '=') return false;
      if (triple || contents.empty() || contents[0] != '>') continue;
      const std::string partial_name = km::trim(contents.substr(1));
      const auto it = partials_.find(partial_name);
      if (it == partials_.end() || !it->second.is_string()) continue;
      if (std::find(stack_.begin(), stack_.end(), partial_name) != stack_.end()) continue;
      out_.append(text, copied, start - copied);
      seams_.push_back(out_.size());
      stack_.push_back(partial_name);
      if (!append_expanded(it->second.string_value())) return false;
      stack_.pop_back();
      seams_.push_back(out_.size());
      copied = pos;
      if (out_.size() > kMaxInlinedBytes) return false;
    }
    out_.append(text, copied, std::string::npos);
    return out_.size() <= kMaxInlinedBytes;
  }

  const std::unordered_map<std::string, km::data>& partials_;
  std::string out_;
  std::vector<std::size_t> seams_;
  std::vector<std::string> stack_;
};

// A value in a plain-text template: as it is, but on the line where the template puts it; its "&" written
// "&amp;", so that decoding the entities of the template's text gives it back unchanged.
std::string plain_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      out += ' ';
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

// Identifies a loaded set for the per-thread caches; an address could be reused by a later set.
std::atomic<std::uint64_t> next_set_id{1};

// The parsed templates of one set, for one thread: kainjow's render() is not const (it records errors in
// the template object), so a parsed template is never shared between threads.
struct ParsedTemplates {
  std::uint64_t set_id = 0;
  std::vector<std::unique_ptr<km::mustache>> by_index;
};

// kainjow's render(context, stream) accepts any stream with <<: the text is appended straight into the
// result instead of going through an ostringstream.
struct StringSink {
  std::string text;
  StringSink& operator<<(const std::string& piece) {
    if (text.size() + piece.size() > kMaxRenderBytes) {
      throw RenderTooLarge{"le rendu de ce modèle dépasse " + std::to_string(kMaxRenderBytes >> 20) + " Mo"};
    }
    text += piece;
    return *this;
  }
};

}  // namespace

std::string TemplateProblem::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  return out + ": " + message;
}

TemplateError::TemplateError(std::vector<TemplateProblem> problems)
    : std::runtime_error([&] {
        std::string text;
        for (const TemplateProblem& p : problems) text += (text.empty() ? "" : "\n") + p.to_string();
        return text;
      }()),
      problems_(std::move(problems)) {}

struct TemplateSet::Partials {
  std::unordered_map<std::string, km::data> by_name;
  std::uint64_t id = 0;
  // What kainjow parses to render each template (parallel to sources_): its text with its partials
  // written in (PartialInliner), or its own text.
  std::vector<std::string> render_texts;
};

TemplateSet TemplateSet::load(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> sources;
  std::vector<input::FileDigest> files;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    throw TemplateError({{dir.string(), 0, 0, "dossier des modèles illisible : " + ec.message()}});
  }
  for (const fs::directory_entry& entry : it) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || path.extension() != kExtension) continue;
    input::InputFile file = input::read_input_file(path, kMaxTemplateBytes, kTemplateLimitScope);
    if (!file.ok()) throw TemplateError({{path.string(), 0, 0, file.problem}});
    files.push_back({path, std::move(file.sha256)});
    sources.emplace_back(path.stem().string(), std::move(file.bytes));
  }
  if (sources.empty()) {
    throw TemplateError({{dir.string(), 0, 0, "aucun modèle « *.mustache » dans ce dossier"}});
  }
  std::string folder = dir.string();
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  TemplateSet set = from_sources(sources, folder);
  std::sort(files.begin(), files.end(),
            [](const input::FileDigest& a, const input::FileDigest& b) { return a.path < b.path; });
  set.files_ = std::move(files);
  return set;
}

TemplateSet TemplateSet::from_sources(const std::vector<std::pair<std::string, std::string>>& sources,
                                      const std::string& folder) {
  TemplateSet set;
  std::vector<TemplateProblem> problems;
  for (const auto& [name, text] : sources) {
    Source s{name, folder + "/" + name + std::string(kExtension), text};
    // A byte-order mark from a Windows editor is not template text.
    if (s.text.rfind("\xEF\xBB\xBF", 0) == 0) s.text.erase(0, 3);
    if (auto p = unprintable_text(s.file, s.text)) {
      problems.push_back(std::move(*p));
    } else if (km::mustache parsed(s.text); !parsed.is_valid()) {
      problems.push_back(parse_problem(s.file, s.text, parsed.error_message()));
    } else if (auto fence = unclosed_fence(s.file, s.text)) {
      problems.push_back(std::move(*fence));
    }
    set.sources_.push_back(std::move(s));
  }
  // Directory order is not deterministic; names are.
  std::sort(set.sources_.begin(), set.sources_.end(),
            [](const Source& a, const Source& b) { return a.name < b.name; });
  if (!problems.empty()) {
    std::sort(problems.begin(), problems.end(),
              [](const TemplateProblem& a, const TemplateProblem& b) { return a.file < b.file; });
    throw TemplateError(std::move(problems));
  }
  auto partials = std::make_shared<Partials>();
  for (const Source& p : set.sources_) partials->by_name.emplace(p.name, km::data(p.text));
  partials->id = next_set_id.fetch_add(1, std::memory_order_relaxed);
  PartialInliner inliner(partials->by_name);
  for (const Source& p : set.sources_) {
    std::optional<std::string> inlined = inliner.inline_partials(p.name, p.text);
    // Belt and braces: an inlined text that kainjow would not take as it takes the original is dropped.
    if (inlined && !km::mustache(*inlined).is_valid()) inlined.reset();
    partials->render_texts.push_back(inlined ? std::move(*inlined) : p.text);
  }
  set.partials_ = std::move(partials);
  return set;
}

const TemplateSet::Source* TemplateSet::find(std::string_view name) const {
  for (const Source& s : sources_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool TemplateSet::contains(std::string_view name) const { return find(name) != nullptr; }

std::string TemplateSet::file_of(std::string_view name) const {
  const Source* s = find(name);
  return s != nullptr ? s->file : std::string(name) + std::string(kExtension);
}

std::vector<std::string> TemplateSet::names() const {
  std::vector<std::string> out;
  for (const Source& s : sources_) out.push_back(s.name);
  return out;
}

const std::string& TemplateSet::source(std::string_view name) const {
  const Source* s = find(name);
  if (s == nullptr) throw std::out_of_range("no template named " + std::string(name));
  return s->text;
}

std::vector<TemplateProblem> TemplateSet::check(std::string_view name, const Value& sample) const {
  std::vector<TemplateProblem> problems;
  const Source* s = find(name);
  if (s == nullptr) {
    problems.push_back({file_of(name), 0, 0, "modèle manquant (fichier attendu dans le dossier des modèles)"});
    return problems;
  }
  std::vector<const Value*> scopes{&sample};
  check_text(*s, scopes, 0, problems);
  int address_blocks = 0;
  check_address_blocks(*s, 0, address_blocks, problems);
  return problems;
}

// The ```adresse blocks of a document, its partials included in the order they are written: the envelope
// window shows one address, a second block would be printed over the first.
void TemplateSet::check_address_blocks(const Source& source, int depth, int& seen,
                                       std::vector<TemplateProblem>& problems) const {
  const std::string& text = source.text;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    std::size_t indent = 0;
    while (indent < line.size() && indent < 3 && line[indent] == ' ') ++indent;
    if (line.substr(indent, 3) == "```" && trim(line.substr(indent + 3)) == "adresse" && ++seen == 2) {
      const auto [l, c] = aap::text::position_of_offset(text, start);
      problems.push_back({source.file, l, c,
                          "second bloc ```adresse dans le même document : un seul est permis, un second serait "
                          "imprimé par-dessus le premier dans la fenêtre de l’enveloppe"});
    }
    for (std::size_t tag = line.find("{{"); tag != std::string_view::npos; tag = line.find("{{", tag + 2)) {
      const std::size_t close = line.find("}}", tag + 2);
      if (close == std::string_view::npos) break;
      const std::string contents = trim(line.substr(tag + 2, close - tag - 2));
      if (contents.empty() || contents[0] != '>' || depth >= kMaxPartialDepth) continue;
      if (const Source* partial = find(trim(std::string_view(contents).substr(1)))) {
        check_address_blocks(*partial, depth + 1, seen, problems);
      }
    }
    start = end + 1;
  }
}

// Walks the tags the way kainjow's parser finds them ("{{", "{{{", then the closing delimiter).
void TemplateSet::check_text(const Source& source, std::vector<const Value*>& scopes, int depth,
                             std::vector<TemplateProblem>& problems) const {
  const std::string& text = source.text;
  // Problems come in text order: the position moves on from the previous one instead of counting from the
  // start each time, which made a template with thousands of problems quadratic.
  std::size_t counted = 0;
  std::pair<int, int> position{1, 1};
  const auto problem = [&](std::size_t offset, std::string message) {
    offset = std::min(offset, text.size());
    if (offset < counted) {
      counted = 0;
      position = {1, 1};
    }
    const auto [lines, column] = aap::text::position_of_offset(std::string_view(text).substr(counted, offset - counted),
                                                 offset - counted);
    position = lines > 1 ? std::pair<int, int>{position.first + lines - 1, column}
                         : std::pair<int, int>{position.first, position.second + column - 1};
    counted = offset;
    problems.push_back({source.file, position.first, position.second, std::move(message)});
  };
  struct Open {
    std::string name;
    std::size_t scopes_before;
  };
  std::vector<Open> open;
  std::size_t pos = 0;
  while ((pos = text.find("{{", pos)) != std::string::npos) {
    const std::size_t start = pos;
    const bool triple = pos + 2 < text.size() && text[pos + 2] == '{';
    const std::string_view close = triple ? "}}}" : "}}";
    const std::size_t content_start = pos + (triple ? 3 : 2);
    const std::size_t end = text.find(close, content_start);
    if (end == std::string::npos) {
      problem(start, "balise ouverte par « {{ » et jamais fermée par « }} »");
      return;
    }
    pos = end + close.size();
    const std::string contents = trim(std::string_view(text).substr(content_start, end - content_start));
    const char sigil = contents.empty() ? '\0' : contents[0];
    const std::string name = (triple || std::string_view("#^/>&!=").find(sigil) == std::string_view::npos)
                                 ? contents
                                 : trim(std::string_view(contents).substr(1));
    if (triple || sigil == '&') {
      problem(start, "« {{{" + name + "}}} » et « {{&" + name +
                         "}} » sont refusés : une valeur est toujours insérée comme du texte, écrivez « {{" +
                         name + "}} »");
      continue;
    }
    if (sigil == '!') continue;
    if (sigil == '=') {
      problem(start, "le changement de délimiteurs « {{=… =}} » n’est pas pris en charge");
      return;  // the rest of the file would be read with the wrong delimiters
    }
    if (name.empty()) {
      problem(start, "balise vide « {{}} »");
      continue;
    }
    if (sigil == '>') {
      const Source* partial = find(name);
      if (partial == nullptr) {
        problem(start, "modèle inclus " + in_guillemets(name) + " introuvable (fichier « " + name +
                           std::string(kExtension) + " » attendu)");
      } else if (depth >= kMaxPartialDepth) {
        problem(start, "inclusion de " + in_guillemets(name) + " trop profonde (un modèle s’inclut-il lui-même ?)");
      } else {
        check_text(*partial, scopes, depth + 1, problems);
      }
      continue;
    }
    if (sigil == '/') {
      if (open.empty() || open.back().name != name) {
        problem(start, "fin de section " + in_guillemets(name) + " sans début");
        continue;
      }
      scopes.resize(open.back().scopes_before);
      open.pop_back();
      continue;
    }
    const Value* value = resolve(name, scopes);
    if (value == nullptr) {
      problem(start, std::string(sigil == '#' || sigil == '^' ? "section" : "variable") + " inconnue " +
                         in_guillemets(name));
    }
    if ((sigil == '#' || sigil == '^') && value != nullptr && value->kind() == Value::Kind::text) {
      // kainjow takes any text, even an empty one, for true: such a section would always (or never) show.
      problem(start, "section " + in_guillemets(name) +
                         " sur un texte, qui compte toujours pour vrai : utilisez une condition ou une liste");
    }
    if (sigil == '#' || sigil == '^') {
      open.push_back({name, scopes.size()});
      // kainjow pushes an object, or each item of a list; the first item stands for all of them.
      if (sigil == '#' && value != nullptr) {
        if (value->kind() == Value::Kind::object) scopes.push_back(value);
        if (value->kind() == Value::Kind::list && !value->items().empty()) {
          scopes.push_back(&value->items().front());
        }
      }
      continue;
    }
    if (value != nullptr && value->kind() != Value::Kind::text && name != ".") {
      problem(start, "variable " + in_guillemets(name) +
                         " : ce n’est pas un texte (une condition ou une liste s’utilise en section « {{#" +
                         name + "}} … {{/" + name + "}} »)");
    }
  }
  if (!open.empty()) {
    // kainjow has reported it at load time; kept for a template checked from memory.
    problem(text.size(), "section " + in_guillemets(open.back().name) + " jamais fermée");
  }
}

std::string TemplateSet::render(std::string_view name, const Value& data) const {
  return render_as(name, data, false);
}

std::string TemplateSet::render_text(std::string_view name, const Value& data) const {
  return markup::decode_entities(render_as(name, data, true));
}

std::string TemplateSet::render_as(std::string_view name, const Value& data, bool plain_text) const {
  const Source* s = find(name);
  if (s == nullptr) throw TemplateError({{file_of(name), 0, 0, "modèle manquant"}});
  const auto index = static_cast<std::size_t>(s - sources_.data());
  thread_local ParsedTemplates parsed;
  if (parsed.set_id != partials_->id) {
    parsed.set_id = partials_->id;
    parsed.by_index.clear();
  }
  // Each template parsed once per escaping: the markup ones first, then the plain-text ones.
  parsed.by_index.resize(2 * sources_.size());
  std::unique_ptr<km::mustache>& tmpl = parsed.by_index[index + (plain_text ? sources_.size() : 0)];
  if (tmpl == nullptr) {
    tmpl = std::make_unique<km::mustache>(partials_->render_texts[index]);
    if (plain_text) {
      tmpl->set_custom_escape([](const std::string& value) { return plain_value(value); });
    } else {
      tmpl->set_custom_escape([](const std::string& value) { return markup::escape_value(value); });
    }
  }
  if (!tmpl->is_valid()) {
    const TemplateProblem problem = parse_problem(s->file, s->text, tmpl->error_message());
    tmpl.reset();
    throw TemplateError({problem});
  }
  StrictContext context(data, partials_->by_name);
  StringSink out;
  try {
    tmpl->render(context, out);
  } catch (const RenderTooLarge& e) {
    tmpl.reset();  // kainjow's state is left halfway: the next render parses afresh
    const auto [line, column] = aap::text::position_of_offset(s->text, deepest_section(s->text));
    throw TemplateError({{s->file, line, column,
                          e.what + " : rendu arrêté (des sections de listes imbriquées les unes dans les "
                                   "autres multiplient le texte ; la plus imbriquée est ici)"}});
  }
  std::vector<TemplateProblem> problems;
  if (!tmpl->is_valid()) {
    problems.push_back({s->file, 0, 0, "modèle inclus mal formé : " + tmpl->error_message()});
    tmpl.reset();  // kainjow keeps the error in the object: the next letter parses afresh
  }
  for (const std::string& miss : context.misses()) {
    problems.push_back({s->file, 0, 0, "valeur inconnue " + in_guillemets(miss) + " au rendu"});
  }
  for (const std::string& miss : context.missing_partials()) {
    problems.push_back({s->file, 0, 0, "modèle inclus " + in_guillemets(miss) + " introuvable"});
  }
  if (!problems.empty()) throw TemplateError(std::move(problems));
  return std::move(out.text);
}

}  // namespace aap::tpl
