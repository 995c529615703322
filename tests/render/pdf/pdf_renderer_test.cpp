// The PDF backend checked through independent readers: pdftotext, pdffonts, pdfinfo, qpdf.
#include "render/pdf/pdf_renderer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <zlib.h>

#include "render/layout/canvas.hpp"
#include "render/layout/layout.hpp"
#include "render/layout/page.hpp"
#include "render/layout/text_measurer.hpp"
#include "render/layout/utf8.hpp"
#include "render/pdf/font_metrics.hpp"
#include "render/pdf/sample_letter.hpp"

namespace aap::render {
namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int status = -1;
  std::string output;
};

CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) r.output.append(buffer.data(), n);
  r.status = pclose(pipe);
  return r;
}

class PdfRenderer : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("aap-pdf-test-" + std::to_string(getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) const {
    const auto path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  fs::path dir_;
};

TEST_F(PdfRenderer, TextIsExtractableWithFrenchCharacters) {
  const std::string path = write("letter.pdf", render_pdf(test::sample_letter()));
  const auto r = run("pdftotext -enc UTF-8 " + path + " -");
  ASSERT_EQ(r.status, 0) << r.output;
  for (const char* expected : {"Madame Élodie Lœwenbruck, présidente", "Association Cœur d’Œuvre Numérique",
                               "13002 MARSEILLE", "24 500 €", "« Développeur web »", "Marseille, le 20 mars 2027",
                               "Jean-Pierre MARTIN", "Critères d’éligibilité", "Page 1/1"}) {
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
  }
}

TEST_F(PdfRenderer, EveryFontIsEmbeddedSubsetWithToUnicode) {
  const std::string path = write("letter.pdf", render_pdf(test::sample_letter()));
  const auto r = run("pdffonts " + path);
  ASSERT_EQ(r.status, 0) << r.output;
  std::istringstream lines(r.output);
  std::string line;
  int fonts = 0;
  while (std::getline(lines, line)) {
    if (line.find("LiberationSans") == std::string::npos) continue;
    ++fonts;
    std::istringstream fields(line);
    std::string name, type1, type2, encoding, emb, sub, uni;
    fields >> name >> type1 >> type2 >> encoding >> emb >> sub >> uni;  // "CID TrueType" is two words
    EXPECT_EQ(encoding, "Identity-H") << line;
    EXPECT_EQ(emb, "yes") << line;
    EXPECT_EQ(sub, "yes") << line;
    EXPECT_EQ(uni, "yes") << line;
  }
  EXPECT_EQ(fonts, 2) << r.output;  // regular and bold are used by the sample, nothing else is embedded
}

TEST_F(PdfRenderer, QpdfCheckPasses) {
  const std::string path = write("letter.pdf", render_pdf(test::sample_letter("2027-002", 40)));
  const auto r = run("qpdf --check " + path);
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("No syntax or stream encoding errors found"), std::string::npos) << r.output;
}

TEST_F(PdfRenderer, SameInputGivesIdenticalBytes) {
  const std::string first = render_pdf(test::sample_letter());
  const std::string second = render_pdf(test::sample_letter());
  EXPECT_EQ(first, second);
}

TEST_F(PdfRenderer, IdentifierMakesTheFileIdDiffer) {
  const std::string a = render_pdf(test::sample_letter("2027-001"));
  const std::string b = render_pdf(test::sample_letter("2027-003"));
  auto id_of = [](const std::string& pdf) {
    const auto at = pdf.rfind("/ID");
    return at == std::string::npos ? std::string() : pdf.substr(at, 80);
  };
  ASSERT_FALSE(id_of(a).empty());
  EXPECT_NE(id_of(a), id_of(b));
}

