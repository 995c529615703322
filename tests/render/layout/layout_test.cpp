// Pagination and letter blocks with a monospace measurer: 10 pt body on a small page, 26 lines a page.
#include "render/layout/layout.hpp"

#include <gtest/gtest.h>

#include <string>

#include "render/layout/fake_measurer.hpp"

namespace aap::render {
namespace {

/// 200 × 300 pt, 20 pt margins: 160 pt wide (32 characters), lines of 10 pt from y 20 to 280.
LayoutStyle small_page() {
  LayoutStyle s;
  s.page_width_pt = 200;
  s.page_height_pt = 300;
  s.margin_left_pt = s.margin_right_pt = s.margin_top_pt = s.margin_bottom_pt = 20;
  s.body_size_pt = 10;
  s.leading = 1.0;
  s.paragraph_space_pt = 0;
  s.table_size_pt = 10;
  s.footer_size_pt = 8;
  s.footer_baseline_from_bottom_pt = 10;
  return s;
}

doc::Inline plain(const std::string& s) { return {doc::Span{s}}; }

/// `count` lines of exactly 32 characters each: "p1-01" padded with dots.
doc::Paragraph lines_paragraph(const std::string& tag, int count) {
  std::string text;
  for (int i = 1; i <= count; ++i) {
    std::string word = tag + "-" + (i < 10 ? "0" : "") + std::to_string(i);
    word.resize(32, '.');
    text += (text.empty() ? "" : " ") + word;
  }
  return doc::Paragraph{plain(text), doc::Align::left};
}

/// The page (1-based) whose text begins with `prefix`, or 0.
int page_of(const LaidOutDocument& d, const std::string& prefix) {
  for (std::size_t p = 0; p < d.pages.size(); ++p) {
    for (const auto& op : d.pages[p].ops) {
      const auto* t = std::get_if<TextOp>(&op);
      if (t != nullptr && t->text.rfind(prefix, 0) == 0) return static_cast<int>(p + 1);
    }
  }
  return 0;
}

const TextOp* find_text(const LaidOutDocument& d, const std::string& prefix, std::size_t page = 0) {
  for (const auto& op : d.pages.at(page).ops) {
    const auto* t = std::get_if<TextOp>(&op);
    if (t != nullptr && t->text.rfind(prefix, 0) == 0) return t;
  }
  return nullptr;
}

int count_text(const LaidOutDocument& d, const std::string& text) {
  int n = 0;
  for (const auto& page : d.pages) {
    for (const auto& op : page.ops) {
      const auto* t = std::get_if<TextOp>(&op);
      if (t != nullptr && t->text == text) ++n;
    }
  }
  return n;
}

LaidOutDocument lay_out(const doc::Document& d, const LayoutStyle& style = small_page()) {
  return layout_document(d, test::FakeMeasurer(), style);
}

TEST(Pagination, LongParagraphFillsPagesAndFootersCountThem) {
  doc::Document d;
  d.footer_left = "Réf. X";
  d.blocks.push_back(lines_paragraph("a", 60));
  const auto out = lay_out(d);
  ASSERT_EQ(out.pages.size(), 3u);
  EXPECT_EQ(page_of(out, "a-26"), 1);
  EXPECT_EQ(page_of(out, "a-27"), 2);
  EXPECT_EQ(page_of(out, "a-60"), 3);
  const TextOp* label = find_text(out, "Page 2/3", 1);
  ASSERT_NE(label, nullptr);
  EXPECT_DOUBLE_EQ(label->x_pt, 200 - 20 - 8 * 4);  // right-aligned: 8 characters of 4 pt
  EXPECT_DOUBLE_EQ(label->baseline_pt, 290);
  ASSERT_NE(find_text(out, "Réf. X", 2), nullptr);
  EXPECT_DOUBLE_EQ(find_text(out, "Réf. X", 2)->x_pt, 20);
}

TEST(Pagination, EveryTextStaysInsideTheMargins) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("a", 60));
  for (const auto& page : lay_out(d).pages) {
    for (const auto& op : page.ops) {
      const auto& t = std::get<TextOp>(op);
      if (t.text.rfind("Page", 0) == 0) continue;
      EXPECT_GE(t.baseline_pt, 20);
      EXPECT_LE(t.baseline_pt, 280);
    }
  }
}

