// The font tables compiled in do not depend on when aap was built: two builds embed the same bytes.
#include "test_paths.hpp"
#include "render/pdf/font_tables.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>

#include "support/process.hpp"

namespace aap::render {
namespace {
namespace fs = std::filesystem;
using test::run_process;
using test::slurp;
using test::TempDir;

std::uint32_t be32(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) value = (value << 8) | static_cast<unsigned char>(bytes.at(at + i));
  return value;
}

// The 8 bytes of head.modified (seconds since 1904), read from the TrueType table directory.
std::string head_modified(const std::string& font) {
  const std::size_t tables = (static_cast<unsigned char>(font.at(4)) << 8) | static_cast<unsigned char>(font.at(5));
  for (std::size_t i = 0; i < tables; ++i) {
    const std::size_t record = 12 + 16 * i;
    if (font.substr(record, 4) == "head") return font.substr(be32(font, record + 8) + 28, 8);
  }
  return "<no head table>";
}

std::string program_of(const EmbeddedFace& face) {
  std::string out(face.program_length, '\0');
  uLongf length = static_cast<uLongf>(out.size());
  EXPECT_EQ(uncompress(reinterpret_cast<Bytef*>(out.data()), &length, face.program,
                       static_cast<uLong>(face.program_size)),
            Z_OK);
  out.resize(length);
  return out;
}

// fontTools stamps the time of saving into head.modified unless told not to.
TEST(FontTables, EachSubsetKeepsTheTimestampOfItsSourceFont) {
  const char* files[] = {"LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
                         "LiberationSans-BoldItalic.ttf"};
  for (std::size_t i = 0; i < 4; ++i) {
    const std::string source = slurp(fs::path(AAP_FONT_DIR) / files[i]);
    ASSERT_FALSE(source.empty()) << files[i];
    EXPECT_EQ(head_modified(program_of(embedded_faces()[i])), head_modified(source)) << files[i];
  }
}

TEST(FontTables, TheGeneratorRunTwiceWritesTheSameBytes) {
  TempDir tmp;
  const auto generate = [&](const char* name) {
    const auto r = run_process({AAP_PYTHON, std::string(AAP_SOURCE_DIR) + "/src/render/pdf/make_font_tables.py",
                                AAP_FONT_DIR, (tmp / name).string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return slurp(tmp / name);
  };
  const std::string first = generate("a.cpp");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // head.modified counts seconds
  const std::string second = generate("b.cpp");
  ASSERT_GT(first.size(), 100000u);
  EXPECT_TRUE(first == second) << "the generated font tables differ between two runs";
}

}  // namespace
}  // namespace aap::render