TEST_F(PdfRenderer, MetadataComesFromTheDocument) {
  const std::string path = write("letter.pdf", render_pdf(test::sample_letter()));
  const auto r = run("pdfinfo -isodates " + path);
  ASSERT_EQ(r.status, 0) << r.output;
  std::map<std::string, std::string> info;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    const auto value = line.find_first_not_of(' ', colon + 1);
    info[line.substr(0, colon)] = value == std::string::npos ? "" : line.substr(value);
  }
  EXPECT_EQ(info["Title"], "Notification de subvention — dossier 2027-001");
  EXPECT_EQ(info["Author"], "Métropole Aix-Marseille-Provence");
  EXPECT_EQ(info["Subject"], "Appel à projets Grande École du Numérique 2027");
  EXPECT_EQ(info["CreationDate"], "2027-03-20T00:00:00Z");
  EXPECT_EQ(info["ModDate"], "2027-03-20T00:00:00Z");
  EXPECT_EQ(info["Page size"], "595.276 x 841.89 pts (A4)");
  const auto lang = run("qpdf --qdf --object-streams=disable " + path + " - | grep -a '/Lang'");
  EXPECT_NE(lang.output.find("/Lang (fr-FR)"), std::string::npos) << lang.output;
}

TEST_F(PdfRenderer, NoBreakSpacesAreMappedInToUnicode) {
  // pdftotext prints U+00A0 and U+202F as plain spaces: read the ToUnicode map itself.
  const std::string path = write("letter.pdf", render_pdf(test::sample_letter()));
  const auto r = run("qpdf --qdf --object-streams=disable " + path + " - | grep -a -i -E '<(00a0|202f)>'");
  EXPECT_NE(r.output.find("00A0"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("202F"), std::string::npos) << r.output;
}

TEST_F(PdfRenderer, LongTableBreaksOntoNumberedPages) {
  const std::string path = write("long.pdf", render_pdf(test::sample_letter("2027-004", 60)));
  const auto r = run("pdftotext -enc UTF-8 " + path + " -");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("Page 1/3"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("Page 3/3"), std::string::npos) << r.output;
}

TEST_F(PdfRenderer, BatchStartsEveryDocumentOnAnOddPage) {
  doc::Metadata m;
  m.title = "Courriers à imprimer";
  m.identifier = "courriers";
  m.date_iso = "2027-03-20";
  // One page, then two pages, then one page: blanks after the first and the last.
  const std::string path = write(
      "batch.pdf", render_pdf_batch({test::sample_letter("2027-001"), test::sample_letter("2027-002", 30),
                                     test::sample_letter("2027-003")},
                                    m));
  const auto info = run("pdfinfo " + path);
  EXPECT_NE(info.output.find("Pages:           6"), std::string::npos) << info.output;
  auto page_text = [&](int page) {
    return run("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + path + " -")
        .output;
  };
  EXPECT_NE(page_text(1).find("2027-001"), std::string::npos);
  EXPECT_EQ(page_text(2).find_first_not_of("\n\f "), std::string::npos) << page_text(2);
  EXPECT_NE(page_text(3).find("Page 1/2"), std::string::npos);
  EXPECT_NE(page_text(3).find("2027-002"), std::string::npos);
  EXPECT_NE(page_text(4).find("Page 2/2"), std::string::npos);
  EXPECT_NE(page_text(5).find("2027-003"), std::string::npos);
  EXPECT_NE(page_text(5).find("Page 1/1"), std::string::npos);
  EXPECT_EQ(run("qpdf --check " + path).status, 0);
  const auto fonts = run("pdffonts " + path);
  EXPECT_EQ(std::count(fonts.output.begin(), fonts.output.end(), '\n'), 4) << fonts.output;  // 2 headers, 2 fonts
}

// The letters give their pages to the batch a slice at a time, while other letters are being rendered.
TEST_F(PdfRenderer, BatchTakenDocumentByDocumentIsTheBatchOfAllOfThem) {
  doc::Metadata m;
  m.title = "Courriers à imprimer";
  m.date_iso = "2027-03-20";
  const std::vector<PaintedPdf> letters = {paint_pdf(test::sample_letter("2027-001")),
                                           paint_pdf(test::sample_letter("2027-002", 30)),
                                           paint_pdf(test::sample_letter("2027-003"))};
  PdfBatch batch(m);
  for (const PaintedPdf& letter : letters) {
    batch.add(letter);
    render_pdf(paint_pdf(test::sample_letter("2027-099", 12)));  // other documents meanwhile
  }
  const std::string taken = batch.finish();
  EXPECT_EQ(taken, render_pdf_batch(letters, m));
  const std::string path = write("batch.pdf", taken);
  EXPECT_NE(run("pdfinfo " + path).output.find("Pages:           6"), std::string::npos);
  EXPECT_EQ(run("qpdf --check " + path).status, 0);
  EXPECT_THROW(batch.add(letters[0]), std::logic_error);
  EXPECT_THROW(batch.finish(), std::logic_error);
  doc::Metadata bad = m;
  bad.date_iso = "20 mars";
  EXPECT_THROW(PdfBatch{bad}, std::invalid_argument);
}

TEST_F(PdfRenderer, NonBreakingHyphenAndWordJoinerAreDrawnDespiteTheFont) {
  doc::Document d = test::sample_letter();
  d.blocks.push_back(doc::Paragraph{test::text("Septèmes\u2011les\u2011Vallons et mot\u2060joint")});
  const std::string path = write("letter.pdf", render_pdf(d));
  const auto r = run("pdftotext -enc UTF-8 " + path + " -");
  EXPECT_NE(r.output.find("Septèmes-les-Vallons et motjoint"), std::string::npos) << r.output;
}

// Glyph ids are written as bytes in literal strings: the ids that fall on "(", ")", "\\", CR or LF must be
// escaped. Every character of ASCII, Latin-1 and Latin Extended-A is drawn, so every such id is met.
TEST_F(PdfRenderer, EveryGlyphIdSurvivesTheLiteralStringsOfTheContent) {
  std::vector<std::string> characters;
  auto add_range = [&](char32_t first, char32_t last) {
    for (char32_t c = first; c <= last; ++c) {
      if (c == 0xAD) continue;  // the soft hyphen is drawn only where a line breaks
      std::string utf8;
      if (c < 0x80) {
        utf8 += static_cast<char>(c);
      } else {
        utf8 += static_cast<char>(0xC0 | (c >> 6));
        utf8 += static_cast<char>(0x80 | (c & 0x3F));
      }
      characters.push_back(utf8);
    }
  };
  add_range(0x21, 0x7E);
  add_range(0xA1, 0x17F);
  std::string line;
  for (const std::string& c : characters) line += c + " ";
  doc::Document d = test::sample_letter();
  d.blocks.push_back(doc::Paragraph{test::text(line)});
  const std::string path = write("letter.pdf", render_pdf(d));
  EXPECT_EQ(run("qpdf --check " + path).status, 0);
  const auto r = run("pdftotext -enc UTF-8 " + path + " -");
  ASSERT_EQ(r.status, 0) << r.output;
  std::string drawn;  // the paragraph as extracted, spaces and line ends removed
  const std::size_t start = r.output.find("!");
  ASSERT_NE(start, std::string::npos) << r.output;
  for (char c : r.output.substr(start))
    if (c != ' ' && c != '\n') drawn += c;
  std::string expected;
  for (const std::string& c : characters) expected += c;
  EXPECT_EQ(drawn.substr(0, expected.size()), expected);
}

TEST(PdfNumber, ThousandthsWithoutTrailingZerosExponentOrMinusZero) {
  auto number = [](double v) {
    std::string out;
    detail::append_pdf_number(out, v);
    return out;
  };
  EXPECT_EQ(number(0), "0");
  EXPECT_EQ(number(-0.0), "0");
  EXPECT_EQ(number(-0.0004), "0");
  EXPECT_EQ(number(-0.0006), "-0.001");
  EXPECT_EQ(number(1.5), "1.5");
  EXPECT_EQ(number(0.1 + 0.2), "0.3");
  EXPECT_EQ(number(56.6929133858), "56.693");
  EXPECT_EQ(number(841.889764), "841.89");
  EXPECT_EQ(number(10.05), "10.05");
  EXPECT_EQ(number(0.007), "0.007");
  EXPECT_EQ(number(-12.3456), "-12.346");
  EXPECT_EQ(number(1e6), "1000000");
  EXPECT_EQ(number(999.9996), "1000");
  std::string out;
  EXPECT_THROW(detail::append_pdf_number(out, std::nan("")), std::logic_error);
  EXPECT_THROW(detail::append_pdf_number(out, 1e300), std::logic_error);
}

// A glyph drawn on a page: where its origin is, in points from the page's bottom left, and which glyph.
struct PlacedGlyph {
  double x_pt;
  long long y_thousandths;
  std::uint16_t glyph;
};

// Where the layout puts each glyph: each run's origin, then the advances of the glyphs before it in the run.
class GlyphPositions final : public Canvas {
 public:
  explicit GlyphPositions(const FontMetrics& metrics) : metrics_(metrics) {}
  void begin_page(double, double height_pt) override {
    height_pt_ = height_pt;
    pages.emplace_back();
  }
  void text(double x_pt, double baseline_pt, std::string_view text, Face face, double size_pt, NodeId) override {
    const FontFace& f = metrics_.face(face);
    double x = static_cast<double>(detail::pdf_thousandths(x_pt)) / 1000.0;
    const long long y = detail::pdf_thousandths(height_pt_ - baseline_pt);
    for (std::size_t pos = 0; pos < text.size();) {
      const utf8::Decoded d = utf8::decode(text, pos);
      pos += d.length;
      const std::uint16_t glyph = f.glyph_id[d.code_point];
      if (glyph == kNoGlyph) continue;
      pages.back().push_back({x, y, glyph});
      x += static_cast<double>(f.glyph_advance[glyph]) * size_pt / 1000.0;
    }
  }
  void line(double, double, double, double, double) override {}
  void fill_rect(double, double, double, double, double) override {}
  void end_page() override {}
  std::vector<std::vector<PlacedGlyph>> pages;

 private:
  const FontMetrics& metrics_;
  double height_pt_ = 0;
};

std::string inflate(const std::string& compressed) {
  std::string out(1 << 20, '\0');
  uLongf length = out.size();
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &length, reinterpret_cast<const Bytef*>(compressed.data()),
                 compressed.size()) != Z_OK)
    return {};
  out.resize(length);
  return out;
}

