// Table column widths with a monospace measurer: weights share the width, unbreakable runs set each minimum.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "render/layout/fake_measurer.hpp"
#include "render/layout/layout.hpp"

namespace aap::render {
namespace {

/// 200 × 300 pt, 20 pt margins: 160 pt wide; table text at 10 pt, so 5 pt a character.
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
  s.hyphenate = false;
  return s;
}

doc::Inline plain(const std::string& s) { return {doc::Span{s}}; }

// "12 500,50 €" as the deliberation writes it: U+202F between thousands, U+00A0 before the sign.
const std::string kAmount = "12\u202F500,50\u00A0€";
const std::string kLongText =
    "Association des parents d'élèves pour les travaux de la cour et du jardin partagé de l'école";

/// A rank, a long text and an amount, weighted as markup weighs them (6, 30 and 11 characters).
LaidOutDocument distribution_table() {
  doc::Table t;
  t.columns = {{doc::Align::right, 6}, {doc::Align::left, 30}, {doc::Align::right, 11}};
  t.header = {{plain("Rang"), plain("Objet"), plain("Montant")}};
  t.rows = {{plain("1"), plain(kLongText), plain(kAmount)}};
  doc::Document d;
  d.blocks.push_back(t);
  return layout_document(d, test::FakeMeasurer(), small_page());
}

std::vector<std::string> texts(const LaidOutDocument& d) {
  std::vector<std::string> out;
  for (const auto& page : d.pages) {
    for (const auto& op : page.ops) {
      if (const auto* t = std::get_if<TextOp>(&op)) out.push_back(t->text);
    }
  }
  return out;
}

std::set<double> column_edges(const LaidOutDocument& d) {
  std::set<double> xs;
  for (const auto& op : d.pages.at(0).ops) {
    const auto* l = std::get_if<LineOp>(&op);
    if (l != nullptr && l->x0_pt == l->x1_pt) xs.insert(l->x0_pt);
  }
  return xs;
}

TEST(TableColumns, AmountWithNoBreakSpacesIsNeverBrokenNextToALongText) {
  const auto all = texts(distribution_table());
  // By weight alone the amount's column would hold 5 characters: "12 50" / "0,50 €".
  EXPECT_EQ(std::count(all.begin(), all.end(), kAmount), 1) << ::testing::PrintToString(all);
}

TEST(TableColumns, ShortBoldHeaderIsNotCut) {
  const auto all = texts(distribution_table());
  // By weight alone "Rang" would get 8.8 pt inside its borders: one character a line.
  EXPECT_EQ(std::count(all.begin(), all.end(), std::string("Rang")), 1) << ::testing::PrintToString(all);
  EXPECT_EQ(std::count(all.begin(), all.end(), std::string("Montant")), 1);
}

TEST(TableColumns, NarrowColumnsGetTheirMinimumAndTheLongTextTheRest) {
  // Rang: 4 characters + 8 pt of padding + 2 pt of slack = 30 pt; amount: 11 characters + 10 = 65 pt;
  // the text: 65 pt.
  EXPECT_EQ(column_edges(distribution_table()), (std::set<double>{20, 50, 115, 180}));
}

TEST(TableColumns, WeightsStillShareTheWidthWhenEveryColumnFits) {
  doc::Table t;
  t.columns = {{doc::Align::left, 1}, {doc::Align::left, 3}};
  t.header = {{plain("A"), plain("B")}};
  t.rows = {{plain("x"), plain("y")}};
  doc::Document d;
  d.blocks.push_back(t);
  EXPECT_EQ(column_edges(layout_document(d, test::FakeMeasurer(), small_page())),
            (std::set<double>{20, 60, 180}));
}

TEST(TableColumns, ColumnWithALongRunTakesItAndTheOtherTheRest) {
  doc::Table t;
  t.columns = {{doc::Align::left, 1}, {doc::Align::left, 1}};
  t.header = {{plain("A"), plain("B")}};
  // 20 characters + 8 pt of padding + 2 pt of slack = 110 pt, more than the even 80 pt; the other column
  // keeps 50 pt (needs 50).
  t.rows = {{plain(std::string(20, 'a')), plain(std::string(8, 'b'))}};
  doc::Document d;
  d.blocks.push_back(t);
  EXPECT_EQ(column_edges(layout_document(d, test::FakeMeasurer(), small_page())),
            (std::set<double>{20, 130, 180}));
}

TEST(TableColumns, TheWidestRunGivesWayWhenRunsExceedTheTable) {
  doc::Table t;
  t.columns = {{doc::Align::left, 1}, {doc::Align::left, 1}};
  t.header = {{plain("A"), plain("B")}};
  // 30 characters + 10 = 160 pt and 10 + 10 = 60 pt: 220 pt needed, 160 available. The narrow column keeps
  // its 60 pt; the wide one gets the 100 pt left and its run is broken inside.
  t.rows = {{plain(std::string(30, 'a')), plain(std::string(10, 'b'))}};
  doc::Document d;
  d.blocks.push_back(t);
  EXPECT_EQ(column_edges(layout_document(d, test::FakeMeasurer(), small_page())),
            (std::set<double>{20, 120, 180}));
}

TEST(TableColumns, AnUnbrokenThreeHundredCharacterTitleLeavesTheAmountItsWidth) {
  doc::Table t;
  t.columns = {{doc::Align::right, 6}, {doc::Align::left, 30}, {doc::Align::right, 11}};
  t.header = {{plain("Rang"), plain("Formation"), plain("Montant")}};
  doc::Span title{std::string(300, 'x')};
  title.keep_whole = true;  // a title from the data
  t.rows = {{plain("1"), {title}, plain(kAmount)}};
  doc::Document d;
  d.blocks.push_back(t);
  const LaidOutDocument laid = layout_document(d, test::FakeMeasurer(), small_page());
  // The amount is drawn whole on one line; the title is cut between characters to its column.
  const auto all = texts(laid);
  EXPECT_EQ(std::count(all.begin(), all.end(), kAmount), 1);
  const auto edges = column_edges(laid);
  ASSERT_EQ(edges.size(), 4u);
  // "Montant" in bold and "12 500,50 €" need 11 characters + padding + slack: 65 pt.
  EXPECT_GE(*edges.rbegin() - *std::next(edges.begin(), 2), 65 - 1e-9);
  std::size_t title_characters = 0;
  for (const auto& text : all) {
    if (text.find('x') != std::string::npos) {
      EXPECT_EQ(text.find_first_not_of('x'), std::string::npos) << text;  // no hyphen added
      title_characters += text.size();
    }
  }
  EXPECT_EQ(title_characters, 300u);
}

}  // namespace
}  // namespace aap::render