TEST(Pagination, SingleLineLeftAtTheFootMovesTheParagraph) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 25));
  d.blocks.push_back(lines_paragraph("p", 4));
  const auto out = lay_out(d);
  EXPECT_EQ(page_of(out, "p-01"), 2);  // one line would fit, but an orphan is not allowed
  EXPECT_EQ(page_of(out, "p-04"), 2);
}

TEST(Pagination, LastLineAloneIsAvoidedByCarryingTwo) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 22));
  d.blocks.push_back(lines_paragraph("p", 5));
  const auto out = lay_out(d);
  // Four lines fit, which would leave a widow: three stay, two go.
  EXPECT_EQ(page_of(out, "p-03"), 1);
  EXPECT_EQ(page_of(out, "p-04"), 2);
  EXPECT_EQ(page_of(out, "p-05"), 2);
}

TEST(Pagination, ThreeLineParagraphIsNeverSplit) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 24));
  d.blocks.push_back(lines_paragraph("p", 3));
  const auto out = lay_out(d);
  EXPECT_EQ(page_of(out, "p-01"), 2);
  EXPECT_EQ(page_of(out, "p-03"), 2);
}

TEST(Pagination, HeadingMovesWithTheFirstLinesOfItsParagraph) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 21));
  d.blocks.push_back(doc::Heading{1, plain("Titre")});
  d.blocks.push_back(lines_paragraph("p", 4));
  const auto out = lay_out(d);
  // The heading alone would fit at y 244–260, but not with two lines after it.
  EXPECT_EQ(page_of(out, "Titre"), 2);
  EXPECT_EQ(page_of(out, "p-01"), 2);
  EXPECT_EQ(find_text(out, "Titre", 1)->face, Face::bold);
}

TEST(Pagination, HeadingStaysWhenItsParagraphFits) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 15));
  d.blocks.push_back(doc::Heading{1, plain("Titre")});
  d.blocks.push_back(lines_paragraph("p", 4));
  const auto out = lay_out(d);
  EXPECT_EQ(page_of(out, "Titre"), 1);
  EXPECT_EQ(page_of(out, "p-01"), 1);
}

doc::Table long_table(int rows, const std::string& cell_suffix = "") {
  doc::Table t;
  t.columns = {{doc::Align::left, 1}, {doc::Align::right, 1}};
  t.header = {{plain("Critère"), plain("Valeur")}};
  for (int i = 1; i <= rows; ++i) {
    const std::string id = (i < 10 ? "r0" : "r") + std::to_string(i);
    t.rows.push_back({plain(id + cell_suffix), plain(std::to_string(i))});
  }
  return t;
}

TEST(Pagination, TableHeaderIsRepeatedOnEveryPageItCrosses) {
  doc::Document d;
  d.blocks.push_back(long_table(39));
  const auto out = lay_out(d);
  ASSERT_EQ(out.pages.size(), 3u);  // rows of 18.5 pt: 13 a page under the header
  EXPECT_EQ(count_text(out, "Critère"), 3);
  for (std::size_t p = 0; p < out.pages.size(); ++p) {
    const auto* first = std::get_if<TextOp>(&out.pages[p].ops.at(1));  // after the header's grey fill
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first->text, "Critère") << "page " << p + 1;
  }
  EXPECT_EQ(page_of(out, "r13"), 1);
  EXPECT_EQ(page_of(out, "r14"), 2);
  EXPECT_EQ(page_of(out, "r39"), 3);
}