// Where each glyph lands by the content stream's operators, as a reader places it (PDF 9.4): Td moves the
// line's start from the start of the line before, TD too and sets the leading, T* moves down by the
// leading, BT starts again from the origin, Tf selects /F<face> at a
// size, each glyph of a Tj or TJ string (two bytes, a glyph id) advances the pen by its width, and a number
// in a TJ array moves it back by that many thousandths of the font size.
std::vector<PlacedGlyph> glyph_origins(const std::string& content, const FontMetrics& metrics) {
  std::vector<PlacedGlyph> glyphs;
  std::vector<std::string> operands;
  std::string font_name;
  bool in_array = false;
  long long line_x = 0;
  long long line_y = 0;
  long long leading = 0;  // TL, set by TD, kept across text objects
  double pen = 0;
  const FontFace* face = nullptr;
  double size = 0;
  auto thousandths = [](const std::string& number) { return std::llround(std::stod(number) * 1000); };
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  for (std::size_t i = 0; i < content.size();) {
    const char c = content[i];
    if (space(c)) {
      ++i;
    } else if (c == '[' || c == ']') {
      in_array = c == '[';
      ++i;
    } else if (c == '(') {  // glyph ids, two bytes each, their delimiters escaped
      std::string bytes;
      for (++i; i < content.size() && content[i] != ')'; ++i) {
        if (content[i] == '\\') {
          ++i;
          bytes += content[i] == 'n' ? '\n' : content[i] == 'r' ? '\r' : content[i];
        } else {
          bytes += content[i];
        }
      }
      ++i;
      EXPECT_NE(face, nullptr) << "a string before any Tf";
      EXPECT_EQ(bytes.size() % 2, 0U);
      if (face == nullptr) return glyphs;
      for (std::size_t k = 0; k + 1 < bytes.size(); k += 2) {
        const auto glyph = static_cast<std::uint16_t>((static_cast<unsigned char>(bytes[k]) << 8) |
                                                      static_cast<unsigned char>(bytes[k + 1]));
        glyphs.push_back({pen, line_y, glyph});
        pen += static_cast<double>(face->glyph_advance.at(glyph)) * size / 1000.0;
      }
      operands.clear();
    } else {
      std::size_t end = i;
      while (end < content.size() && !space(content[end]) && content[end] != '(' && content[end] != '[' &&
             content[end] != ']')
        ++end;
      const std::string token = content.substr(i, end - i);
      i = end;
      const bool number = (token.front() >= '0' && token.front() <= '9') || token.front() == '-' || token.front() == '.';
      if (number && in_array) {
        pen -= std::stod(token) * size / 1000.0;
      } else if (number) {
        operands.push_back(token);
      } else if (token.front() == '/') {
        font_name = token;
      } else {
        if (token == "BT") {
          line_x = line_y = 0;
        } else if (token == "Td" || token == "TD") {
          line_x += thousandths(operands.at(operands.size() - 2));
          line_y += thousandths(operands.back());
          if (token == "TD") leading = -thousandths(operands.back());
          pen = static_cast<double>(line_x) / 1000.0;
        } else if (token == "T*") {
          line_y -= leading;
          pen = static_cast<double>(line_x) / 1000.0;
        } else if (token == "Tf") {
          face = &metrics.face(static_cast<Face>(font_name.back() - '0'));
          size = std::stod(operands.back());
        }
        operands.clear();
      }
    }
  }
  return glyphs;
}

