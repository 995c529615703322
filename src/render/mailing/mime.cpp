// Internet message pieces for the mailing: dates, headers, encoded words, transfer encodings.
#include "render/mailing/mime.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/utf8.hpp"

namespace aap::mail {
namespace {

constexpr const char* kHex = "0123456789ABCDEF";
constexpr std::size_t kMaxEncodedWordInPhrase = 75;  // RFC 2047 §2

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int weekday(int y, int m, int d) {  // 0 = Sunday
  const long days = days_from_civil(y, m, d);  // 1970-01-01 was a Thursday
  return static_cast<int>((days % 7 + 11) % 7);
}

int last_sunday(int year, int month) {
  const int last = 31;  // March and October both have 31 days
  return last - weekday(year, month, last);
}

bool is_atext(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

bool is_attr_char(char c) {  // RFC 2231 attribute-char, minus nothing that needs quoting
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos;
}

std::string hex_byte(unsigned char b, char lead) {
  return std::string{lead, kHex[b >> 4], kHex[b & 0xF]};
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    if (c == ' ') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool printable_ascii(std::string_view s) {
  for (char c : s)
    if (c < 0x20 || c > 0x7E) return false;
  return true;
}

}  // namespace

std::string rfc5322_date(Date d) {
  static const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  // EU summer time starts and ends at 01:00 UTC on the last Sunday of March and of October: at 09:00
  // local time, the last Sunday of March is already in summer time and that of October no longer.
  const Date start{d.year, 3, last_sunday(d.year, 3)};
  const Date end{d.year, 10, last_sunday(d.year, 10)};
  const bool summer = d >= start && d < end;
  std::string out = std::string(kDays[weekday(d.year, d.month, d.day)]) + ", " + std::to_string(d.day) + " " +
                    kMonths[d.month - 1] + " " + std::to_string(d.year) + " 09:00:00 " + (summer ? "+0200" : "+0100");
  return out;
}

std::vector<std::string> encoded_words(std::string_view utf8, std::size_t max_length) {
  const std::string prefix = "=?UTF-8?Q?";
  const std::size_t room = max_length - prefix.size() - 2;
  std::vector<std::string> words;
  std::string payload;
  std::size_t i = 0;
  while (i < utf8.size()) {
    // One whole character: its lead byte and continuation bytes.
    std::size_t n = 1;
    while (i + n < utf8.size() && (static_cast<unsigned char>(utf8[i + n]) & 0xC0) == 0x80) ++n;
    std::string encoded;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = utf8[i + k];
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        encoded += c;
      } else if (c == ' ') {
        encoded += '_';
      } else {
        encoded += hex_byte(static_cast<unsigned char>(c), '=');
      }
    }
    if (payload.size() + encoded.size() > room) {
      words.push_back(prefix + payload + "?=");
      payload.clear();
    }
    payload += encoded;
    i += n;
  }
  if (!payload.empty() || words.empty()) words.push_back(prefix + payload + "?=");
  return words;
}

std::vector<std::string> unstructured(std::string_view utf8) {
  // Printable ASCII that could not be mistaken for an encoded word stays readable as is.
  if (printable_ascii(utf8) && utf8.find("=?") == std::string_view::npos && !utf8.empty() && utf8.front() != ' ' &&
      utf8.back() != ' ' && utf8.find("  ") == std::string_view::npos)
    return split_words(utf8);
  return encoded_words(utf8);
}

std::vector<std::string> mailbox(std::string_view display_name, std::string_view address) {
  // Words made of atext stay atoms; each run of other words becomes one encoded word holding its inner
  // spaces. Whitespace between an atom and an encoded word is kept by every decoder, whereas between two
  // encoded words RFC 2047 drops it and some parsers (Python's) keep it: runs are split only when longer
  // than an encoded word may be.
  std::vector<std::string> tokens;
  const std::vector<std::string> words = split_words(display_name);
  std::size_t i = 0;
  while (i < words.size()) {
    bool atom = true;
    for (char c : words[i]) atom = atom && is_atext(c);
    if (atom) {
      tokens.push_back(words[i++]);
      continue;
    }
    std::string run = words[i++];
    while (i < words.size()) {
      bool next_atom = true;
      for (char c : words[i]) next_atom = next_atom && is_atext(c);
      if (next_atom) break;
      run += " " + words[i++];
    }
    for (std::string& w : encoded_words(run, kMaxEncodedWordInPhrase)) tokens.push_back(std::move(w));
  }
  tokens.push_back("<" + std::string(address) + ">");
  return tokens;
}

std::string header(std::string_view name, const std::vector<std::string>& tokens) {
  std::string out(name);
  out += ':';
  std::size_t column = out.size();
  for (const std::string& token : tokens) {
    if (column + 1 + token.size() > kMaxLine && column > 1) {
      out += "\r\n";
      column = 0;
    }
    out += ' ';
    out += token;
    column += 1 + token.size();
  }
  out += "\r\n";
  return out;
}

std::vector<std::string> parameter(std::string_view name, std::string_view value) {
  const bool quotable = printable_ascii(value) && value.find_first_of("\"\\") == std::string_view::npos;
  std::string quoted = std::string(name) + "=\"" + std::string(value) + "\"";
  if (quotable && quoted.size() + 2 <= kMaxLine) return {quoted};
  // RFC 2231 §3–4: percent-encoded UTF-8 in numbered sections, each on its own line.
  std::vector<std::string> encoded_units;
  for (char c : value)
    encoded_units.push_back(is_attr_char(c) ? std::string(1, c) : hex_byte(static_cast<unsigned char>(c), '%'));
  std::vector<std::string> tokens;
  std::string section;
  int index = 0;
  auto head = [&] { return std::string(name) + "*" + std::to_string(index) + "*=" + (index == 0 ? "UTF-8''" : ""); };
  section = head();
  for (const std::string& unit : encoded_units) {
    if (section.size() + unit.size() + 2 > kMaxLine - 1) {
      tokens.push_back(section + ";");
      ++index;
      section = head();
    }
    section += unit;
  }
  tokens.push_back(section);
  return tokens;
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  std::string line;
  auto flush_line = [&](bool hard) {
    out += line;
    out += hard ? "\r\n" : "=\r\n";
    line.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      flush_line(true);
      continue;
    }
    const bool line_end = i + 1 == text.size() || text[i + 1] == '\n';
    std::string unit;
    if ((c == ' ' || c == '\t') && !line_end) {
      unit = std::string(1, c);
    } else if (c >= 33 && c <= 126 && c != '=') {
      unit = std::string(1, c);
    } else {
      unit = hex_byte(static_cast<unsigned char>(c), '=');
    }
    // Room for the unit and, unless the line ends here, a soft-break "=": at most 76 characters a line.
    if (line.size() + unit.size() > (line_end ? 76u : 75u)) flush_line(false);
    line += unit;
  }
  if (!line.empty()) flush_line(true);
  return out;
}

