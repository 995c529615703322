// A single-pass scan of JSON text recording the line of every field path (see locator.hpp).
#include "json/locator.hpp"
#include "text/utf8.hpp"

#include <cstdint>
#include <unordered_set>

namespace aap::json {

namespace {

constexpr std::size_t kMaxTrackedDepth = 32;

struct Frame {
  bool object = false;
  std::string path;
  bool expecting_key = true;  // objects: after '{' or ','
  std::string pending;        // objects: path of the member whose key was just read
  int index = 0;              // arrays: the next element's index
  std::unordered_set<std::string> keys;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  out += text::encode_utf8(std::u32string(1, static_cast<char32_t>(cp)));
}

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  int line() const { return line_; }

  void advance() {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }

  /// Reads a string starting at '"', decoding its escapes as nlohmann does, so that keys compare equal
  /// to nlohmann's. Stops at the closing quote or the end of the text.
  std::string read_string() {
    std::string out;
    advance();  // the opening quote
    while (!at_end() && peek() != '"') {
      if (peek() != '\\') {
        out += peek();
        advance();
        continue;
      }
      advance();
      if (at_end()) break;
      const char e = peek();
      advance();
      switch (e) {
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = read_hex4();
          if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 1 < text_.size() && text_[pos_] == '\\' &&
              text_[pos_ + 1] == 'u') {
            advance();
            advance();
            const std::uint32_t low = read_hex4();
            if (low >= 0xDC00 && low <= 0xDFFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default: out += e; break;  // '"', '\\', '/'
      }
    }
    if (!at_end()) advance();  // the closing quote
    return out;
  }

  void skip_scalar() {
    while (!at_end()) {
      const char c = peek();
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ':' || c == '{' ||
          c == '}' || c == '[' || c == ']' || c == '"') {
        return;
      }
      advance();
    }
  }

 private:
  std::uint32_t read_hex4() {
    std::uint32_t v = 0;
    for (int k = 0; k < 4 && !at_end(); ++k) {
      const int h = hex_value(peek());
      if (h < 0) break;
      v = v * 16 + static_cast<std::uint32_t>(h);
      advance();
    }
    return v;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

JsonLocator::JsonLocator(std::string_view text) {
  Scanner s(text);
  // Explicit stack rather than recursion: deeply nested hostile input must not overflow the call stack.
  std::vector<Frame> stack;

  // The path of a value starting now; array elements are recorded here, object members at their key.
  auto begin_value = [&]() -> std::string {
    if (stack.empty()) {
      lines_.emplace("", s.line());
      return "";
    }
    Frame& top = stack.back();
    if (top.object) return top.pending;
    std::string path = top.path + "[" + std::to_string(top.index++) + "]";
    lines_.emplace(path, s.line());
    return path;
  };

  // Deeper than any field of ours: not recorded, since every path would repeat its parents' (quadratic).
  int untracked_depth = 0;

  while (!s.at_end()) {
    const char c = s.peek();
    if (untracked_depth > 0) {
      if (c == '"') {
        s.read_string();
        continue;
      }
      if (c == '{' || c == '[') ++untracked_depth;
      if (c == '}' || c == ']') --untracked_depth;
      s.advance();
      continue;
    }
    switch (c) {
      case ' ': case '\t': case '\n': case '\r': case ':':
        s.advance();
        break;
      case ',':
        if (!stack.empty() && stack.back().object) stack.back().expecting_key = true;
        s.advance();
        break;
      case '{':
      case '[': {
        if (stack.size() >= kMaxTrackedDepth) {
          untracked_depth = 1;
          s.advance();
          break;
        }
        Frame frame;
        frame.object = c == '{';
        frame.path = begin_value();
        stack.push_back(std::move(frame));
        s.advance();
        break;
      }
      case '}':
      case ']':
        if (!stack.empty()) stack.pop_back();
        s.advance();
        break;
      case '"': {
        if (!stack.empty() && stack.back().object && stack.back().expecting_key) {
          Frame& top = stack.back();
          const int line = s.line();
          const std::string key = s.read_string();
          std::string path = top.path.empty() ? key : top.path + "." + key;
          if (!top.keys.insert(key).second) {
            duplicates_.push_back({path, line});
          } else {
            lines_.emplace(path, line);
          }
          top.pending = std::move(path);
          top.expecting_key = false;
        } else {
          begin_value();
          s.read_string();
        }
        break;
      }
      default:
        begin_value();
        s.skip_scalar();
        break;
    }
  }
}

int JsonLocator::line_of(std::string_view path) const {
  const auto it = lines_.find(std::string(path));
  return it == lines_.end() ? 0 : it->second;
}

int JsonLocator::line_of_nearest(std::string_view path) const {
  std::string p(path);
  while (true) {
    if (const int line = line_of(p); line > 0) return line;
    if (p.empty()) return 0;
    p = parent_path(p);
  }
}

std::string parent_path(std::string_view path) {
  if (!path.empty() && path.back() == ']') {
    const auto open = path.rfind('[');
    return std::string(path.substr(0, open == std::string_view::npos ? 0 : open));
  }
  const auto dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string() : std::string(path.substr(0, dot));
}

}  // namespace aap::json