// Lines are placed by moves relative to the line before, and a line's words by the numbers of its TJ array:
// every glyph must land where the layout put it (within the TJ numbers' rounding, a thousandth of the font
// size), on every page of a long letter, without drifting along a line or down the pages.
TEST(PdfContent, EveryGlyphLandsWhereTheLayoutPutIt) {
  const doc::Document letter = test::sample_letter("2027-001", 60);
  const FontMetrics& metrics = FontMetrics::liberation_sans();
  const FontMeasurer measurer(metrics);
  GlyphPositions expected(metrics);
  paint(layout_document(letter, measurer), expected);
  const PaintedPdf painted = paint_pdf(letter);
  ASSERT_EQ(painted.pages.size(), expected.pages.size());
  ASSERT_GE(painted.pages.size(), 2U);
  for (std::size_t p = 0; p < painted.pages.size(); ++p) {
    const std::string content = inflate(painted.pages[p].content);
    ASSERT_FALSE(content.empty()) << "page " << p + 1;
    const std::vector<PlacedGlyph> drawn = glyph_origins(content, metrics);
    const std::vector<PlacedGlyph>& laid_out = expected.pages[p];
    EXPECT_GT(laid_out.size(), 500U);
    ASSERT_EQ(drawn.size(), laid_out.size()) << "page " << p + 1;
    double worst = 0;
    for (std::size_t g = 0; g < drawn.size(); ++g) {
      ASSERT_EQ(drawn[g].glyph, laid_out[g].glyph) << "page " << p + 1 << ", glyph " << g;
      ASSERT_EQ(drawn[g].y_thousandths, laid_out[g].y_thousandths) << "page " << p + 1 << ", glyph " << g;
      worst = std::max(worst, std::fabs(drawn[g].x_pt - laid_out[g].x_pt));
    }
    EXPECT_LT(worst, 0.01) << "page " << p + 1;  // under a hundredth of a point
  }
}

