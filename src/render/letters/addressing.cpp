// The NF Z10-011 address block, the forms of address, the signatory's name.
#include "render/letters/addressing.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

#include "text/latin.hpp"
#include "text/utf8.hpp"

namespace aap::letters {

namespace {

constexpr std::size_t kMaxLines = 6;
constexpr std::size_t kMaxChars = 38;

std::size_t length(std::string_view s) { return text::code_points(s); }

std::u32string decode(std::string_view s) { return text::decode_utf8(s).value_or(std::u32string()); }

std::string to_lower(std::string_view s) {
  std::u32string u = decode(s);
  for (char32_t& c : u) c = text::to_lower(c);
  return text::encode_utf8(u);
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
    const char32_t u = text::to_upper(c);
    if (u == U'-' || u == U'\'' || u == U'’' || u == U',' || u == U'.') {
      city += U' ';
    } else if (const std::string_view plain = text::plain_capitals(u); !plain.empty()) {
      // La Poste writes the locality in plain capitals: "SEPTEMES LES VALLONS".
      for (const char p : plain) city += static_cast<char32_t>(p);
    } else {
      city += u;
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

// The abbreviations that lose nothing, each adding to the one before: "Association" → "Asso.", the
// civility ("Mme", "M."), then the first name (its initial).
enum Abbreviate { kNone = 0, kName = 1, kCivility = 2, kFirstName = 3 };

// The parts of the block but the association's name, which takes the room they leave.
struct Parts {
  std::vector<Line> before_name;  // the addressee (and the role on its own line)
  std::vector<Line> after_name;   // complements, street, locality
  std::vector<std::string> abbreviated;  // what the level abbreviated, for the mailing list's remark
};

Parts lay_out_parts(const Association& a, int level) {
  const Representative& r = a.representative;
  Parts parts;
  const auto add = [](std::vector<Line>& to, const std::vector<std::string>& texts, Part part) {
    for (const std::string& t : texts) to.push_back({t, part});
  };
  const std::string civility = level >= kCivility ? short_civility(squeeze(r.civility)) : squeeze(r.civility);
  if (civility != squeeze(r.civility)) parts.abbreviated.push_back("civilité abrégée");
  const std::string first = squeeze(r.first_name);
  std::string person = join({civility, first, squeeze(r.last_name)});
  if (level >= kFirstName && length(person) > kMaxChars && !first.empty()) {
    person = join({civility, text::encode_utf8(decode(first).substr(0, 1)) + ".", squeeze(r.last_name)});
    parts.abbreviated.push_back("prénom réduit à l’initiale");
  }
  const std::string role = squeeze(r.role);
  const std::string addressee = role.empty() ? person : person + ", " + role;
  if (length(addressee) <= kMaxChars || person.empty()) {
    add(parts.before_name, wrap(addressee), Part::addressee);
  } else {
    add(parts.before_name, wrap(person), Part::addressee);
    add(parts.before_name, wrap(role), Part::role);
  }

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
    if (length(s) > kMaxChars) {
      s = abbreviate(s, street_abbreviations());
      parts.abbreviated.push_back("voie abrégée (bd, av…)");
    }
    add(parts.after_name, wrap(s), i == street ? Part::street : Part::complement);
  }
  parts.after_name.push_back({locality_line(a.address), Part::locality});
  return parts;
}

std::string name_at(const std::string& name, int level) {
  const std::string n = squeeze(name);
  return level >= kName ? abbreviate(n, {{"association", "asso."}}) : n;
}

// Words a cut name must not end on: « Association pour la Formation et des » reads as a mistake.
bool is_function_word(const std::string& word) {
  static const std::array<std::string_view, 22> kWords = {
      "de", "des", "du", "d’", "d'", "la", "le", "les", "l’", "l'", "et", "ou", "pour", "en", "à", "au", "aux",
      "sur", "par", "&", "-", "avec"};
  const std::string w = to_lower(word);
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// The name in at most `lines` lines, cut after a whole word (never after « de », « et »…); a first word
// longer than the room keeps its first lines (split with a hyphen, as wrap does): a name never vanishes.
std::vector<std::string> cut_name(const std::string& name, std::size_t lines) {
  std::vector<std::string> words = split_words(name);
  if (!words.empty() && wrap(words.front()).size() > lines) {
    std::vector<std::string> first = wrap(words.front());
    first.resize(lines);
    return first;
  }
  while (!words.empty()) {
    const std::vector<std::string> wrapped = wrap(join(words));
    if (wrapped.size() <= lines) {
      while (words.size() > 1 && is_function_word(words.back())) words.pop_back();
      return wrap(join(words));
    }
    words.pop_back();
  }
  return {};
}

std::size_t count_part(const std::vector<Line>& lines, Part part) {
  return static_cast<std::size_t>(
      std::count_if(lines.begin(), lines.end(), [&](const Line& l) { return l.part == part; }));
}

// Drops the first line (or the last, `from_end`) of `part`; false when there is none.
bool drop(std::vector<Line>& lines, Part part, bool from_end) {
  if (from_end) {
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
      if (it->part == part) {
        lines.erase(std::next(it).base());
        return true;
      }
    }
    return false;
  }
  const auto it = std::find_if(lines.begin(), lines.end(), [&](const Line& l) { return l.part == part; });
  if (it == lines.end()) return false;
  lines.erase(it);
  return true;
}

// NF Z10-011 numbers the lines by what they hold, not by where they land: lines 1 to 3 name the addressee
// and the complements that precede the street (« Chez … », « Bâtiment C »), line 4 is the street, 5 what
// follows it (lieu-dit, BP), 6 the locality. From the street on, no punctuation.
std::vector<std::string> texts_by_role(const std::vector<Line>& lines) {
  std::vector<std::string> out;
  bool street_seen = false;
  for (const Line& l : lines) {
    street_seen = street_seen || l.part == Part::street || l.part == Part::locality;
    std::string text = street_seen ? without_punctuation(l.text) : l.text;
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

}  // namespace

std::string to_upper(std::string_view s) {
  std::u32string u = decode(s);
  for (char32_t& c : u) c = text::to_upper(c);
  return text::encode_utf8(u);
}

AddressBlock address_block(const Association& association) {
  AddressBlock block;
  const auto assemble = [](const Parts& parts, const std::vector<std::string>& name) {
    std::vector<Line> lines = parts.before_name;
    for (const std::string& n : name) lines.push_back({n, Part::name});
    lines.insert(lines.end(), parts.after_name.begin(), parts.after_name.end());
    return lines;
  };
  const bool has_short = association.short_name && !squeeze(*association.short_name).empty();
  std::vector<Line> lines;
  Parts parts;
  for (int level = kNone; level <= kFirstName; ++level) {
    parts = lay_out_parts(association, level);
    lines = assemble(parts, wrap(name_at(association.name, level)));
    if (lines.size() <= kMaxLines) {
      if (name_at(association.name, level) != squeeze(association.name)) {
        parts.abbreviated.push_back("« Asso. » pour « Association »");
      }
      break;
    }
    // The association's own short name, before the addressee's civility and first name are abbreviated.
    if (level == kName && has_short) {
      const std::vector<std::string> short_lines = wrap(name_at(*association.short_name, level));
      std::vector<Line> with_short = assemble(parts, short_lines);
      if (with_short.size() <= kMaxLines) {
        block.lines = texts_by_role(with_short);
        block.shortened = parts.abbreviated;
        block.shortened.push_back("nom court de l’association");
        return block;
      }
    }
  }
  if (lines.size() > kMaxLines) {
    // The civility and the first name stay whole unless abbreviating them saves a line.
    for (int level = kName; level < kFirstName; ++level) {
      Parts fewer = lay_out_parts(association, level);
      if (fewer.before_name.size() == parts.before_name.size()) {
        parts = std::move(fewer);
        break;
      }
    }
    // The name gives way first: the short name, else the full name cut after a whole word, in the room the
    // addressee, the complements, the street and the locality leave (one line at least).
    const std::string source = name_at(has_short ? *association.short_name : association.name, kName);
    const std::size_t others = parts.before_name.size() + parts.after_name.size();
    const std::size_t room = others < kMaxLines ? std::max<std::size_t>(kMaxLines - others, 1) : 1;
    lines = assemble(parts, cut_name(source, room));
    block.shortened = parts.abbreviated;
    block.shortened.push_back(has_short ? "nom court de l’association" : "nom de l’association coupé");
    if (has_short && count_part(lines, Part::name) < wrap(source).size()) block.shortened.back() += " et coupé";
  }
  if (block.shortened.empty()) block.shortened = parts.abbreviated;
  // Only when the addressee, the complements, the street and the locality alone exceed six lines.
  if (lines.size() > kMaxLines && count_part(lines, Part::role) > 0) {
    while (lines.size() > kMaxLines && drop(lines, Part::role, true)) {}
    block.shortened.push_back("fonction du destinataire omise");
  }
  if (lines.size() > kMaxLines && count_part(lines, Part::complement) > 0) {
    while (lines.size() > kMaxLines && drop(lines, Part::complement, false)) {}
    block.shortened.push_back("complément d’adresse omis");
  }
  if (lines.size() > kMaxLines && count_part(lines, Part::name) > 0) {
    while (lines.size() > kMaxLines && drop(lines, Part::name, true)) {}
    block.shortened.push_back("nom de l’association omis");
  }
  if (lines.size() > kMaxLines) {
    // An addressee or a street that alone takes more lines than the window holds cannot be printed whole.
    while (lines.size() > kMaxLines && count_part(lines, Part::addressee) > 1 && drop(lines, Part::addressee, true)) {}
    while (lines.size() > kMaxLines && count_part(lines, Part::street) > 1 && drop(lines, Part::street, true)) {}
    block.shortened.push_back("adresse incomplète");
    block.complete = false;
  }
  block.lines = texts_by_role(lines);
  return block;
}

std::vector<std::string> postal_address_lines(const Association& association) {
  return address_block(association).lines;
}

namespace {

struct RoleForm {
  const char* role;     // lower case, as people write it
  const char* article;  // the article its form of address takes: "la ", "le ", "l’"
};

// The roles an association's representative usually holds, each with the article a letter addresses it by.
constexpr std::array<RoleForm, 26> kRoles = {{
    {"présidente", "la "},
    {"président", "le "},
    {"co-présidente", "la "},
    {"co-président", "le "},
    {"coprésidente", "la "},
    {"coprésident", "le "},
    {"vice-présidente", "la "},
    {"vice-président", "le "},
    {"directrice", "la "},
    {"directeur", "le "},
    {"directrice générale", "la "},
    {"directeur général", "le "},
    {"secrétaire générale", "la "},
    {"secrétaire général", "le "},
    {"secrétaire", "la "},
    {"trésorière", "la "},
    {"trésorier", "le "},
    {"déléguée générale", "la "},
    {"délégué général", "le "},
    {"gérante", "la "},
    {"gérant", "le "},
    {"coordinatrice", "la "},
    {"coordinateur", "le "},
    {"responsable", "la "},
    {"administratrice", "l’"},
    {"administrateur", "l’"},
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
  const std::string spelled = squeeze(representative.role);
  const std::string role = to_lower(spelled);
  for (const RoleForm& form : kRoles) {
    if (role != form.role) continue;
    std::string article = form.article;
    // "la Secrétaire", "la Responsable" are epicene: the article follows the person.
    if ((role == "secrétaire" || role == "responsable") && *civility == "Monsieur") article = "le ";
    // The role as the dossier spells it ("Co-présidente" stays so), with the capital a form of address takes.
    const std::u32string u = decode(spelled);
    return *civility + " " + article + to_upper(text::encode_utf8(u.substr(0, 1))) + text::encode_utf8(u.substr(1));
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
