// Per-document TrueType subsets: the build-time program with the outlines a document does not draw removed.
#include "render/pdf/font_program.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <mutex>
#include <stdexcept>


namespace aap::render {

namespace {

std::uint32_t read_u32(std::string_view s, std::size_t at) {
  if (at + 4 > s.size()) throw std::runtime_error("programme de police tronqué");
  return (std::uint32_t{static_cast<unsigned char>(s[at])} << 24) |
         (std::uint32_t{static_cast<unsigned char>(s[at + 1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(s[at + 2])} << 8) | std::uint32_t{static_cast<unsigned char>(s[at + 3])};
}

std::uint16_t read_u16(std::string_view s, std::size_t at) {
  if (at + 2 > s.size()) throw std::runtime_error("programme de police tronqué");
  return static_cast<std::uint16_t>((static_cast<unsigned char>(s[at]) << 8) | static_cast<unsigned char>(s[at + 1]));
}

void put_u32(std::string& s, std::size_t at, std::uint32_t v) {
  s[at] = static_cast<char>(v >> 24);
  s[at + 1] = static_cast<char>(v >> 16);
  s[at + 2] = static_cast<char>(v >> 8);
  s[at + 3] = static_cast<char>(v);
}

void append_u32(std::string& s, std::uint32_t v) {
  s.append(4, '\0');
  put_u32(s, s.size() - 4, v);
}

void append_u16(std::string& s, std::uint16_t v) {
  s.push_back(static_cast<char>(v >> 8));
  s.push_back(static_cast<char>(v));
}

/// The OpenType table checksum: the sum of big-endian 32-bit words, the last one zero-padded.
std::uint32_t checksum(std::string_view data) {
  std::uint32_t sum = 0;
  std::size_t i = 0;
  for (; i + 4 <= data.size(); i += 4) sum += read_u32(data, i);
  if (i < data.size()) {
    std::array<char, 4> last{};
    for (std::size_t k = 0; i + k < data.size(); ++k) last[k] = data[i + k];
    sum += read_u32(std::string_view(last.data(), 4), 0);
  }
  return sum;
}

struct Table {
  std::uint32_t tag = 0;
  std::string_view data;
};

constexpr std::uint32_t tag(const char (&t)[5]) {
  return (std::uint32_t{static_cast<unsigned char>(t[0])} << 24) | (std::uint32_t{static_cast<unsigned char>(t[1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(t[2])} << 8) | std::uint32_t{static_cast<unsigned char>(t[3])};
}

// Composite glyph flags (OpenType 'glyf').
constexpr std::uint16_t kArgsAreWords = 0x0001;
constexpr std::uint16_t kHaveScale = 0x0008;
constexpr std::uint16_t kMoreComponents = 0x0020;
constexpr std::uint16_t kHaveXYScale = 0x0040;
constexpr std::uint16_t kHaveTwoByTwo = 0x0080;

/// Adds the components of composite glyph `id` (and theirs) to `keep`.
void add_components(std::string_view glyph, std::vector<bool>& keep, const std::vector<std::uint32_t>& offsets,
                    std::string_view glyf) {
  if (glyph.size() < 10 || static_cast<std::int16_t>(read_u16(glyph, 0)) >= 0) return;
  std::size_t at = 10;
  for (;;) {
    const std::uint16_t flags = read_u16(glyph, at);
    const std::uint16_t component = read_u16(glyph, at + 2);
    at += 4 + ((flags & kArgsAreWords) != 0 ? 4 : 2);
    if ((flags & kHaveScale) != 0) at += 2;
    else if ((flags & kHaveXYScale) != 0) at += 4;
    else if ((flags & kHaveTwoByTwo) != 0) at += 8;
    if (component + 1U < offsets.size() && !keep[component]) {
      keep[component] = true;
      add_components(glyf.substr(offsets[component], offsets[component + 1U] - offsets[component]), keep, offsets,
                     glyf);
    }
    if ((flags & kMoreComponents) == 0) break;
  }
}

}  // namespace

const std::string& embedded_program(const EmbeddedFace& face) {
  static std::array<std::string, 4> programs;
  static std::array<std::once_flag, 4> once;
  const auto& faces = embedded_faces();
  const auto index = static_cast<std::size_t>(&face - faces.data());
  if (index >= faces.size()) throw std::logic_error("embedded_program: face hors de la table");
  std::call_once(once[index], [&] {
    std::string out(face.program_length, '\0');
    uLongf length = static_cast<uLongf>(out.size());
    if (uncompress(reinterpret_cast<Bytef*>(out.data()), &length, face.program, static_cast<uLong>(face.program_size)) !=
            Z_OK ||
        length != out.size()) {
      throw std::runtime_error(std::string("programme de police illisible : ") + face.base_name);
    }
    programs[index] = std::move(out);
  });
  return programs[index];
}

std::string subset_program(std::string_view program, const std::vector<bool>& used) {
  const std::uint16_t table_count = read_u16(program, 4);
  std::vector<Table> tables;
  std::string_view head, loca, glyf, maxp;
  for (std::size_t i = 0; i < table_count; ++i) {
    const std::size_t record = 12 + 16 * i;
    Table t;
    t.tag = read_u32(program, record);
    const std::uint32_t offset = read_u32(program, record + 8);
    const std::uint32_t length = read_u32(program, record + 12);
    if (std::size_t{offset} + length > program.size()) throw std::runtime_error("programme de police tronqué");
    t.data = program.substr(offset, length);
    if (t.tag == tag("head")) head = t.data;
    if (t.tag == tag("loca")) loca = t.data;
    if (t.tag == tag("glyf")) glyf = t.data;
    if (t.tag == tag("maxp")) maxp = t.data;
    tables.push_back(t);
  }
  if (head.size() < 54 || maxp.size() < 6 || loca.empty()) throw std::runtime_error("programme de police incomplet");
  const bool long_offsets = read_u16(head, 50) != 0;
  const std::size_t glyph_count = read_u16(maxp, 4);
  std::vector<std::uint32_t> offsets(glyph_count + 1);
  for (std::size_t i = 0; i <= glyph_count; ++i) {
    offsets[i] = long_offsets ? read_u32(loca, 4 * i) : 2U * read_u16(loca, 2 * i);
    if (offsets[i] > glyf.size() || (i > 0 && offsets[i] < offsets[i - 1]))
      throw std::runtime_error("programme de police : table loca incohérente");
  }
  std::vector<bool> keep(glyph_count, false);
  keep[0] = true;
  for (std::size_t id = 0; id < glyph_count && id < used.size(); ++id) keep[id] = keep[id] || used[id];
  for (std::size_t id = 0; id < glyph_count; ++id) {
    if (keep[id]) add_components(glyf.substr(offsets[id], offsets[id + 1] - offsets[id]), keep, offsets, glyf);
  }

  // Kept glyphs at their place, the others empty: ids do not move. Lengths stay even, as the short loca needs.
  std::string new_glyf;
  std::string new_loca;
  new_glyf.reserve(glyf.size());
  new_loca.reserve(loca.size());
  for (std::size_t id = 0; id <= glyph_count; ++id) {
    const auto at = static_cast<std::uint32_t>(new_glyf.size());
    if (long_offsets) append_u32(new_loca, at);
    else append_u16(new_loca, static_cast<std::uint16_t>(at / 2));
    if (id < glyph_count && keep[id]) new_glyf.append(glyf.substr(offsets[id], offsets[id + 1] - offsets[id]));
  }

  std::string out;
  out.append(program.substr(0, 12));
  const std::size_t directory = out.size();
  out.append(16 * tables.size(), '\0');
  std::size_t head_at = 0;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    std::string_view data = tables[i].data;
    if (tables[i].tag == tag("glyf")) data = new_glyf;
    if (tables[i].tag == tag("loca")) data = new_loca;
    const auto offset = static_cast<std::uint32_t>(out.size());
    if (tables[i].tag == tag("head")) {
      head_at = out.size();
      out.append(data);
      put_u32(out, head_at + 8, 0);  // checkSumAdjustment is computed over the file with it zero
      data = std::string_view(out).substr(head_at, data.size());
    } else {
      out.append(data);
    }
    const std::size_t record = directory + 16 * i;
    put_u32(out, record, tables[i].tag);
    put_u32(out, record + 4, checksum(std::string_view(out).substr(offset, data.size())));
    put_u32(out, record + 8, offset);
    put_u32(out, record + 12, static_cast<std::uint32_t>(data.size()));
    out.append((4 - out.size() % 4) % 4, '\0');
  }
  put_u32(out, head_at + 8, 0xB1B0AFBAU - checksum(out));
  return out;
}

std::string deflate_bytes(std::string_view bytes, int level) {
  // libdeflate compresses a whole buffer at once, about twice as fast as zlib at the same level and ratio;
  // a compressor holds its tables and is not to be shared between threads: one per thread and level.
  struct Compressor {
    libdeflate_compressor* handle = nullptr;
    ~Compressor() { libdeflate_free_compressor(handle); }
  };
  thread_local std::array<Compressor, 13> compressors;  // levels 0 to 12
  if (level < 0 || level > 12) throw std::invalid_argument("niveau de compression hors de 0–12");
  Compressor& c = compressors[static_cast<std::size_t>(level)];
  if (c.handle == nullptr) c.handle = libdeflate_alloc_compressor(level);
  if (c.handle == nullptr) throw std::runtime_error("compression impossible (mémoire insuffisante)");
  std::string out(libdeflate_zlib_compress_bound(c.handle, bytes.size()), '\0');
  const std::size_t written = libdeflate_zlib_compress(c.handle, bytes.data(), bytes.size(), out.data(), out.size());
  if (written == 0) throw std::runtime_error("compression impossible");
  out.resize(written);
  return out;
}

}  // namespace aap::render