// A justified line is one TJ array: its words are not each placed by an operator of their own.
TEST(PdfContent, AJustifiedLineIsOneTextOperator) {
  const PaintedPdf painted = paint_pdf(test::sample_letter("2027-001", 6));
  const std::string content = inflate(painted.pages[0].content);
  std::size_t arrays_with_moves = 0;
  for (std::size_t at = content.find(" [("); at != std::string::npos; at = content.find(" [(", at + 1)) {
    const std::string array = content.substr(at, content.find("]TJ", at) - at);
    // A word moved within the array: ")" then a number then "(".
    if (array.find(")-") != std::string::npos) ++arrays_with_moves;
  }
  EXPECT_GT(arrays_with_moves, 5U) << content;
  EXPECT_EQ(content.find(" Tj"), std::string::npos);
  // A paragraph's next line, straight below at the same leading, is a bare T*.
  std::size_t next_lines = 0;
  for (std::size_t at = content.find("T* [("); at != std::string::npos; at = content.find("T* [(", at + 1)) ++next_lines;
  EXPECT_GT(next_lines, 5U) << content;
}

// The words of a page's content stream, split at white space (strings with spaces are not looked into).
std::vector<std::string> content_tokens(const PaintedPdf::Page& page) {
  std::istringstream in(inflate(page.content));
  std::vector<std::string> tokens;
  for (std::string t; in >> t;) tokens.push_back(t);
  return tokens;
}

