// The NF Z10-011 address block, the forms of address, the signatory's name.
#include "render/letters/addressing.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "text/utf8.hpp"

namespace aap::letters {

namespace {

constexpr std::size_t kMaxLines = 6;
constexpr std::size_t kMaxChars = 38;

std::size_t length(std::string_view s) { return text::code_points(s); }

std::u32string decode(std::string_view s) { return text::decode_utf8(s).value_or(std::u32string()); }

char32_t upper_cp(char32_t c) {
  if (c >= U'a' && c <= U'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  if (c == 0xFF) return 0x178;
  // Latin Extended-A pairs its capitals and small letters, capital first, except 0x139–0x148 and
  // 0x179–0x17E, which start on an odd code point.
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 1) ? c - 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 0) ? c - 1 : c;
  return c;
}

char32_t lower_cp(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if ((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) return (c % 2 == 0) ? c + 1 : c;
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c % 2 == 1) ? c + 1 : c;
  return c;
}

std::string to_lower(std::string_view s) {
  std::u32string u = decode(s);
  for (char32_t& c : u) c = lower_cp(c);
  return text::encode_utf8(u);
}

// The base letter of an accented capital, for the locality line (La Poste writes "SEPTEMES LES VALLONS").
std::u32string base_letters(char32_t c) {
  static constexpr std::array<std::pair<char32_t, const char32_t*>, 17> kTable = {{
      {U'À', U"A"}, {U'Â', U"A"}, {U'Ä', U"A"}, {U'Æ', U"AE"}, {U'Ç', U"C"}, {U'É', U"E"},
      {U'È', U"E"}, {U'Ê', U"E"}, {U'Ë', U"E"}, {U'Î', U"I"}, {U'Ï', U"I"}, {U'Ô', U"O"},
      {U'Ö', U"O"}, {U'Ù', U"U"}, {U'Û', U"U"}, {U'Ü', U"U"}, {U'Œ', U"OE"},
  }};
  for (const auto& [from, to] : kTable) {
    if (c == from) return to;
  }
  if (c == U'Ÿ') return U"Y";
  if (c == U'Ñ') return U"N";
  if (c == U'Á' || c == U'Ã' || c == U'Å') return U"A";
  if (c == U'Í' || c == U'Ì') return U"I";
  if (c == U'Ó' || c == U'Ò' || c == U'Õ' || c == U'Ø') return U"O";
  if (c == U'Ú') return U"U";
  return std::u32string(1, c);
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0xA0 || c == 0x202F; }

// Runs of spaces made one, ends trimmed.
std::string squeeze(std::string_view s) {
  std::string out;
  bool pending = false;
  for (const char32_t c : decode(s)) {
    if (is_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += text::encode_utf8(std::u32string(1, c));
  }
  return out;
}

std::string locality_line(const PostalAddress& address) {
  std::u32string city;
  for (const char32_t c : decode(address.city)) {
    const char32_t u = upper_cp(c);
    if (u == U'-' || u == U'\'' || u == U'’' || u == U',' || u == U'.') {
      city += U' ';
    } else {
      city += base_letters(u);
    }
  }
  std::string line = squeeze(address.postal_code + " " + text::encode_utf8(city));
  // La Poste's own abbreviations, only when the name does not fit (localities are 32 characters at most
  // in its base; a longer one is kept whole rather than cut).
  if (length(line) > kMaxChars) {
    for (const auto& [word, abbrev] : std::array<std::pair<std::string, std::string>, 2>{
             {{" SAINTE ", " STE "}, {" SAINT ", " ST "}}}) {
      std::string padded = line + " ";
      for (std::size_t at = padded.find(word); at != std::string::npos; at = padded.find(word, at)) {
        padded.replace(at, word.size(), abbrev);
      }
      line = squeeze(padded);
    }
  }
  return line;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) words.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string join(const std::vector<std::string>& words, std::string_view sep = " ") {
  std::string out;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    if (!out.empty()) out += sep;
    out += w;
  }
  return out;
}

// Greedy wrapping at spaces; a word longer than a line is split with a hyphen (the only way not to cut it).
std::vector<std::string> wrap(const std::string& line) {
  std::vector<std::string> out;
  std::string current;
  for (std::string word : split_words(line)) {
    while (length(word) > kMaxChars) {
      if (!current.empty()) out.push_back(std::exchange(current, {}));
      const std::u32string u = decode(word);
      out.push_back(text::encode_utf8(u.substr(0, kMaxChars - 1)) + "-");
      word = text::encode_utf8(u.substr(kMaxChars - 1));
    }
    if (current.empty()) {
      current = word;
    } else if (length(current) + 1 + length(word) <= kMaxChars) {
      current += " " + word;
    } else {
      out.push_back(std::exchange(current, word));
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

// Replaces whole words, case-insensitively, keeping a capital initial ("Boulevard" → "Bd", "BOULEVARD" → "BD").
std::string abbreviate(const std::string& line, const std::vector<std::pair<std::string, std::string>>& table) {
  std::vector<std::string> words = split_words(line);
  for (std::string& w : words) {
    const std::string lower = to_lower(w);
    for (const auto& [long_form, short_form] : table) {
      if (lower != long_form) continue;
      if (w == to_upper(w) && length(w) > 1) {
        w = to_upper(short_form);
      } else if (w.substr(0, 1) != lower.substr(0, 1)) {
        w = to_upper(short_form.substr(0, 1)) + short_form.substr(1);
      } else {
        w = short_form;
      }
      break;
    }
  }
  return join(words);
}

const std::vector<std::pair<std::string, std::string>>& street_abbreviations() {
  // La Poste's usual abbreviations of street types and building words.
  static const std::vector<std::pair<std::string, std::string>> kTable = {
      {"allée", "all"},       {"appartement", "appt"}, {"avenue", "av"},    {"bâtiment", "bat"},
      {"boulevard", "bd"},    {"chemin", "che"},       {"escalier", "esc"}, {"faubourg", "fg"},
      {"impasse", "imp"},     {"lotissement", "lot"},  {"place", "pl"},     {"quartier", "qua"},
      {"résidence", "res"},   {"route", "rte"},        {"sainte", "ste"},   {"saint", "st"},
      {"square", "sq"},       {"traverse", "tra"},
  };
  return kTable;
}

std::string short_civility(const std::string& civility) {
  if (civility == "Madame") return "Mme";
  if (civility == "Monsieur") return "M.";
  return civility;
}

// From line 4 on, NF Z10-011 wants no punctuation: marks go, apostrophes become spaces.
std::string without_punctuation(const std::string& line) {
  std::u32string out;
  for (const char32_t c : decode(line)) {
    if (c == U'\'' || c == U'’') {
      out += U' ';
    } else if (std::u32string_view(U",.;:!?«»\"()[]").find(c) == std::u32string_view::npos) {
      out += c;
    }
  }
  return squeeze(text::encode_utf8(out));
}

enum class Part { addressee, role, name, complement, street, locality };

struct Line {
  std::string text;
  Part part;
};

struct Layout {
  std::vector<Line> lines;
  void add(const std::vector<std::string>& texts, Part part) {
    for (const std::string& t : texts) lines.push_back({t, part});
  }
};

// Abbreviation levels, each adding to the one before: the association's name, the civility, the first name.
enum Abbreviate { kNone = 0, kName = 1, kCivility = 2, kFirstName = 3 };

Layout lay_out(const Association& a, int level) {
  const Representative& r = a.representative;
  Layout layout;
  const std::string civility = level >= kCivility ? short_civility(squeeze(r.civility)) : squeeze(r.civility);
  const std::string first = squeeze(r.first_name);
  std::string person = join({civility, first, squeeze(r.last_name)});
  if (level >= kFirstName && length(person) > kMaxChars && !first.empty()) {
    person = join({civility, text::encode_utf8(decode(first).substr(0, 1)) + ".", squeeze(r.last_name)});
  }
  const std::string role = squeeze(r.role);
  const std::string addressee = role.empty() ? person : person + ", " + role;
  if (length(addressee) <= kMaxChars || person.empty()) {
    layout.add(wrap(addressee), Part::addressee);
  } else {
    layout.add(wrap(person), Part::addressee);
    layout.add(wrap(role), Part::role);
  }
  std::string name = squeeze(a.name);
  if (level >= kName) name = abbreviate(name, {{"association", "asso."}});
  layout.add(wrap(name), Part::name);

  std::vector<std::string> address;
  for (const std::string& l : a.address.lines) {
    std::string s = squeeze(l);
    if (!s.empty()) address.push_back(std::move(s));
  }
  std::size_t street = address.empty() ? 0 : address.size() - 1;
  for (std::size_t i = 0; i < address.size(); ++i) {
    if (address[i][0] >= '0' && address[i][0] <= '9') {
      street = i;
      break;
    }
  }
  for (std::size_t i = 0; i < address.size(); ++i) {
    std::string s = address[i];
    // A street line is sorted by machines as a whole: abbreviate before wrapping it.
    if (length(s) > kMaxChars) s = abbreviate(s, street_abbreviations());
    layout.add(wrap(s), i == street ? Part::street : Part::complement);
  }
  layout.lines.push_back({locality_line(a.address), Part::locality});
  return layout;
}

void drop_until_fits(Layout& layout) {
  const auto drop_first = [&](Part part, bool from_end) {
    auto& ls = layout.lines;
    if (from_end) {
      for (auto it = ls.rbegin(); it != ls.rend(); ++it) {
        if (it->part == part) {
          ls.erase(std::next(it).base());
          return true;
        }
      }
      return false;
    }
    const auto it = std::find_if(ls.begin(), ls.end(), [&](const Line& l) { return l.part == part; });
    if (it == ls.end()) return false;
    ls.erase(it);
    return true;
  };
  const auto count = [&](Part part) {
    return std::count_if(layout.lines.begin(), layout.lines.end(), [&](const Line& l) { return l.part == part; });
  };
  while (layout.lines.size() > kMaxLines && drop_first(Part::role, true)) {}
  while (layout.lines.size() > kMaxLines && drop_first(Part::complement, false)) {}
  while (layout.lines.size() > kMaxLines && drop_first(Part::addressee, true)) {}
  while (layout.lines.size() > kMaxLines && count(Part::name) > 1 && drop_first(Part::name, true)) {}
}

}  // namespace

std::string to_upper(std::string_view s) {
  std::u32string u = decode(s);
  for (char32_t& c : u) c = upper_cp(c);
  return text::encode_utf8(u);
}

std::vector<std::string> postal_address_lines(const Association& association) {
  Layout layout = lay_out(association, kNone);
  for (int level = kName; level <= kFirstName && layout.lines.size() > kMaxLines; ++level) {
    layout = lay_out(association, level);
  }
  drop_until_fits(layout);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    std::string line = i >= 3 ? without_punctuation(layout.lines[i].text) : layout.lines[i].text;
    if (!line.empty()) out.push_back(std::move(line));
  }
  return out;
}

namespace {

struct RoleForm {
  const char* role;     // lower case, as people write it
  const char* address;  // with its article and capital
};

// The roles an association's representative usually holds, each with the form a letter addresses it by.
constexpr std::array<RoleForm, 26> kRoles = {{
    {"présidente", "la Présidente"},
    {"président", "le Président"},
    {"co-présidente", "la Coprésidente"},
    {"co-président", "le Coprésident"},
    {"coprésidente", "la Coprésidente"},
    {"coprésident", "le Coprésident"},
    {"vice-présidente", "la Vice-Présidente"},
    {"vice-président", "le Vice-Président"},
    {"directrice", "la Directrice"},
    {"directeur", "le Directeur"},
    {"directrice générale", "la Directrice générale"},
    {"directeur général", "le Directeur général"},
    {"secrétaire générale", "la Secrétaire générale"},
    {"secrétaire général", "le Secrétaire général"},
    {"secrétaire", "la Secrétaire"},
    {"trésorière", "la Trésorière"},
    {"trésorier", "le Trésorier"},
    {"déléguée générale", "la Déléguée générale"},
    {"délégué général", "le Délégué général"},
    {"gérante", "la Gérante"},
    {"gérant", "le Gérant"},
    {"coordinatrice", "la Coordinatrice"},
    {"coordinateur", "le Coordinateur"},
    {"responsable", "la Responsable"},
    {"administratrice", "l’Administratrice"},
    {"administrateur", "l’Administrateur"},
}};

std::optional<std::string> civility_of(const std::string& civility) {
  const std::string c = to_lower(squeeze(civility));
  if (c == "madame" || c == "mme") return "Madame";
  if (c == "monsieur" || c == "m." || c == "m") return "Monsieur";
  return std::nullopt;
}

}  // namespace

std::string form_of_address(const Representative& representative) {
  const std::optional<std::string> civility = civility_of(representative.civility);
  if (!civility) return "Madame, Monsieur";
  const std::string role = to_lower(squeeze(representative.role));
  for (const RoleForm& form : kRoles) {
    if (role != form.role) continue;
    std::string address = form.address;
    // "la Secrétaire", "la Responsable" are epicene: the article follows the person.
    if ((role == "secrétaire" || role == "responsable") && *civility == "Monsieur") {
      address.replace(0, 2, "le");
    }
    return *civility + " " + address;
  }
  return *civility;
}

std::string salutation(const Representative& representative) { return form_of_address(representative) + ","; }

std::string closing_formula(const Representative& representative) {
  return "Je vous prie d’agréer, " + form_of_address(representative) +
         ", l’assurance de ma considération distinguée.";
}

std::string signatory_name(std::string_view name) {
  const std::vector<std::string> words = split_words(squeeze(name));
  if (words.size() < 2) return join(words);
  for (const std::string& w : words) {
    if (length(w) > 1 && w == to_upper(w) && w != to_lower(w)) return join(words);
  }
  std::vector<std::string> out{words.front()};
  for (std::size_t i = 1; i < words.size(); ++i) out.push_back(to_upper(words[i]));
  return join(out);
}

}  // namespace aap::letters
