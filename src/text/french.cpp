// French formatting of numbers, amounts (in figures and in words), dates, percentages, and typography.
#include "text/french.hpp"

#include <array>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/utf8.hpp"

namespace aap::fr {

namespace {

constexpr std::int64_t kMillion = 1'000'000;
constexpr std::int64_t kBillion = 1'000'000'000;

// Two digits, for cents and hundredths of a percent.
std::string two_digits(std::int64_t n) {
  return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

// ---- Numbers in words (traditional spelling, hyphens only below a hundred) ----

constexpr std::array<const char*, 17> kUnits = {
    "zéro", "un",       "deux",     "trois", "quatre", "cinq", "six",  "sept", "huit",
    "neuf", "dix",      "onze",     "douze", "treize", "quatorze", "quinze", "seize"};
constexpr std::array<const char*, 7> kTens = {"", "", "vingt", "trente", "quarante", "cinquante",
                                              "soixante"};

// 1..99. `final` is true when nothing but a noun (million, milliard, euro) follows: only then does
// "quatre-vingt" take its s.
std::string below_hundred(std::int64_t n, bool final) {
  if (n < 17) return kUnits[static_cast<std::size_t>(n)];
  if (n < 20) return std::string("dix-") + kUnits[static_cast<std::size_t>(n - 10)];
  if (n < 70) {
    const std::string tens = kTens[static_cast<std::size_t>(n / 10)];
    const std::int64_t unit = n % 10;
    if (unit == 0) return tens;
    if (unit == 1) return tens + " et un";
    return tens + "-" + kUnits[static_cast<std::size_t>(unit)];
  }
  if (n < 80) {
    // 70–79 count on from soixante: soixante-dix, soixante et onze, soixante-douze…
    if (n == 71) return "soixante et onze";
    return "soixante-" + below_hundred(n - 60, final);
  }
  // 80–99 count on from quatre-vingt, with hyphens and no "et": quatre-vingt-un, quatre-vingt-onze.
  if (n == 80) return final ? "quatre-vingts" : "quatre-vingt";
  return "quatre-vingt-" + below_hundred(n - 80, final);
}

// 1..999; "cent" takes an s when multiplied and final (deux cents, but deux cent un, deux cent mille).
std::string below_thousand(std::int64_t n, bool final) {
  const std::int64_t hundreds = n / 100;
  const std::int64_t rest = n % 100;
  if (hundreds == 0) return below_hundred(rest, final);
  std::string out = hundreds == 1 ? "cent" : std::string(kUnits[static_cast<std::size_t>(hundreds)]) + " cent";
  if (rest == 0) {
    if (hundreds > 1 && final) out += 's';
  } else {
    out += ' ' + below_hundred(rest, final);
  }
  return out;
}

// "million" and "milliard" are nouns: they take an s, and the number before them is final
// (quatre-vingts millions, deux cents millions).
void append_noun_group(std::vector<std::string>& parts, std::int64_t count, const char* noun) {
  if (count == 0) return;
  std::string part = below_thousand(count, true) + ' ' + noun;
  if (count > 1) part += 's';
  parts.push_back(std::move(part));
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

// ---- Typography ----

constexpr char32_t kNbspCp = U'\u00A0';
constexpr char32_t kNarrowNbspCp = U'\u202F';

bool is_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);  // Latin-1 and Latin Extended-A/B
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == kNbspCp || c == kNarrowNbspCp;
}

// What may end a word before a high punctuation mark: "annexe):", "« oui »?", "30 %:".
bool ends_word(char32_t c) {
  return is_letter(c) || is_digit(c) || c == U')' || c == U']' || c == U'»' || c == U'%' || c == U'€';
}

// What may follow a punctuation mark for it to be one: not "10:30", "a;b" or "?x=1". The * and _ close
// Markdown emphasis ("**Objet:**").
bool after_punctuation(const std::u32string& s, std::size_t i) {
  if (i >= s.size()) return true;
  const char32_t c = s[i];
  return is_space(c) || std::u32string_view(U"!?;.,)]»\"*_").find(c) != std::u32string_view::npos;
}

// Tokens left exactly as written: URLs and e-mail addresses, where ":", "?", ";" and "'" are syntax.
std::vector<bool> protected_mask(const std::u32string& s) {
  std::vector<bool> mask(s.size(), false);
  std::size_t start = 0;
  while (start < s.size()) {
    while (start < s.size() && is_space(s[start])) ++start;
    std::size_t end = start;
    while (end < s.size() && !is_space(s[end])) ++end;
    const std::u32string_view token(s.data() + start, end - start);
    const std::size_t at = token.find(U'@');
    std::size_t from = std::u32string_view::npos;  // where the protected part of the token starts
    if (at != std::u32string_view::npos && at > 0 && at + 1 < token.size()) {
      from = 0;
    } else if (const std::size_t scheme = token.find(U"://"); scheme != std::u32string_view::npos) {
      // From the scheme on, so that "[l'appel](https://…)" still gets its apostrophe.
      from = scheme;
      while (from > 0 && (is_letter(token[from - 1]) || is_digit(token[from - 1]))) --from;
    } else if (const std::size_t www = token.find(U"www."); www != std::u32string_view::npos &&
                                                           (www == 0 || !is_letter(token[www - 1]))) {
      from = www;
    }
    if (from != std::u32string_view::npos) {
      for (std::size_t i = start + from; i < end; ++i) mask[i] = true;
    }
    start = end;
  }
  return mask;
}

// "&amp;" in Markdown: the ";" ends an entity, not a clause.
bool ends_entity(const std::u32string& out) {
  for (std::size_t back = 1; back <= 10 && back <= out.size(); ++back) {
    const char32_t c = out[out.size() - back];
    if (c == U'&') return back > 1;
    if (!(is_letter(c) || is_digit(c) || c == U'#')) return false;
  }
  return false;
}

}  // namespace

std::string integer(std::int64_t n) {
  // Plain hyphen-minus for the sign: amounts here are never negative, and every font has it.
  if (n < 0) return "-" + integer(-n);
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += kNarrowNbsp;
    out += digits[i];
  }
  return out;
}