TEST(Pagination, TableDoesNotEndWithASingleRowAtTheTopOfAPage) {
  doc::Document d;
  d.blocks.push_back(long_table(14));  // 13 rows a page: r14 would be alone under the repeated header
  const auto out = lay_out(d);
  ASSERT_EQ(out.pages.size(), 2u);
  EXPECT_EQ(page_of(out, "r12"), 1);
  EXPECT_EQ(page_of(out, "r13"), 2);
  EXPECT_EQ(page_of(out, "r14"), 2);
}

TEST(Pagination, TableDoesNotStartWithASingleRowAtTheFootOfAPage) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 22));  // 40 pt left: the header and one row of 18.5 pt
  d.blocks.push_back(long_table(5));
  const auto out = lay_out(d);
  EXPECT_EQ(page_of(out, "Critère"), 2);
  EXPECT_EQ(page_of(out, "r01"), 2);
  EXPECT_EQ(count_text(out, "Critère"), 1);
}

TEST(Pagination, TableRowsAreNeverCutBetweenPages) {
  doc::Document d;
  // 72 pt inside each cell (14 characters): every first cell wraps to three lines.
  d.blocks.push_back(long_table(20, "-aaaaaaaaa bbbbbbbbbbbbb ccccccccccccc"));
  const auto out = lay_out(d);
  ASSERT_GT(out.pages.size(), 1u);
  for (int i = 1; i <= 20; ++i) {
    const std::string id = (i < 10 ? "r0" : "r") + std::to_string(i);
    const int page = page_of(out, id);
    ASSERT_NE(page, 0) << id;
    int last_line_page = 0;
    // The third line of row i is its "ccc…" line; rows are in order, so count them page by page.
    int seen = 0;
    for (std::size_t p = 0; p < out.pages.size() && last_line_page == 0; ++p) {
      for (const auto& op : out.pages[p].ops) {
        const auto* t = std::get_if<TextOp>(&op);
        if (t != nullptr && t->text == "ccccccccccccc" && ++seen == i) last_line_page = static_cast<int>(p + 1);
      }
    }
    EXPECT_EQ(page, last_line_page) << id;
  }
  for (const auto& page : out.pages) {
    for (const auto& op : page.ops) {
      if (const auto* l = std::get_if<LineOp>(&op)) {
        EXPECT_LE(std::max(l->y0_pt, l->y1_pt), 280 + 1e-9);
      }
    }
  }
}

TEST(Pagination, RowTallerThanAPageSplitsBetweenLines) {
  doc::Document d;
  doc::Table t;
  t.header = {{plain("Critère")}};
  std::string tall;
  for (int i = 0; i < 30; ++i) tall += "line" + std::to_string(i) + std::string(20, 'x') + " ";  // one a line
  t.columns = {{doc::Align::left, 1}};
  t.rows = {{doc::Inline{doc::Span{tall}}}};
  d.blocks.push_back(t);
  const auto out = lay_out(d);
  ASSERT_GE(out.pages.size(), 2u);
  EXPECT_EQ(count_text(out, "Critère"), static_cast<int>(out.pages.size()));
  EXPECT_EQ(page_of(out, "line0"), 1);
  EXPECT_EQ(page_of(out, "line29"), static_cast<int>(out.pages.size()));
}

TEST(Pagination, PageBreakStartsANewPageAndTwoLeaveABlankOne) {
  doc::Document d;
  d.blocks.push_back(doc::Paragraph{plain("one")});
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(doc::Paragraph{plain("two")});
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(doc::PageBreak{});
  d.blocks.push_back(doc::Paragraph{plain("four")});
  const auto out = lay_out(d);
  ASSERT_EQ(out.pages.size(), 4u);
  EXPECT_EQ(page_of(out, "two"), 2);
  EXPECT_EQ(page_of(out, "four"), 4);
  EXPECT_EQ(out.pages[2].ops.size(), 1u);  // only its footer
}

TEST(Lists, ListDoesNotEndWithALoneItemOnTheNextPage) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 25));
  d.blocks.push_back(doc::ListBlock{false, 1, {plain("premier"), plain("second")}});
  const auto out = lay_out(d);
  EXPECT_EQ(page_of(out, "premier"), 2);
  EXPECT_EQ(page_of(out, "second"), 2);
}

