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

// Where the layout puts each text run, in whole thousandths of a point from the page's bottom left.
class RunPositions final : public Canvas {
 public:
  void begin_page(double, double height_pt) override {
    height_pt_ = height_pt;
    pages.emplace_back();
  }
  void text(double x_pt, double baseline_pt, std::string_view, Face, double, NodeId) override {
    pages.back().push_back({detail::pdf_thousandths(x_pt), detail::pdf_thousandths(height_pt_ - baseline_pt)});
  }
  void line(double, double, double, double, double) override {}
  void fill_rect(double, double, double, double, double) override {}
  void end_page() override {}
  std::vector<std::vector<std::pair<long long, long long>>> pages;

 private:
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

// Where each run starts by the content stream's operators: Td moves from the start of the line before,
// BT starts again from the origin (PDF 9.4.2). Thousandths, read as integers.
std::vector<std::pair<long long, long long>> run_origins(const std::string& content) {
  std::vector<std::pair<long long, long long>> origins;
  std::vector<std::string> operands;
  long long x = 0;
  long long y = 0;
  auto thousandths = [](const std::string& number) { return std::llround(std::stod(number) * 1000); };
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  for (std::size_t i = 0; i < content.size();) {
    if (space(content[i])) {
      ++i;
    } else if (content[i] == '(') {  // a string of glyph bytes, its delimiters escaped: skipped whole
      for (++i; i < content.size() && content[i] != ')'; ++i)
        if (content[i] == '\\') ++i;
      ++i;
      operands.clear();
    } else {
      std::size_t end = i;
      while (end < content.size() && !space(content[end]) && content[end] != '(') ++end;
      const std::string token = content.substr(i, end - i);
      i = end;
      if (token == "BT") {
        x = y = 0;
      } else if (token == "Td" || token == "Tm") {
        const long long dx = thousandths(operands.at(operands.size() - 2));
        const long long dy = thousandths(operands.back());
        x = token == "Td" ? x + dx : dx;
        y = token == "Td" ? y + dy : dy;
        origins.emplace_back(x, y);
      }
      if ((token.front() >= '0' && token.front() <= '9') || token.front() == '-' || token.front() == '.')
        operands.push_back(token);
      else
        operands.clear();
    }
  }
  return origins;
}

// Runs are placed by moves relative to the run before: their sums must land exactly where the layout put
// each run, on every page of a long letter, without drifting.
TEST(PdfContent, RelativeMovesLandEveryRunWhereTheLayoutPutIt) {
  const doc::Document letter = test::sample_letter("2027-001", 60);
  const FontMeasurer measurer(FontMetrics::liberation_sans());
  RunPositions expected;
  paint(layout_document(letter, measurer), expected);
  const PaintedPdf painted = paint_pdf(letter);
  ASSERT_EQ(painted.pages.size(), expected.pages.size());
  ASSERT_GE(painted.pages.size(), 2U);
  for (std::size_t p = 0; p < painted.pages.size(); ++p) {
    const std::string content = inflate(painted.pages[p].content);
    ASSERT_FALSE(content.empty()) << "page " << p + 1;
    EXPECT_GT(expected.pages[p].size(), 20U);
    EXPECT_EQ(run_origins(content), expected.pages[p]) << "page " << p + 1;
  }
}

// Table rules share one stroke width: it is set once per page before the first rule, then only when it
// changes, and every page sets it again (a page's content starts from the default graphics state).
TEST(PdfContent, StrokeWidthIsSetBeforeTheFirstRuleOfEachPageAndOnlyWhenItChanges) {
  const PaintedPdf painted = paint_pdf(test::sample_letter("2027-001", 60));
  ASSERT_GE(painted.pages.size(), 2U);
  for (std::size_t p = 0; p < painted.pages.size(); ++p) {
    const std::string content = inflate(painted.pages[p].content);
    std::istringstream in(content);
    std::vector<std::string> tokens;
    for (std::string t; in >> t;) tokens.push_back(t);
    std::size_t widths = 0;
    std::size_t strokes = 0;
    std::string current;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i] == "w") {
        ++widths;
        EXPECT_NE(tokens[i - 1], current) << "page " << p + 1 << ": the same width set twice in a row";
        current = tokens[i - 1];
      } else if (tokens[i] == "S") {
        ++strokes;
        EXPECT_FALSE(current.empty()) << "page " << p + 1 << ": a rule drawn before any width";
      }
    }
    EXPECT_GT(strokes, 10U) << "page " << p + 1;
    EXPECT_LT(widths, strokes / 4) << "page " << p + 1;
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
