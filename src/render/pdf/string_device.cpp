// PoDoFo's output into a std::string, with its integer tokens formatted without the C library's printf.
#include "render/pdf/string_device.hpp"

#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace aap::render {

namespace detail {

namespace {

enum class Length { none, hh, h, l, ll, z, j };

struct Conversion {
  bool left = false;  // '-'
  bool zero = false;  // '0'
  int width = 0;
  int precision = -1;
  Length length = Length::none;
  char type = 0;  // d i u x X c s %
};

/// Reads the conversion that starts after a '%' at `p`; advances `p` past it. False for what this
/// formatter does not do (then the caller hands the whole format to vsnprintf).
bool parse_conversion(const char*& p, Conversion& c) {
  for (;; ++p) {
    if (*p == '-') c.left = true;
    else if (*p == '0') c.zero = true;
    else break;
  }
  for (; *p >= '0' && *p <= '9'; ++p) {
    c.width = c.width * 10 + (*p - '0');
    if (c.width > 4096) return false;
  }
  if (*p == '.') {
    ++p;
    c.precision = 0;
    for (; *p >= '0' && *p <= '9'; ++p) {
      c.precision = c.precision * 10 + (*p - '0');
      if (c.precision > 4096) return false;
    }
  }
  if (*p == 'h') {
    ++p;
    c.length = Length::h;
    if (*p == 'h') ++p, c.length = Length::hh;
  } else if (*p == 'l') {
    ++p;
    c.length = Length::l;
    if (*p == 'l') ++p, c.length = Length::ll;
  } else if (*p == 'z') {
    ++p, c.length = Length::z;
  } else if (*p == 'j') {
    ++p, c.length = Length::j;
  }
  c.type = *p;
  if (c.type == '\0') return false;
  ++p;
  switch (c.type) {
    case 'd': case 'i': case 'u': case 'x': case 'X':
      return true;
    case 'c': case 's':  // '0' with them is undefined; lengths would mean wide characters
      return !c.zero && c.length == Length::none && (c.type == 's' || c.precision < 0);
    case '%':
      return !c.left && !c.zero && c.width == 0 && c.precision < 0 && c.length == Length::none;
    default:
      return false;
  }
}

void pad(std::string& out, std::size_t count, char with) { out.append(count, with); }

/// `text` within the conversion's width.
void put_field(std::string& out, const Conversion& c, const char* text, std::size_t length) {
  const std::size_t width = static_cast<std::size_t>(c.width);
  if (!c.left && width > length) pad(out, width - length, ' ');
  out.append(text, length);
  if (c.left && width > length) pad(out, width - length, ' ');
}

void put_integer(std::string& out, const Conversion& c, bool negative, unsigned long long magnitude) {
  char digits[24];
  std::size_t n = 0;
  const bool hex = c.type == 'x' || c.type == 'X';
  const char* alphabet = c.type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  while (magnitude != 0) {
    digits[n++] = alphabet[hex ? magnitude % 16 : magnitude % 10];
    magnitude = hex ? magnitude / 16 : magnitude / 10;
  }
  // Precision: the least number of digits (zero printed as no digit at all for precision 0).
  const std::size_t least = c.precision < 0 ? 1 : static_cast<std::size_t>(c.precision);
  const std::size_t zeros = least > n ? least - n : 0;
  const std::size_t body = (negative ? 1 : 0) + zeros + n;
  const std::size_t width = static_cast<std::size_t>(c.width);
  const bool zero_fill = c.zero && !c.left && c.precision < 0;
  if (!c.left && !zero_fill && width > body) pad(out, width - body, ' ');
  if (negative) out += '-';
  if (zero_fill && width > body) pad(out, width - body, '0');
  pad(out, zeros, '0');
  while (n != 0) out += digits[--n];
  if (c.left && width > body) pad(out, width - body, ' ');
}

bool is_signed(char type) { return type == 'd' || type == 'i'; }

void put_conversion(std::string& out, const Conversion& c, va_list& args) {
  switch (c.type) {
    case '%':
      out += '%';
      return;
    case 'c': {
      const char ch = static_cast<char>(static_cast<unsigned char>(va_arg(args, int)));
      put_field(out, c, &ch, 1);
      return;
    }
    case 's': {
      const char* s = va_arg(args, const char*);
      if (s == nullptr) s = c.precision < 0 || c.precision >= 6 ? "(null)" : "";
      const std::size_t length =
          c.precision < 0 ? std::strlen(s) : ::strnlen(s, static_cast<std::size_t>(c.precision));
      put_field(out, c, s, length);
      return;
    }
    default:
      break;
  }
  if (is_signed(c.type)) {
    long long v = 0;
    switch (c.length) {
      case Length::none: v = va_arg(args, int); break;
      case Length::hh: v = static_cast<signed char>(va_arg(args, int)); break;
      case Length::h: v = static_cast<short>(va_arg(args, int)); break;
      case Length::l: v = va_arg(args, long); break;
      case Length::ll: v = va_arg(args, long long); break;
      case Length::z: v = static_cast<long long>(va_arg(args, std::size_t)); break;
      case Length::j: v = static_cast<long long>(va_arg(args, std::intmax_t)); break;
    }
    const unsigned long long magnitude =
        v < 0 ? 0ULL - static_cast<unsigned long long>(v) : static_cast<unsigned long long>(v);
    put_integer(out, c, v < 0, magnitude);
    return;
  }
  unsigned long long v = 0;
  switch (c.length) {
    case Length::none: v = va_arg(args, unsigned); break;
    case Length::hh: v = static_cast<unsigned char>(va_arg(args, unsigned)); break;
    case Length::h: v = static_cast<unsigned short>(va_arg(args, unsigned)); break;
    case Length::l: v = va_arg(args, unsigned long); break;
    case Length::ll: v = va_arg(args, unsigned long long); break;
    case Length::z: v = va_arg(args, std::size_t); break;
    case Length::j: v = static_cast<unsigned long long>(va_arg(args, std::uintmax_t)); break;
  }
  put_integer(out, c, false, v);
}

}  // namespace

bool append_printf(std::string& out, const char* format, va_list args) {
  if (format == nullptr) return false;
  // Checked whole before any argument is read: an unknown conversion leaves `args` untouched.
  for (const char* p = format; *p != '\0';) {
    if (*p++ != '%') continue;
    Conversion c;
    if (!parse_conversion(p, c)) return false;
  }
  va_list copy;
  va_copy(copy, args);
  for (const char* p = format; *p != '\0';) {
    const char* text = p;
    while (*p != '\0' && *p != '%') ++p;
    out.append(text, static_cast<std::size_t>(p - text));
    if (*p == '\0') break;
    ++p;
    Conversion c;
    parse_conversion(p, c);
    put_conversion(out, c, copy);
  }
  va_end(copy);
  return true;
}

}  // namespace detail

