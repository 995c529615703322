// Typed, checked reading of JSON members for the campaign and dossier readers: every problem becomes a
// French Diagnostic carrying the field path and its line, and reading goes on so that all are reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/locator.hpp"
#include "json/value.hpp"
#include "model/date.hpp"
#include "model/diagnostic.hpp"
#include "model/money.hpp"
#include "model/percent.hpp"

namespace aap::json {

/// At most 300 characters per text field, unless the reader allows more.
inline constexpr std::size_t kMaxTextLength = 300;
/// Counts (trainees, thresholds, weights) above this are typing mistakes; the bound also keeps every
/// later sum and product far from integer overflow.
inline constexpr std::int64_t kMaxCount = 1'000'000;

/// The diagnostics of one JSON document (or of one dossier of an array file).
class Report {
 public:
  Report(std::string file, const JsonLocator& locator) : file_(std::move(file)), locator_(locator) {}

  /// Records a problem of the field at `path`, on the line of that field (or of its nearest parent
  /// present in the text, for a missing field).
  void error(const std::string& path, std::string message);
  /// Same, on an explicit line.
  void error_at(int line, const std::string& path, std::string message);

  bool ok() const { return diagnostics_.empty(); }
  /// From now on, a text field that a spreadsheet would take for a formula is refused (formula_start):
  /// the dossiers' texts fill the CSV outputs; the campaign's may begin so (a phone number "+33 …"), and
  /// the CSV writer neutralises the one that reaches a CSV (the authority's name in the SCDL).
  void refuse_formulas() { refuse_formulas_ = true; }
  bool refuses_formulas() const { return refuse_formulas_; }
  const std::string& file() const { return file_; }
  const JsonLocator& locator() const { return locator_; }
  /// The diagnostics in line order (the order they were found, among those of a same line).
  Diagnostics take_sorted();

 private:
  std::string file_;
  const JsonLocator& locator_;
  Diagnostics diagnostics_;
  bool refuse_formulas_ = false;
};

enum class Presence {
  required,  // absent → "champ obligatoire manquant"; null is a type error
  optional,  // absent or null → no value, no error
  nullable,  // must be written, null meaning "none": absent → "champ obligatoire manquant (null si …)"
};

/// One JSON object at `path`, read member by member. Every member asked for is known; `reject_unknown`
/// then reports the others, so that a typo never passes silently.
class ObjectReader {
 public:
  ObjectReader(Node object, std::string path, Report& report)
      : object_(object), path_(std::move(path)), report_(report) {}

  const std::string& path() const { return path_; }
  Report& report() { return report_; }
  /// "training" + "title" → "training.title"; at the root of an array file, "[2]" + "id" → "[2].id".
  std::string field(std::string_view key) const;

  /// The member, or nullopt when it is absent or null (reported as `presence` says). `null_hint` completes
  /// the message of a missing nullable field: "null si la formation n’a pas de label GEN".
  std::optional<Node> member(std::string_view key, Presence presence, std::string_view null_hint = {});

  /// A text field (valid UTF-8, no control character, at most `max_length` characters). A required
  /// text must not be blank.
  std::optional<std::string> text(std::string_view key, Presence presence = Presence::required,
                                  std::size_t max_length = kMaxTextLength, bool allow_newlines = false);
  /// An integer in 0..kMaxCount.
  std::optional<int> count(std::string_view key, Presence presence = Presence::required);
  std::optional<Money> money(std::string_view key, Presence presence = Presence::required);
  /// A percentage in 0..100, at most two decimals.
  std::optional<Percent> percent(std::string_view key, Presence presence = Presence::required);
  std::optional<Date> date(std::string_view key, Presence presence = Presence::required);
  std::optional<bool> boolean(std::string_view key, Presence presence = Presence::required);
  /// An array of text fields; `min_size` elements at least.
  std::optional<std::vector<std::string>> texts(std::string_view key, std::size_t min_size,
                                                Presence presence = Presence::required);
  /// A nested object, or nullopt when absent, null (as `presence` says) or not an object (reported).
  std::optional<ObjectReader> object(std::string_view key, Presence presence = Presence::required,
                                     std::string_view null_hint = {});
  /// A nested array, or nullopt when absent, null or not an array (reported).
  std::optional<Node> array(std::string_view key, Presence presence = Presence::required);

  /// Reports every member never asked for: "champ inconnu".
  void reject_unknown();

 private:
  /// One of the read_* conversions below.
  template <class T>
  using Read = std::optional<T> (*)(Node, const std::string&, Report&);
  /// The member read by `read`, or nullopt when absent or null (reported as `presence` says).
  template <class T>
  std::optional<T> read_member(std::string_view key, Presence presence, Read<T> read);

  Node object_;
  std::string path_;
  Report& report_;
  std::vector<std::string> known_;
};

// Conversions of one JSON value at `path`, each reporting its own problems to `report`.
std::optional<std::string> read_text(Node v, const std::string& path, Report& report,
                                     std::size_t max_length = kMaxTextLength, bool allow_newlines = false);
std::optional<int> read_count(Node v, const std::string& path, Report& report);
/// A JSON number (its shortest round-trip text, so 30000.5 reads exactly) or a string with a dot.
std::optional<Money> read_money(Node v, const std::string& path, Report& report);
std::optional<Percent> read_percent(Node v, const std::string& path, Report& report);
std::optional<Date> read_date(Node v, const std::string& path, Report& report);
std::optional<bool> read_bool(Node v, const std::string& path, Report& report);

/// Why a dossier's text field cannot begin as it does, or nullopt: `=`, `+`, `@`, a tab or a carriage
/// return first (after spaces) would make a spreadsheet read the cell as a formula once the text is in a
/// CSV output (courriers/envoi.csv, subventions-scdl.csv). No name, title or address begins so. A leading
/// `-` is allowed (a list item in the notes, "-20 %"): the CSV writer neutralises it instead (render/csv).
std::optional<std::string> formula_start(std::string_view s);

/// What a value is, for "(trouvé : …)": "null", "14.5", "la chaîne « 14 »", "un tableau"…
std::string describe(Node v);
/// « text », shortened to 40 characters and with control characters shown as U+XXXX: input echoed in
/// a message must stay one readable line.
std::string in_guillemets(std::string_view text);

}  // namespace aap::json
