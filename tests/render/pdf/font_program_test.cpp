// Per-document font subsets checked with an independent reader (fontTools) and against the glyph tables.
#include "test_paths.hpp"
#include "render/pdf/font_program.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <zlib.h>

#include <thread>
#include <vector>

#include "render/pdf/font_metrics.hpp"

namespace aap::render {
namespace {

namespace fs = std::filesystem;

// What a PDF reader does with a /FlateDecode stream, done by zlib, not by the library that compressed it.
std::string inflate_with_zlib(const std::string& compressed, std::size_t size) {
  std::string out(size, '\0');
  uLongf length = static_cast<uLongf>(out.size());
  const int status = uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                                reinterpret_cast<const Bytef*>(compressed.data()), static_cast<uLong>(compressed.size()));
  if (status != Z_OK) return "<inflate error " + std::to_string(status) + ">";
  out.resize(length);
  return out;
}

TEST(Deflate, StreamsInflateBackWithZlibAtEveryLevel) {
  std::string content;
  for (int i = 0; i < 5000; ++i) content += "1 0 0 1 56.693 " + std::to_string(790 - i % 700) + " Tm (\x01\x02) Tj\n";
  for (int level : {0, 1, 6, 9, 12}) {
    for (const std::string& input : {std::string(), std::string("q"), content}) {
      const std::string compressed = deflate_bytes(input, level);
      EXPECT_EQ(inflate_with_zlib(compressed, input.size()), input) << "level " << level;
      if (level > 0 && input.size() > 1000) {
        EXPECT_LT(compressed.size(), input.size() / 4) << level;
      }
    }
  }
  EXPECT_THROW(deflate_bytes("x", 13), std::invalid_argument);
}

// The letters compress their pages on --jobs threads at once: each thread has its own compressor.
TEST(Deflate, ThreadsCompressingAtOnceGetTheSameBytes) {
  std::string page;
  for (int i = 0; i < 2000; ++i) page += "BT /F0 10 Tf 1 0 0 1 " + std::to_string(i) + " 700 Tm (ab) Tj ET\n";
  const std::string expected = deflate_bytes(page, 1);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < results.size(); ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) results[t] = deflate_bytes(page, 1);
    });
  for (std::thread& t : threads) t.join();
  for (const std::string& r : results) EXPECT_EQ(r, expected);
}

std::string run(const std::string& command) {
  std::string output;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return output;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  pclose(pipe);
  return output;
}

const FontFace& regular() { return FontMetrics::liberation_sans().face(Face::regular); }

std::vector<bool> glyphs_of(const std::u32string& text) {
  std::vector<bool> used(regular().glyph_advance.size(), false);
  for (char32_t c : text) used[regular().glyph_id[c]] = true;
  return used;
}

/// For each code point, whether the subset in `path` still has an outline for its glyph (fontTools).
std::string outlines(const std::string& path, const std::string& chars) {
  return run(std::string(AAP_PYTHON) + " -c \"import sys; from fontTools.ttLib import TTFont; "
             "f = TTFont(sys.argv[1], checkChecksums=2); g = f['glyf']; cmap = f.getBestCmap(); "
             "print(' '.join(c + ('=1' if g[cmap[ord(c)]].numberOfContours != 0 else '=0') for c in sys.argv[2]))\" " +
             path + " " + chars);
}

class FontProgram : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("aap-font-test-" + std::to_string(getpid()) + ".ttf")).string();
  }
  void TearDown() override { fs::remove(path_); }
  std::string path_;
};

TEST_F(FontProgram, SubsetKeepsTheUsedOutlinesAndTheComponentsOfAccentedLetters) {
  // 'é' is a composite of 'e' and the acute accent: both outlines must stay although only 'é' is drawn.
  const std::string subset = subset_program(embedded_program(*regular().embedded), glyphs_of(U"é€a"));
  std::ofstream(path_, std::ios::binary) << subset;
  EXPECT_EQ(outlines(path_, "éea€zZ"), "é=1 e=1 a=1 €=1 z=0 Z=0\n");
}

TEST_F(FontProgram, SubsetKeepsGlyphIdsAndValidChecksums) {
  const std::string& full = embedded_program(*regular().embedded);
  const std::string subset = subset_program(full, glyphs_of(U"Œuvre"));
  EXPECT_LT(subset.size(), full.size() / 4);
  std::ofstream(path_, std::ios::binary) << subset;
  // checkChecksums=2 makes fontTools refuse a table whose checksum is wrong; the ids are the full program's.
  const std::string id = run(std::string(AAP_PYTHON) +
                             " -c \"import sys; from fontTools.ttLib import TTFont; f = TTFont(sys.argv[1], "
                             "checkChecksums=2); f['glyf']; print(f.getGlyphID(f.getBestCmap()[0x152]))\" " + path_);
  EXPECT_EQ(id, std::to_string(regular().glyph_id[0x152]) + "\n");
}

TEST(FontTables, AdvancesAreTheFontUnitsScaledToThousandths) {
  // Liberation Sans: 'a' advances 1139 units of 2048 to the em, the no-break space as much as a space.
  EXPECT_FLOAT_EQ(regular().advance['a'], 1139.0F * 1000.0F / 2048.0F);
  EXPECT_EQ(regular().advance[0x00A0], regular().advance[' ']);
  EXPECT_EQ(regular().glyph_advance[regular().glyph_id['a']], regular().advance['a']);
  EXPECT_EQ(regular().glyph_unicode[regular().glyph_id[0x20AC]], U'€');
}

TEST(FontTables, CharactersOutsideTheFixedSetCannotBePrinted) {
  EXPECT_GE(regular().advance[0x0153], 0);  // œ
  EXPECT_GE(regular().advance[0x0219], 0);  // ș, Romanian
  EXPECT_LT(regular().advance[0x4E2D], 0);  // 中
  EXPECT_LT(regular().advance[0x0416], 0);  // Ж: Liberation has it, the documents' set does not
}

}  // namespace
}  // namespace aap::render
