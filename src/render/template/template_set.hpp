// The Mustache templates of the documents: loaded once from --templates, checked before any output,
// rendered strictly (an unknown variable or partial is an error, never a blank).
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "input/input_file.hpp"
#include "render/template/value.hpp"

namespace aap::tpl {

/// One problem in a template, tied to a place when it has one.
struct TemplateProblem {
  std::string file;  // "templates/courrier-finance.mustache"
  int line = 0;      // 1-based; 0 when the problem has no place
  int column = 0;    // 1-based, in characters (code points), not bytes
  std::string message;  // French, without a final period

  /// "templates/courrier-finance.mustache:12:5: variable inconnue « montant »"
  std::string to_string() const;
};

/// Thrown when templates cannot be loaded or a rendering fails; carries every problem found.
class TemplateError : public std::runtime_error {
 public:
  explicit TemplateError(std::vector<TemplateProblem> problems);
  const std::vector<TemplateProblem>& problems() const { return problems_; }

 private:
  std::vector<TemplateProblem> problems_;
};

/// The largest template file read: a 10,000-line template takes well under 1 Mo.
inline constexpr std::size_t kMaxTemplateBytes = std::size_t{4} * 1024 * 1024;


/// A folder of templates, each usable as a document or as a partial (`{{> name}}`) of another.
/// Immutable once loaded; rendering from several threads at once is safe.
class TemplateSet {
 public:
  /// Reads every `*.mustache` file of `dir` (its name without the extension names the template) and
  /// parses each. Throws TemplateError listing every malformed file with line and column, or when the
  /// folder cannot be read.
  static TemplateSet load(const std::filesystem::path& dir);
  /// The same from memory (tests): pairs of name and text; `folder` prefixes the names in messages.
  static TemplateSet from_sources(const std::vector<std::pair<std::string, std::string>>& sources,
                                  const std::string& folder = "templates");

  bool contains(std::string_view name) const;
  /// "templates/courrier-finance.mustache"
  std::string file_of(std::string_view name) const;
  std::vector<std::string> names() const;
  /// The raw text of a template (for the manifest's checksums).
  const std::string& source(std::string_view name) const;
  /// Each file load() parsed, sorted by path, with the SHA-256 of the bytes read (for the manifest, which
  /// must name what was used even if a file changes during the run); empty for from_sources().
  const std::vector<input::FileDigest>& files() const { return files_; }

  /// Checks template `name`, and every partial it includes, against `sample` without rendering: every
  /// variable and section name must exist in `sample` (in the scope where it is used; a list section is
  /// checked against its first item), every partial must exist; `{{{…}}}`, `{{&…}}` and delimiter
  /// changes are refused (values are data); a second ```adresse block in the document (its partials
  /// included) is refused. Returns every problem with its file, line and column.
  std::vector<TemplateProblem> check(std::string_view name, const Value& sample) const;

  /// Renders template `name` with `data` into the documents' markup: every value is passed through
  /// markup::escape_value. Throws TemplateError when a variable, section or partial is missing or a
  /// template is malformed.
  std::string render(std::string_view name, const Value& data) const;
  /// The same as plain text (the e-mail, the @ctes subject), which no markup parser reads: a value is
  /// written as it is, without escapes or value markers (its line breaks and tabs become spaces, so
  /// that it cannot start a paragraph), and the entities of the template's own text are decoded as in
  /// the documents (&nbsp; → U+00A0; a "&" of a value stays "&").
  std::string render_text(std::string_view name, const Value& data) const;

 private:
  struct Source {
    std::string name;
    std::string file;
    std::string text;
  };
  const Source* find(std::string_view name) const;
  std::string render_as(std::string_view name, const Value& data, bool plain_text) const;
  void check_text(const Source& source, std::vector<const Value*>& scopes, int depth,
                  std::vector<TemplateProblem>& problems) const;
  void check_address_blocks(const Source& source, int depth, int& seen, std::vector<TemplateProblem>& problems) const;

  std::vector<Source> sources_;
  std::vector<input::FileDigest> files_;
  struct Partials;  // every template as kainjow partial data, built once: render() used to copy them all
  std::shared_ptr<const Partials> partials_;
};

}  // namespace aap::tpl