StringOutputDevice::StringOutputDevice(std::string& out, std::size_t expected_size) : out_(out) {
  out_.clear();
  out_.reserve(expected_size);
}

void StringOutputDevice::put(const char* data, std::size_t length) {
  if (position_ == out_.size()) {
    out_.append(data, length);
  } else {  // after a Seek back: overwrite, then extend
    const std::size_t over = std::min(length, out_.size() - position_);
    out_.replace(position_, over, data, over);
    out_.append(data + over, length - over);
  }
  position_ += length;
}

void StringOutputDevice::Print(const char* format, ...) {
  va_list args;
  va_start(args, format);
  try {
    if (position_ == out_.size()) {
      if (detail::append_printf(out_, format, args)) {
        position_ = out_.size();
        va_end(args);
        return;
      }
    }
    va_list measure;
    va_copy(measure, args);
    const int bytes = std::vsnprintf(nullptr, 0, format, measure);
    va_end(measure);
    if (bytes < 0) throw std::runtime_error("PDF : format d’écriture invalide");
    PrintV(format, bytes, args);
  } catch (...) {
    va_end(args);
    throw;
  }
  va_end(args);
}

void StringOutputDevice::PrintV(const char* format, long bytes, va_list args) {
  if (bytes < 0) throw std::runtime_error("PDF : format d’écriture invalide");
  std::string text(static_cast<std::size_t>(bytes) + 1, '\0');
  std::vsnprintf(text.data(), text.size(), format, args);
  put(text.data(), static_cast<std::size_t>(bytes));
}

void StringOutputDevice::Write(const char* data, std::size_t length) { put(data, length); }

std::size_t StringOutputDevice::Read(char* data, std::size_t length) {
  const std::size_t n = position_ < out_.size() ? std::min(length, out_.size() - position_) : 0;
  std::memcpy(data, out_.data() + position_, n);
  position_ += n;
  return n;
}

void StringOutputDevice::Seek(std::size_t offset) {
  if (offset > out_.size()) throw std::out_of_range("PDF : position hors du fichier");
  position_ = offset;
}

}  // namespace aap::render