// Issue 16: « L’instruction des dossiers a donné les résultats suivants : » alone at the foot of a page.
TEST(Lists, AParagraphIntroducingAListIsNeverLeftAloneAtTheFoot) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 25));
  d.blocks.push_back(doc::Paragraph{plain("Les résultats suivants :"), doc::Align::left});
  d.blocks.push_back(doc::ListBlock{false, 1, {plain("premier"), plain("second"), plain("troisième")}});
  const auto out = lay_out(d);
  EXPECT_EQ(page_of(out, "Les résultats"), 2);
  EXPECT_EQ(page_of(out, "premier"), 2);
}

TEST(Lists, AParagraphIntroducingATableGoesWithItsFirstRows) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 24));
  d.blocks.push_back(doc::Paragraph{plain("Le tableau ci-dessous :"), doc::Align::left});
  doc::Table t;
  t.columns = {doc::TableColumn{}, doc::TableColumn{}};
  t.header = {{plain("A"), plain("B")}};
  t.rows = {{plain("a1"), plain("b1")}, {plain("a2"), plain("b2")}, {plain("a3"), plain("b3")}};
  d.blocks.push_back(t);
  const auto out = lay_out(d);
  EXPECT_EQ(page_of(out, "Le tableau"), 2);
  EXPECT_EQ(page_of(out, "a1"), 2);
}

TEST(LetterBlocks, ClosingFormulaFollowsTheSignatureToTheNextPage) {
  doc::Document d;
  d.blocks.push_back(lines_paragraph("f", 22));
  d.blocks.push_back(doc::Paragraph{plain("Je vous prie d’agréer")});
  d.blocks.push_back(doc::Signature{{"Le Président", "Jean MARTIN"}});
  const auto out = lay_out(d);
  EXPECT_EQ(page_of(out, "Jean MARTIN"), 2);
  EXPECT_EQ(page_of(out, "Je vous prie"), 2);
}

TEST(Lists, ItemsCarryTheirLabelsAndNumbersStartWhereAsked) {
  doc::Document d;
  d.blocks.push_back(doc::ListBlock{true, 3, {plain("trois"), plain("quatre")}});
  d.blocks.push_back(doc::ListBlock{false, 1, {plain("puce")}});
  const auto out = lay_out(d);
  const TextOp* three = find_text(out, "3.");
  const TextOp* text = find_text(out, "trois");
  ASSERT_NE(three, nullptr);
  ASSERT_NE(text, nullptr);
  EXPECT_DOUBLE_EQ(three->baseline_pt, text->baseline_pt);
  EXPECT_LT(three->x_pt + 2 * 5, text->x_pt);
  EXPECT_NE(find_text(out, "4."), nullptr);
  EXPECT_NE(find_text(out, "\u2022"), nullptr);
}

doc::Document letter() {
  doc::Document d;
  d.blocks.push_back(doc::Letterhead{{plain("Métropole"), plain("Direction de l’emploi")}});
  d.blocks.push_back(doc::PlaceDate{"Marseille, le 20\u00A0mars 2027"});
  d.blocks.push_back(doc::AddressWindow{{"Madame Élodie Lœwenbruck, présidente", "Association Cœur d’Œuvre",
                                         "12 rue de la République", "13002 MARSEILLE"}});
  d.blocks.push_back(doc::Paragraph{plain("Objet : attribution")});
  d.blocks.push_back(doc::Signature{{"Le Président", "Jean MARTIN"}});
  return d;
}

TEST(LetterBlocks, AddressLinesLieInsideTheWindowFrame) {
  const auto out = lay_out(letter(), LayoutStyle{});
  const test::FakeMeasurer m;
  for (const char* line : {"Madame Élodie", "Association", "12 rue", "13002 MARSEILLE"}) {
    const TextOp* t = find_text(out, line);
    ASSERT_NE(t, nullptr) << line;
    EXPECT_GE(t->x_pt, mm(110) + mm(4) - 1e-9) << line;
    EXPECT_LE(t->x_pt + m.width(t->text, t->face, t->size_pt), mm(195)) << line;
    EXPECT_GT(t->baseline_pt - t->size_pt, mm(55)) << line;
    EXPECT_LT(t->baseline_pt, mm(88)) << line;
    EXPECT_DOUBLE_EQ(t->size_pt, 10);
  }
}

