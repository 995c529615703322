// Typed, checked reading of JSON members (see fields.hpp).
#include "json/fields.hpp"

#include <algorithm>
#include <cstdio>

#include "json/tree.hpp"
#include "text/utf8.hpp"

namespace aap::json {

namespace {

using Json = nlohmann::json;

const Json& tree(Node node) { return detail::Access::tree(node); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

/// Digits with at most one dot: the shape of an amount or a percentage, whatever its size or decimals.
bool is_decimal_shape(std::string_view t) {
  if (t.empty() || !is_digit(t.front()) || !is_digit(t.back())) return false;
  int dots = 0;
  for (const char c : t) {
    if (c == '.') {
      ++dots;
    } else if (!is_digit(c)) {
      return false;
    }
  }
  return dots <= 1;
}

std::size_t decimals_of(std::string_view t) {
  const auto dot = t.find('.');
  return dot == std::string_view::npos ? 0 : t.size() - dot - 1;
}

/// The text of an amount or a percentage: a number's shortest round-trip form (what dump() writes), or
/// the string itself. Anything else is not a number.
std::optional<std::string> numeric_text(const Json& v) {
  if (v.is_number()) return v.dump();
  if (v.is_string()) return v.get<std::string>();
  return std::nullopt;
}

}  // namespace

std::optional<std::string> formula_start(std::string_view s) {
  std::size_t i = 0;
  // Spaces (U+0020, U+00A0, U+202F) before the character: some spreadsheets trim them on import.
  for (;;) {
    if (i < s.size() && s[i] == ' ') {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (s.substr(i, 3) == "\xE2\x80\xAF") {
      i += 3;
    } else {
      break;
    }
  }
  if (i >= s.size()) return std::nullopt;
  std::string what;
  switch (s[i]) {
    case '=': what = "« = »"; break;
    case '+': what = "« + »"; break;
    case '@': what = "« @ »"; break;
    case '\t': what = "une tabulation"; break;
    case '\r': what = "un retour chariot"; break;
    default: return std::nullopt;
  }
  return "commence par " + what + " : un tableur y verrait une formule (retirer ce caractère)";
}

void Report::error(const std::string& path, std::string message) {
  error_at(locator_.line_of_nearest(path), path, std::move(message));
}

void Report::error_at(int line, const std::string& path, std::string message) {
  diagnostics_.push_back(Diagnostic{file_, line, path, std::move(message)});
}

Diagnostics Report::take_sorted() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
  return std::move(diagnostics_);
}

std::string in_guillemets(std::string_view text) {
  constexpr std::size_t kMaxShown = 40;
  std::string out = "« ";
  std::size_t shown = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    if (byte >= 0xF0) {
      len = 4;
    } else if (byte >= 0xE0) {
      len = 3;
    } else if (byte >= 0xC0) {
      len = 2;
    }
    len = std::min(len, text.size() - i);
    if (shown == kMaxShown) {
      out += "…";
      break;
    }
    const bool c1 = byte == 0xC2 && len == 2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
    if (byte < 0x20 || byte == 0x7F || c1) {
      const unsigned cp = c1 ? static_cast<unsigned char>(text[i + 1]) : byte;
      char buf[8];
      std::snprintf(buf, sizeof buf, "U+%04X", cp);
      out += buf;
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
    ++shown;
  }
  out += " »";
  return out;
}

std::string describe(Node node) {
  const Json& v = tree(node);
  switch (v.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return v.dump();
    case Json::value_t::string: return "la chaîne " + in_guillemets(v.get_ref<const std::string&>());
    case Json::value_t::array: return "un tableau";
    case Json::value_t::object: return "un objet";
    default: return "une valeur binaire";
  }
}

std::optional<std::string> read_text(Node node, const std::string& path, Report& report,
                                     std::size_t max_length, bool allow_newlines) {
  const Json& v = tree(node);
  if (!v.is_string()) {
    report.error(path, "doit être une chaîne (trouvé : " + describe(node) + ")");
    return std::nullopt;
  }
  const auto& s = v.get_ref<const std::string&>();
  if (auto reason = text::check_text(s, max_length, allow_newlines)) {
    report.error(path, *reason);
    return std::nullopt;
  }
  if (auto reason = report.refuses_formulas() ? formula_start(s) : std::nullopt) {
    report.error(path, *reason);
    return std::nullopt;
  }
  return s;
}

std::optional<int> read_count(Node node, const std::string& path, Report& report) {
  const Json& v = tree(node);
  // Integers beyond 64 bits reach us as floating-point numbers: their size is the problem, not their type.
  if (v.is_number_float() && v.get<double>() > static_cast<double>(kMaxCount)) {
    report.error(path, "doit être au plus " + std::to_string(kMaxCount) + " (trouvé : " + v.dump() + ")");
    return std::nullopt;
  }
  if (!v.is_number_integer()) {
    report.error(path, "doit être un entier (trouvé : " + describe(node) + ")");
    return std::nullopt;
  }
  if (v.is_number_unsigned()) {
    if (v.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxCount)) {
      report.error(path, "doit être au plus " + std::to_string(kMaxCount) + " (trouvé : " + v.dump() + ")");
      return std::nullopt;
    }
    return static_cast<int>(v.get<std::uint64_t>());
  }
  const auto n = v.get<std::int64_t>();
  if (n < 0) {
    report.error(path, "doit être positif ou nul (trouvé : " + v.dump() + ")");
    return std::nullopt;
  }
  if (n > kMaxCount) {
    report.error(path, "doit être au plus " + std::to_string(kMaxCount) + " (trouvé : " + v.dump() + ")");
    return std::nullopt;
  }
  return static_cast<int>(n);
}

std::optional<Money> read_money(Node node, const std::string& path, Report& report) {
  const Json& v = tree(node);
  const auto t = numeric_text(v);
  if (!t) {
    report.error(path, "doit être un montant en euros, nombre ou chaîne comme \"30000.50\" (trouvé : " +
                           describe(node) + ")");
    return std::nullopt;
  }
  if (!t->empty() && t->front() == '-') {
    report.error(path, in_guillemets(*t) + " : un montant ne peut pas être négatif");
    return std::nullopt;
  }
  if (v.is_number() && t->find_first_of("eE") != std::string::npos) {
    report.error(path, in_guillemets(*t) + " : écrire le montant en chiffres, sans exposant (par exemple 30000.50)");
    return std::nullopt;
  }
  if (is_decimal_shape(*t) && decimals_of(*t) > 2) {
    report.error(path, in_guillemets(*t) + " : un montant a deux décimales au plus");
    return std::nullopt;
  }
  if (auto m = Money::parse(*t)) return m;
  if (is_decimal_shape(*t)) {
    report.error(path, in_guillemets(*t) + " : montant trop élevé");
  } else {
    report.error(path, in_guillemets(*t) + " n’est pas un montant (des chiffres, un point, deux décimales au plus : 30000.50)");
  }
  return std::nullopt;
}

std::optional<Percent> read_percent(Node node, const std::string& path, Report& report) {
  const Json& v = tree(node);
  const auto t = numeric_text(v);
  if (!t) {
    report.error(path, "doit être un pourcentage de 0 à 100 (trouvé : " + describe(node) + ")");
    return std::nullopt;
  }
  const bool negative = !t->empty() && t->front() == '-';
  if (v.is_number() && t->find_first_of("eE") != std::string::npos) {
    report.error(path, in_guillemets(*t) + " : écrire le pourcentage en chiffres, sans exposant");
    return std::nullopt;
  }
  const std::string_view magnitude = negative ? std::string_view(*t).substr(1) : std::string_view(*t);
  if (is_decimal_shape(magnitude) && decimals_of(magnitude) > 2) {
    report.error(path, in_guillemets(*t) + " : un pourcentage a deux décimales au plus");
    return std::nullopt;
  }
  std::optional<Percent> p;
  if (!negative) p = Percent::parse(*t);
  if (negative || (is_decimal_shape(magnitude) && (!p || *p > Percent::from_whole(100)))) {
    report.error(path, "doit être un pourcentage de 0 à 100 (trouvé : " + *t + ")");
    return std::nullopt;
  }
  if (!p) {
    report.error(path, in_guillemets(*t) + " n’est pas un pourcentage (un nombre de 0 à 100, deux décimales au plus)");
    return std::nullopt;
  }
  return p;
}

std::optional<Date> read_date(Node node, const std::string& path, Report& report) {
  const Json& v = tree(node);
  if (!v.is_string()) {
    report.error(path, "doit être une date \"AAAA-MM-JJ\" entre guillemets (trouvé : " + describe(node) + ")");
    return std::nullopt;
  }
  const auto& s = v.get_ref<const std::string&>();
  if (auto d = Date::parse_iso(s)) return d;
  report.error(path, in_guillemets(s) + " n’est pas une date valide (AAAA-MM-JJ)");
  return std::nullopt;
}

std::optional<bool> read_bool(Node node, const std::string& path, Report& report) {
  const Json& v = tree(node);
  if (!v.is_boolean()) {
    report.error(path, "doit être true ou false (trouvé : " + describe(node) + ")");
    return std::nullopt;
  }
  return v.get<bool>();
}

std::string ObjectReader::field(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

std::optional<Node> ObjectReader::member(std::string_view key, Presence presence, std::string_view null_hint) {
  known_.emplace_back(key);
  const Json& object = tree(object_);
  const auto it = object.find(std::string(key));
  if (it == object.end()) {
    if (presence == Presence::required) {
      report_.error(field(key), "champ obligatoire manquant");
    } else if (presence == Presence::nullable) {
      report_.error(field(key), "champ obligatoire manquant (" + std::string(null_hint) + ")");
    }
    return std::nullopt;
  }
  // A required field written null falls through to its type check, which says what was expected.
  if (it->is_null() && presence != Presence::required) return std::nullopt;
  return detail::Access::node(*it);
}

std::optional<std::string> ObjectReader::text(std::string_view key, Presence presence, std::size_t max_length,
                                              bool allow_newlines) {
  const std::optional<Node> v = member(key, presence);
  if (!v) return std::nullopt;
  auto s = read_text(*v, field(key), report_, max_length, allow_newlines);
  if (s && presence == Presence::required && is_blank(*s)) {
    report_.error(field(key), "ne doit pas être vide");
    return std::nullopt;
  }
  return s;
}

template <class T>
std::optional<T> ObjectReader::read_member(std::string_view key, Presence presence, Read<T> read) {
  const std::optional<Node> v = member(key, presence);
  return v ? read(*v, field(key), report_) : std::nullopt;
}

std::optional<int> ObjectReader::count(std::string_view key, Presence presence) {
  return read_member(key, presence, read_count);
}
std::optional<Money> ObjectReader::money(std::string_view key, Presence presence) {
  return read_member(key, presence, read_money);
}
std::optional<Percent> ObjectReader::percent(std::string_view key, Presence presence) {
  return read_member(key, presence, read_percent);
}
std::optional<Date> ObjectReader::date(std::string_view key, Presence presence) {
  return read_member(key, presence, read_date);
}
std::optional<bool> ObjectReader::boolean(std::string_view key, Presence presence) {
  return read_member(key, presence, read_bool);
}

std::optional<std::vector<std::string>> ObjectReader::texts(std::string_view key, std::size_t min_size,
                                                            Presence presence) {
  const std::optional<Node> a = array(key, presence);
  if (!a) return std::nullopt;
  const std::string path = field(key);
  if (a->size() < min_size) {
    report_.error(path, min_size == 1 ? "ne doit pas être vide"
                                      : "doit contenir au moins " + std::to_string(min_size) + " éléments");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const std::string element = path + "[" + std::to_string(i) + "]";
    auto s = read_text((*a)[i], element, report_);
    if (s && is_blank(*s)) {
      report_.error(element, "ne doit pas être vide");
      s.reset();
    }
    if (s) {
      out.push_back(std::move(*s));
    } else {
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<ObjectReader> ObjectReader::object(std::string_view key, Presence presence,
                                                 std::string_view null_hint) {
  const std::optional<Node> v = member(key, presence, null_hint);
  if (!v) return std::nullopt;
  if (!v->is_object()) {
    report_.error(field(key), "doit être un objet (trouvé : " + describe(*v) + ")");
    return std::nullopt;
  }
  return ObjectReader(*v, field(key), report_);
}

std::optional<Node> ObjectReader::array(std::string_view key, Presence presence) {
  const std::optional<Node> v = member(key, presence);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    report_.error(field(key), "doit être un tableau (trouvé : " + describe(*v) + ")");
    return std::nullopt;
  }
  return v;
}

void ObjectReader::reject_unknown() {
  for (const auto& [key, value] : tree(object_).items()) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
      const std::string path = field(key);
      // The key is input: a control character in it must not reach the terminal as is.
      std::string shown = path;
      for (char& c : shown) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
      }
      report_.error_at(report_.locator().line_of(path), shown, "champ inconnu");
    }
  }
}

}  // namespace aap::json
