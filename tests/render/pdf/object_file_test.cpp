// The PDF file writer without PoDoFo: objects in number order whatever order they are given in, a
// cross-reference table that qpdf reads without reconstructing it, text strings that read back.
#include "render/pdf/object_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "support/process.hpp"

namespace aap::render::detail {
namespace {

using nlohmann::json;

/// A small file: catalog, page tree, one page whose content stream draws nothing, an Info dictionary
/// titled `title`, objects given out of their numbers' order.
std::string small_file(const std::string& title) {
  ObjectFile file;
  const std::uint32_t catalog = file.reserve();
  const std::uint32_t info = file.reserve();
  const std::uint32_t pages = file.reserve();
  const std::uint32_t page = file.reserve();
  const std::uint32_t content = file.reserve();
  std::string& c = file.begin_object(content);
  c += "<<\n/Length 3\n>>";
  file.end_object(file.keep("0 g"));
  std::string& p = file.begin_object(page);
  p += "<<\n/Type /Page\n/MediaBox [ 0.000000 0.000000 ";
  append_fixed(p, 595.2755905511812);
  p += ' ';
  append_fixed(p, 841.8897637795276);
  p += " ]\n/Parent ";
  append_ref(p, pages);
  p += "\n/Contents ";
  append_ref(p, content);
  p += "\n/Resources <<\n>>\n>>";
  file.end_object();
  std::string& i = file.begin_object(info);
  i += "<<\n/Title ";
  append_text_string(i, title);
  i += "\n/Producer ";
  append_literal(i, "a (b) \\ c\n");
  i += "\n>>";
  file.end_object();
  std::string& t = file.begin_object(pages);
  t += "<<\n/Type /Pages\n/Count 1\n/Kids [ ";
  append_ref(t, page);
  t += " ]\n>>";
  file.end_object();
  std::string& r = file.begin_object(catalog);
  r += "<<\n/Type /Catalog\n/Pages ";
  append_ref(r, pages);
  r += "\n>>";
  file.end_object();
  return file.write(catalog, info, std::string(16, '\x5A'));
}

std::string saved(const test::TempDir& dir, const std::string& bytes) {
  const auto path = (dir / "f.pdf").string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST(ObjectFile, ObjectsComeInNumberOrderAndTheCrossReferenceTableFindsThem) {
  const std::string pdf = small_file("Titre");
  // Each entry of the table points at its object's "N 0 obj".
  const std::size_t xref = pdf.find("\nxref\n0 6\n0000000000 65535 f \n");
  ASSERT_NE(xref, std::string::npos) << pdf;
  std::size_t entry = xref + std::string("\nxref\n0 6\n0000000000 65535 f \n").size();
  for (int n = 1; n <= 5; ++n, entry += 20) {
    const std::size_t offset = std::stoul(pdf.substr(entry, 10));
    EXPECT_EQ(pdf.compare(offset, std::to_string(n).size() + 6, std::to_string(n) + " 0 obj"), 0) << n;
    EXPECT_EQ(pdf.substr(entry + 10, 10), " 00000 n \n");
  }
  EXPECT_NE(pdf.find("startxref\n" + std::to_string(xref + 1) + "\n%%EOF\n"), std::string::npos);
  EXPECT_NE(pdf.find("/ID [ <5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A> <5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A5A> ]"),
            std::string::npos);
  EXPECT_NE(pdf.find("5 0 obj\n<<\n/Length 3\n>>\nstream\n0 g\nendstream\nendobj\n"), std::string::npos);

  test::TempDir dir;
  const auto r = test::run_process({"/usr/bin/qpdf", "--check", saved(dir, pdf)});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("No syntax or stream encoding errors found"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");  // a table qpdf had to rebuild would be reported here
}

TEST(ObjectFile, TextStringsReadBackWhateverTheyHold) {
  // Parentheses, a backslash, a line break, a character outside the BMP (a surrogate pair) and a byte
  // that is not UTF-8 (U+FFFD).
  const std::string title = "Délibération (n° 12) \\ « 2027 »\nsuite \xF0\x9F\x93\x84 fin \xFF";
  test::TempDir dir;
  const auto r = test::run_process({"/usr/bin/qpdf", "--json=2", "--json-key=qpdf", saved(dir, small_file(title))});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json objects = json::parse(r.out)["qpdf"][1];
  EXPECT_EQ(objects["obj:2 0 R"]["value"]["/Title"],
            "u:Délibération (n° 12) \\ « 2027 »\nsuite \xF0\x9F\x93\x84 fin \xEF\xBF\xBD");
  EXPECT_EQ(objects["obj:2 0 R"]["value"]["/Producer"], "u:a (b) \\ c\n");
}

TEST(ObjectFile, NumbersAreWrittenWithoutLocaleOrExponent) {
  std::string out;
  append_fixed(out, 0.0);
  out += ' ';
  append_fixed(out, -12.5);
  out += ' ';
  append_fixed(out, 1e9);
  EXPECT_EQ(out, "0.000000 -12.500000 1000000000.000000");
  EXPECT_THROW(append_fixed(out, 1e13), std::logic_error);
}

TEST(ObjectFile, AnObjectNeverGivenOrGivenTwiceIsAnError) {
  ObjectFile file;
  const std::uint32_t a = file.reserve();
  const std::uint32_t b = file.reserve();
  file.begin_object(a) += "<<\n>>";
  file.end_object();
  EXPECT_THROW(file.begin_object(a), std::logic_error);
  EXPECT_THROW(file.begin_object(b + 1), std::logic_error);
  EXPECT_THROW(file.write(a, a, std::string(16, '\0')), std::logic_error);  // b never given
  file.begin_object(b) += "null";
  EXPECT_THROW(file.write(a, a, std::string(16, '\0')), std::logic_error);  // b not closed
  file.end_object();
  EXPECT_NO_THROW(file.write(a, a, std::string(16, '\0')));
}

}  // namespace
}  // namespace aap::render::detail