// Table rules share one stroke width: it is set once per page before the first rule, then only when it
// changes, and every page sets it again (a page's content starts from the default graphics state).
TEST(PdfContent, StrokeWidthIsSetBeforeTheFirstRuleOfEachPageAndOnlyWhenItChanges) {
  const PaintedPdf painted = paint_pdf(test::sample_letter("2027-001", 60));
  ASSERT_GE(painted.pages.size(), 2U);
  for (std::size_t p = 0; p < painted.pages.size(); ++p) {
    const std::vector<std::string> tokens = content_tokens(painted.pages[p]);
    std::size_t widths = 0;
    std::size_t segments = 0;
    std::size_t strokes = 0;
    std::string current;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i] == "w") {
        ++widths;
        EXPECT_NE(tokens[i - 1], current) << "page " << p + 1 << ": the same width set twice in a row";
        current = tokens[i - 1];
      } else if (tokens[i] == "m") {
        ++segments;
        EXPECT_FALSE(current.empty()) << "page " << p + 1 << ": a rule drawn before any width";
      } else if (tokens[i] == "S") {
        ++strokes;
      }
    }
    EXPECT_GE(segments, 5U) << "page " << p + 1;
    EXPECT_GE(strokes, 1U) << "page " << p + 1;
    EXPECT_LE(widths, strokes) << "page " << p + 1;
  }
}

// A table's rules, drawn row by row by the layout, reach the page as whole rules: each column edge is one
// vertical segment on a page however many rows it crosses, and no two segments on one line touch.
TEST(PdfContent, TableRulesAreJoinedAcrossRows) {
  const PaintedPdf painted = paint_pdf(test::sample_letter("2027-001", 60));
  ASSERT_GE(painted.pages.size(), 2U);
  for (std::size_t p = 0; p < painted.pages.size(); ++p) {
    const std::vector<std::string> tokens = content_tokens(painted.pages[p]);
    std::map<std::string, std::vector<std::pair<double, double>>> verticals;  // x → [y from, y to]
    std::size_t horizontals = 0;
    for (std::size_t i = 4; i + 1 < tokens.size(); ++i) {
      if (tokens[i] != "m" || tokens[i + 3] != "l") continue;
      const std::string& x0 = tokens[i - 2];
      const std::string& x1 = tokens[i + 1];
      const double y0 = std::stod(tokens[i - 1]);
      const double y1 = std::stod(tokens[i + 2]);
      if (x0 == x1) {
        verticals[x0].emplace_back(std::min(y0, y1), std::max(y0, y1));
      } else {
        ++horizontals;
      }
    }
    ASSERT_GE(verticals.size(), 5U) << "page " << p + 1 << ": the table's five column edges";
    // Every row has its rule below it: many horizontals, but as many verticals as edges, once each.
    EXPECT_GT(horizontals, 10U) << "page " << p + 1;
    for (auto& [x, spans] : verticals) {
      std::sort(spans.begin(), spans.end());
      for (std::size_t k = 1; k < spans.size(); ++k) {
        EXPECT_LT(spans[k - 1].second, spans[k].first) << "page " << p + 1 << ": rules at x " << x << " touch";
      }
      EXPECT_EQ(spans.size(), 1U) << "page " << p + 1 << ": column edge at x " << x;
    }
  }
}

TEST_F(PdfRenderer, CharacterTheFontLacksThrowsNamingIt) {
  doc::Document d = test::sample_letter();
  d.blocks.push_back(doc::Paragraph{test::text("Formation 中文 avancée")});
  try {
    render_pdf(d);
    FAIL() << "no exception";
  } catch (const MissingGlyph& e) {
    EXPECT_EQ(e.code_point(), U'\u4E2D');
    EXPECT_EQ(e.text(), "Formation 中文 avancée");
    EXPECT_STREQ(e.what(), "caractère U+4E2D absent de la police, dans « Formation 中文 avancée »");
  }
}

TEST_F(PdfRenderer, BadDocumentDateIsRefused) {
  doc::Document d = test::sample_letter();
  d.metadata.date_iso = "20/03/2027";
  EXPECT_THROW(render_pdf(d), std::invalid_argument);
}

}  // namespace
}  // namespace aap::render