void append_base64(std::string& out, std::string_view bytes) {
  // Two characters per 12 bits from one table of 4096 pairs: two lookups for three bytes. 57 bytes make a
  // line of 76 characters: whole lines are encoded without a check per character.
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  static const std::array<char, 8192> kPairs = [] {
    std::array<char, 8192> pairs{};
    for (std::size_t v = 0; v < 4096; ++v) {
      pairs[2 * v] = kAlphabet[v >> 6];
      pairs[2 * v + 1] = kAlphabet[v & 63];
    }
    return pairs;
  }();
  constexpr std::size_t kLineBytes = 57;
  const std::size_t lines = (bytes.size() + kLineBytes - 1) / kLineBytes;
  const std::size_t start_size = out.size();
  out.resize(start_size + (bytes.size() + 2) / 3 * 4 + lines * 2);
  char* o = out.data() + start_size;
  const auto* in = reinterpret_cast<const unsigned char*>(bytes.data());
  for (std::size_t start = 0; start < bytes.size(); start += kLineBytes) {
    const std::size_t end = std::min(bytes.size(), start + kLineBytes);
    std::size_t i = start;
    for (; i + 2 < end; i += 3) {
      const unsigned v = (unsigned{in[i]} << 16) | (unsigned{in[i + 1]} << 8) | unsigned{in[i + 2]};
      std::memcpy(o, &kPairs[2 * (v >> 12)], 2);
      std::memcpy(o + 2, &kPairs[2 * (v & 0xFFF)], 2);
      o += 4;
    }
    if (i < end) {  // the last 1 or 2 bytes of the input (57 is a multiple of 3: only on the last line)
      const bool two = i + 1 < end;
      const unsigned v = (unsigned{in[i]} << 16) | (two ? unsigned{in[i + 1]} << 8 : 0U);
      *o++ = kAlphabet[(v >> 18) & 63];
      *o++ = kAlphabet[(v >> 12) & 63];
      *o++ = two ? kAlphabet[(v >> 6) & 63] : '=';
      *o++ = '=';
    }
    *o++ = '\r';
    *o++ = '\n';
  }
}

std::string base64(std::string_view bytes) {
  std::string out;
  append_base64(out, bytes);
  return out;
}

std::string wrap(std::string_view paragraph, std::size_t width) {
  std::string out;
  std::size_t column = 0;
  for (const std::string& word : split_words(paragraph)) {
    const std::size_t length = text::code_points(word);
    if (column > 0 && column + 1 + length > width) {
      out += '\n';
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += length;
  }
  return out;
}

}  // namespace aap::mail