std::string money(Money m) {
  if (m.has_cents()) return money_with_cents(m);
  return integer(m.whole_euros()) + kNbsp + "€";
}

std::string money_with_cents(Money m) {
  const std::int64_t cents = m.cents() < 0 ? -m.cents() : m.cents();
  return (m.cents() < 0 ? "-" : "") + integer(cents / 100) + "," + two_digits(cents % 100) + kNbsp + "€";
}

std::string number_in_words(std::int64_t n) {
  if (n < 0 || n >= 1000 * kBillion) throw std::out_of_range("number_in_words: " + std::to_string(n));
  if (n == 0) return kUnits[0];
  std::vector<std::string> parts;
  append_noun_group(parts, n / kBillion, "milliard");
  append_noun_group(parts, n / kMillion % 1000, "million");
  // "mille" is an adjective: never plural, never "un mille", and vingt/cent before it stay bare.
  const std::int64_t thousands = n / 1000 % 1000;
  if (thousands == 1) parts.emplace_back("mille");
  if (thousands > 1) parts.push_back(below_thousand(thousands, false) + " mille");
  if (n % 1000 != 0) parts.push_back(below_thousand(n % 1000, true));
  return join(parts, " ");
}

std::string money_in_words(Money m) {
  const std::int64_t euros = m.cents() / 100;
  const std::int64_t cents = m.cents() % 100;
  std::vector<std::string> parts;
  // 0,50 € is "cinquante centimes", not "zéro euro et cinquante centimes".
  if (euros > 0 || cents == 0) {
    const char* unit = euros <= 1 ? " euro"
                       : euros % kMillion == 0 ? " d’euros"  // un million d’euros: million is a noun
                                               : " euros";
    parts.push_back(number_in_words(euros) + unit);
  }
  if (cents > 0) parts.push_back(number_in_words(cents) + (cents == 1 ? " centime" : " centimes"));
  return join(parts, " et ");
}

std::string date(Date d) {
  static constexpr std::array<const char*, 12> kMonths = {
      "janvier", "février", "mars",      "avril",   "mai",      "juin",
      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  const std::string day = d.day == 1 ? "1er" : std::to_string(d.day);
  // Years are never grouped: "2027", not "2 027".
  return day + " " + kMonths[static_cast<std::size_t>(d.month - 1)] + " " + std::to_string(d.year);
}

// A no-break space before % (a no-break space before units). With whole ≤ 0 there is no
// ratio to show: an em dash, as in a table cell with nothing to report.
std::string ratio_percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "—";
  const bool negative = part < 0;
  const std::int64_t magnitude = negative ? -part : part;
  // Hundredths of a percent, rounded half up: floor((2·10000·part + whole) / (2·whole)).
  const std::int64_t hundredths = (20000 * magnitude + whole) / (2 * whole);
  return (negative ? "-" : "") + integer(hundredths / 100) + "," + two_digits(hundredths % 100) + kNbsp + "%";
}

// Decimals only as far as needed: "30 %", "30,5 %", "33,33 %" (a threshold, read as written).
std::string percent(Percent p) {
  const std::int64_t bp = p.basis_points() < 0 ? -p.basis_points() : p.basis_points();
  std::string out = (p.basis_points() < 0 ? "-" : "") + integer(bp / 100);
  const std::int64_t fraction = bp % 100;
  if (fraction != 0) {
    out += "," + two_digits(fraction);
    if (fraction % 10 == 0) out.pop_back();
  }
  return out + kNbsp + "%";
}

