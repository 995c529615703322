// A PDF file's objects as text, the cross-reference table and the trailer.
#include "render/pdf/object_file.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "text/utf8.hpp"

namespace aap::render::detail {

ObjectFile::ObjectFile() {
  text_.reserve(16384);
  entries_.reserve(160);
}

std::uint32_t ObjectFile::reserve() {
  entries_.emplace_back();
  return static_cast<std::uint32_t>(entries_.size());
}

std::string& ObjectFile::begin_object(std::uint32_t number) {
  if (open_ != 0 || number == 0 || number > entries_.size() || entries_[number - 1].given) {
    throw std::logic_error("ObjectFile::begin_object : objet " + std::to_string(number) + " déjà donné ou inconnu");
  }
  open_ = number;
  entries_[number - 1].begin = text_.size();
  return text_;
}

void ObjectFile::end_object(std::string_view data) {
  if (open_ == 0) throw std::logic_error("ObjectFile::end_object sans begin_object");
  Entry& e = entries_[open_ - 1];
  e.end = text_.size();
  e.stream = data;
  e.given = true;
  stream_bytes_ += data.size();
  open_ = 0;
}

std::string_view ObjectFile::keep(std::string bytes) {
  kept_.push_back(std::move(bytes));
  return kept_.back();
}

void ObjectFile::keep(std::shared_ptr<const void> owner) { owners_.push_back(std::move(owner)); }

std::string ObjectFile::write(std::uint32_t root, std::uint32_t info, std::string_view id) const {
  if (open_ != 0) throw std::logic_error("ObjectFile::write : objet non fermé");
  const std::size_t count = entries_.size();
  std::string out;
  // Per object: "N 0 obj\n", "\nendobj\n", a stream's keywords, 20 bytes of cross-reference.
  out.reserve(size() + count * 60 + 300);
  out += "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n";  // bytes above 127 tell transfer programs the file is binary
  std::vector<std::size_t> offsets(count);
  for (std::size_t i = 0; i < count; ++i) {
    const Entry& e = entries_[i];
    if (!e.given) throw std::logic_error("ObjectFile::write : objet " + std::to_string(i + 1) + " jamais donné");
    offsets[i] = out.size();
    std::array<char, 24> header{};
    char* end = std::to_chars(header.data(), header.data() + 10, i + 1).ptr;
    std::memcpy(end, " 0 obj\n", 7);
    out.append(header.data(), static_cast<std::size_t>(end - header.data()) + 7);
    out.append(text_, e.begin, e.end - e.begin);
    out += '\n';
    if (!e.stream.empty()) {
      out += "stream\n";
      out += e.stream;
      out += "\nendstream\n";
    }
    out += "endobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 ";
  append_uint(out, count + 1);
  out += "\n0000000000 65535 f \n";
  // Entries of exactly 20 bytes (7.5.4), filled in place: a letter has some 135 of them.
  std::size_t at = out.size();
  out.resize(at + 20 * offsets.size());
  for (std::size_t offset : offsets) {
    if (offset >= 10000000000ULL) throw std::length_error("PDF : fichier de plus de 10 Go");
    for (std::size_t k = 10; k-- > 0; offset /= 10) out[at + k] = static_cast<char>('0' + offset % 10);
    std::memcpy(&out[at + 10], " 00000 n \n", 10);
    at += 20;
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (const char c : id) {
    hex += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
    hex += kHex[static_cast<unsigned char>(c) & 0xF];
  }
  out += "trailer\n<<\n/ID [ <";
  out += hex;
  out += "> <";
  out += hex;
  out += "> ]\n/Info ";
  append_ref(out, info);
  out += "\n/Root ";
  append_ref(out, root);
  out += "\n/Size ";
  append_uint(out, count + 1);
  out += "\n>>\nstartxref\n";
  append_uint(out, xref);
  out += "\n%%EOF\n";
  return out;
}

void append_uint(std::string& out, std::uint64_t value) {
  std::array<char, 24> digits{};
  const auto [end, error] = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  (void)error;  // 24 digits hold any 64-bit value
  out.append(digits.data(), end);
}

// A letter's structure tree alone holds some 350 references: one append each, not two.
void append_ref(std::string& out, std::uint32_t number) {
  std::array<char, 16> text{};
  char* end = std::to_chars(text.data(), text.data() + 10, number).ptr;  // 10 digits hold any 32-bit value
  std::memcpy(end, " 0 R", 4);
  out.append(text.data(), static_cast<std::size_t>(end - text.data()) + 4);
}

void append_fixed(std::string& out, double value) {
  if (!std::isfinite(value) || std::fabs(value) > 1e12) throw std::logic_error("nombre hors format PDF");
  std::array<char, 48> digits{};
  const auto [end, error] =
      std::to_chars(digits.data(), digits.data() + digits.size(), value, std::chars_format::fixed, 6);
  if (error != std::errc()) throw std::logic_error("nombre hors format PDF");
  out.append(digits.data(), end);
}

namespace {

void append_escaped(std::string& out, char c) {
  switch (c) {
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '(': out += "\\("; return;
    case ')': out += "\\)"; return;
    case '\\': out += "\\\\"; return;
    default: out += c;
  }
}

void append_utf16_unit(std::string& out, std::uint32_t unit) {
  append_escaped(out, static_cast<char>((unit >> 8) & 0xFF));
  append_escaped(out, static_cast<char>(unit & 0xFF));
}

/// The code point starting at `text[i]`, advancing `i`; U+FFFD, one byte consumed, for what is not UTF-8.
std::uint32_t next_code_point(std::string_view text, std::size_t& i) {
  const aap::text::CodePointAt at = aap::text::decode_at(text, i);
  i += at.length == 0 ? 1 : at.length;
  return at.length == 0 ? 0xFFFD : at.value;
}

}  // namespace

void append_literal(std::string& out, std::string_view bytes) {
  out += '(';
  for (const char c : bytes) append_escaped(out, c);
  out += ')';
}

void append_text_string(std::string& out, std::string_view text) {
  out += '(';
  if (!text.empty()) out += "\xFE\xFF";
  for (std::size_t i = 0; i < text.size();) {
    const std::uint32_t cp = next_code_point(text, i);
    if (cp < 0x10000) {
      append_utf16_unit(out, cp);
    } else {
      append_utf16_unit(out, 0xD800 + ((cp - 0x10000) >> 10));
      append_utf16_unit(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
  out += ')';
}

}  // namespace aap::render::detail