TEST(LetterBlocks, BodyTextContinuesBelowTheWindow) {
  const auto out = lay_out(letter(), LayoutStyle{});
  const TextOp* objet = find_text(out, "Objet");
  ASSERT_NE(objet, nullptr);
  EXPECT_GT(objet->baseline_pt - objet->size_pt, mm(55 + 33));
}

TEST(LetterBlocks, LongAddressLineWrapsInsideTheWindow) {
  doc::Document d;
  d.blocks.push_back(doc::AddressWindow{{"Association pour la formation numérique des quartiers nord de Marseille",
                                         "13015 MARSEILLE"}});
  const auto out = lay_out(d, LayoutStyle{});
  const test::FakeMeasurer m;
  int lines = 0;
  for (const auto& op : out.pages[0].ops) {
    const auto& t = std::get<TextOp>(op);
    if (t.text.rfind("Page", 0) == 0) continue;
    ++lines;
    // A line broken at a space ends with it (the word break of the tagged text): it shows nothing.
    const std::string shown = t.text.substr(0, t.text.find_last_not_of(' ') + 1);
    EXPECT_LE(t.x_pt + m.width(shown, t.face, t.size_pt), mm(195) - mm(4) + 1e-9) << t.text;
  }
  EXPECT_EQ(lines, 3);
}

TEST(LetterBlocks, AddressTooLongForTheWindowIsRefused) {
  doc::Document d;
  d.blocks.push_back(doc::AddressWindow{{"1", "2", "3", "4", "5", "6", "7", "8"}});
  try {
    lay_out(d, LayoutStyle{});
    FAIL() << "no exception";
  } catch (const LayoutError& e) {
    EXPECT_STREQ(e.what(), "adresse trop longue pour la fenêtre de l’enveloppe (85 × 33 mm) : 8 lignes");
  }
}

TEST(LetterBlocks, DateAfterTheTimbreSitsTopRightLevelWithIt) {
  const LayoutStyle style;
  const auto out = lay_out(letter(), style);
  const test::FakeMeasurer m;
  const TextOp* date = find_text(out, "Marseille, le");
  const TextOp* timbre = find_text(out, "Métropole");
  ASSERT_NE(date, nullptr);
  ASSERT_NE(timbre, nullptr);
  EXPECT_NEAR(date->x_pt + m.width(date->text, date->face, date->size_pt), style.page_width_pt - style.margin_right_pt,
              1e-9);
  EXPECT_LT(date->baseline_pt, timbre->baseline_pt + 5);
}

TEST(LetterBlocks, SignatureSitsInTheRightHalfWithRoomAboveTheName) {
  const LayoutStyle style;
  const auto out = lay_out(letter(), style);
  const TextOp* title = find_text(out, "Le Président");
  const TextOp* name = find_text(out, "Jean MARTIN");
  ASSERT_NE(title, nullptr);
  ASSERT_NE(name, nullptr);
  EXPECT_GE(title->x_pt, style.page_width_pt / 2 - 1e-9);
  EXPECT_DOUBLE_EQ(name->x_pt, title->x_pt);
  EXPECT_GT(name->baseline_pt - title->baseline_pt, mm(15));
}

TEST(LetterBlocks, MissingGlyphInAddressNamesTheLine) {
  doc::Document d;
  d.blocks.push_back(doc::AddressWindow{{"Madame 中村", "13002 MARSEILLE"}});
  try {
    lay_out(d, LayoutStyle{});
    FAIL() << "no exception";
  } catch (const MissingGlyph& e) {
    EXPECT_EQ(e.text(), "Madame 中村");
  }
}

}  // namespace
}  // namespace aap::render