namespace {

// Whether `text` holds a character typography() acts on: the high punctuation, the straight apostrophe,
// the guillemets. Spaces change only next to those, so a text without any comes back as it is.
bool needs_typography(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    switch (text[i]) {
      case ':':
      case ';':
      case '!':
      case '?':
      case '\'':
        return true;
      case '\xC2':  // « is C2 AB, » is C2 BB
        if (i + 1 < text.size() && (text[i + 1] == '\xAB' || text[i + 1] == '\xBB')) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

bool is_private_use(char32_t c) { return c >= 0xE000 && c <= 0xF8FF; }

// `s` with typography applied; `starts`, when given, receives for each index of `s` (and its end) where its
// output begins, so that the caller can put back what it took out.
std::u32string typography_of(const std::u32string& s, std::vector<std::size_t>* starts) {
  const std::vector<bool> keep = protected_mask(s);
  std::u32string out;
  out.reserve(s.size() + s.size() / 8);
  const auto last = [&]() -> char32_t { return out.empty() ? U'\0' : out.back(); };
  if (starts != nullptr) starts->assign(s.size() + 1, 0);
  // A run of spaces is handled at once: its other indices begin where the run's output does.
  const auto mark_run = [&](std::size_t from, std::size_t to, std::size_t at) {
    if (starts != nullptr) {
      for (std::size_t k = from; k < to; ++k) (*starts)[k] = at;
    }
  };

  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (starts != nullptr) (*starts)[i] = out.size();
    if (keep[i]) {
      out += c;
      continue;
    }
    if (c == U' ' || c == kNbspCp) {
      // A run of ordinary spaces (or one no-break space) next to a high punctuation mark or a guillemet
      // becomes the right no-break space.
      std::size_t j = i;
      while (j < s.size() && (s[j] == U' ' || s[j] == kNbspCp)) ++j;
      const char32_t next = j < s.size() ? s[j] : U'\0';
      const bool after_word = !out.empty() && !is_space(last());
      const bool next_is_free = j < s.size() && !keep[j];
      mark_run(i + 1, j, out.size());
      if (last() == U'«' && j < s.size()) {
        out += kNarrowNbspCp;
        i = j - 1;
      } else if (after_word && next_is_free && (next == U';' || next == U'!' || next == U'?' || next == U'»')) {
        out += kNarrowNbspCp;
        i = j - 1;
      } else if (after_word && next_is_free && next == U':') {
        out += kNbspCp;
        i = j - 1;
      } else {
        out.append(s, i, j - i);
        i = j - 1;
      }
      continue;
    }
    switch (c) {
      case U':':
        if (ends_word(last()) && after_punctuation(s, i + 1)) out += kNbspCp;
        break;
      case U';':
        if (ends_word(last()) && after_punctuation(s, i + 1) && !ends_entity(out)) out += kNarrowNbspCp;
        break;
      case U'!':
      case U'?':
        if (ends_word(last()) && after_punctuation(s, i + 1)) out += kNarrowNbspCp;
        break;
      case U'»':
        if (!out.empty() && !is_space(last())) out += kNarrowNbspCp;
        break;
      case U'\'':
        if (is_letter(last()) && i + 1 < s.size() && is_letter(s[i + 1])) {
          out += U'’';
          continue;
        }
        break;
      default:
        break;
    }
    out += c;
    if (c == U'«' && i + 1 < s.size() && !is_space(s[i + 1])) out += kNarrowNbspCp;
  }
  if (starts != nullptr) starts->back() = out.size();
  return out;
}

std::string typography_of(std::string_view text) {
  const auto decoded = text::decode_utf8(text);
  if (!decoded) return std::string(text);  // invalid input is the validator's to report, not ours to mangle
  const std::u32string& s = *decoded;
  // Private-use characters are the caller's markers (where a value starts and ends): typography sees
  // through them, and they come back at the same place among the characters around them.
  std::u32string visible;
  std::vector<std::pair<std::size_t, char32_t>> markers;  // index in `visible`, marker
  for (const char32_t c : s) {
    if (is_private_use(c)) {
      markers.emplace_back(visible.size(), c);
    } else {
      visible += c;
    }
  }
  if (markers.empty()) return text::encode_utf8(typography_of(s, nullptr));
  std::vector<std::size_t> starts;
  const std::u32string typed = typography_of(visible, &starts);
  std::u32string out;
  out.reserve(typed.size() + markers.size());
  std::size_t copied = 0;
  for (const auto& [index, marker] : markers) {
    const std::size_t at = starts[index];
    out.append(typed, copied, at - copied);
    copied = at;
    out += marker;
  }
  out.append(typed, copied, std::u32string::npos);
  return text::encode_utf8(out);
}

}  // namespace

std::string typography(std::string_view text) {
  // Most spans of a letter have nothing to change: they are not decoded and encoded again. The others are
  // mostly the templates' own sentences, the same in every letter: each thread keeps their result.
  if (!needs_typography(text)) return std::string(text);
  constexpr std::size_t kCacheLimit = 4096;
  constexpr std::size_t kLongestCached = 2048;
  thread_local std::unordered_map<std::string, std::string> cache;
  if (text.size() > kLongestCached) return typography_of(text);
  std::string key(text);
  const auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  std::string result = typography_of(text);
  if (cache.size() >= kCacheLimit) cache.clear();
  cache.emplace(std::move(key), result);
  return result;
}

}  // namespace aap::fr
