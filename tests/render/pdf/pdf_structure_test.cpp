// The structure tree of render_pdf, read back by pikepdf (pdf_conformance.py) and poppler: every piece of
// content marked, the parent tree in agreement, tables split across pages kept as one table whose header
// repeats as an artifact, lists and headings as PDF/UA-1 wants them.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "render/pdf/pdf_renderer.hpp"
#include "render/pdf/sample_letter.hpp"
#include "support/process.hpp"

namespace aap::render {
namespace {
using nlohmann::json;

json facts_of(const doc::Document& d) {
  test::TempDir dir;
  const auto path = dir / "doc.pdf";
  std::ofstream(path, std::ios::binary) << render_pdf(d);
  const auto r = test::run_process(
      {AAP_PYTHON, std::string(AAP_SOURCE_DIR) + "/tests/render/pdf/pdf_conformance.py", path.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

int count_type(const json& elements, const std::string& type) {
  int n = 0;
  for (const auto& e : elements) n += e["S"] == "/" + type ? 1 : 0;
  return n;
}

TEST(PdfStructure, ATableAcrossThreePagesIsOneTableWithItsHeaderOnceAndRepeatedAsArtifact) {
  const json f = facts_of(test::sample_letter("2027-004", 60));
  ASSERT_EQ(f["pages"].size(), 3U);
  const json& elements = f["structure"]["elements"];
  EXPECT_EQ(count_type(elements, "Table"), 1);
  // The sample's table: one header row, 60 criteria rows (sample_letter.hpp), each of 4 cells... as many
  // TR as rows, and a TH per header cell once only.
  int header_cells = 0;
  int rows = 0;
  for (const auto& e : elements) {
    if (e["S"] == "/TR") ++rows;
    if (e["S"] == "/TH") {
      ++header_cells;
      EXPECT_EQ(e["A"]["Scope"], "/Column");
      EXPECT_EQ(elements[e["parent"].get<int>()]["S"], "/TR");
    }
    if (e["S"] == "/TD") {
      EXPECT_EQ(elements[e["parent"].get<int>()]["S"], "/TR");
    }
    if (e["S"] == "/TR") {
      EXPECT_EQ(elements[e["parent"].get<int>()]["S"], "/Table");
    }
  }
  EXPECT_GE(rows, 61);
  EXPECT_GT(header_cells, 0);
  // Pages 2 and 3 repeat the header: as artifacts, beside the footer and page number; page 1 has the header
  // as structure, so its artifacts are the footer and page number only.
  const auto artifact_text = [&](int page) {
    std::string all;
    for (const auto& a : f["pages"][page]["artifact_text"]) all += a.get<std::string>() + "|";
    return all;
  };
  for (int page = 0; page < 3; ++page) {
    const std::string artifacts = artifact_text(page);
    EXPECT_NE(artifacts.find("Page " + std::to_string(page + 1) + "/3"), std::string::npos) << artifacts;
    EXPECT_NE(artifacts.find("Réf. AAP-GEN-2027 / 2027-004"), std::string::npos) << artifacts;
    const bool header_repeated = artifacts.find("Critère") != std::string::npos &&
                                 artifacts.find("Résultat") != std::string::npos;
    EXPECT_EQ(header_repeated, page > 0) << "page " << page + 1 << ": " << artifacts;
  }
}

TEST(PdfStructure, EveryTextIsMarkedAndTheParentTreeNamesItsElement) {
  const json f = facts_of(test::sample_letter("2027-004", 60));
  const json& s = f["structure"];
  ASSERT_TRUE(s.is_object());
  EXPECT_TRUE(s["problems"].empty()) << s["problems"].dump();
  EXPECT_EQ(s["parent_tree_next_key"], f["pages"].size());
  for (std::size_t p = 0; p < f["pages"].size(); ++p) {
    const json& page = f["pages"][p];
    EXPECT_EQ(page["text_outside_marked_content"], 0) << p;
    EXPECT_EQ(page["paint_outside_marked_content"], 0) << p;
    EXPECT_EQ(page["unclosed"], 0) << p;
    EXPECT_TRUE(page["nesting_ok"].get<bool>()) << p;
    ASSERT_EQ(page["StructParents"], p);
    const json& tree = s["parent_tree"][std::to_string(p)];
    ASSERT_EQ(tree.size(), page["mcids"].size()) << p;
    for (std::size_t m = 0; m < page["mcids"].size(); ++m) {
      EXPECT_EQ(page["mcids"][m], m) << "MCIDs numbered in order on page " << p;
      const std::string key = std::to_string(p) + ":" + std::to_string(m);
      ASSERT_TRUE(s["marked"].contains(key)) << key;
      EXPECT_EQ(s["marked"][key], tree[m]) << key;
    }
  }
}

TEST(PdfStructure, ListsHaveLabelsAndBodiesAndHeadingsStartAtH1) {
  doc::Document d = test::sample_letter();
  d.blocks.push_back(doc::Heading{3, test::text("Voies et délais de recours")});
  d.blocks.push_back(doc::ListBlock{true, 1, {test::text("premier"), test::text("second")}});
  d.blocks.push_back(doc::Heading{3, test::text("Suite")});
  const json f = facts_of(d);
  const json& elements = f["structure"]["elements"];
  EXPECT_EQ(elements[0]["S"], "/Document");
  EXPECT_EQ(elements[0]["parent"], -1);
  std::vector<int> levels;
  std::vector<std::string> numberings;
  for (const auto& e : elements) {
    const std::string type = e["S"];
    if (type.size() == 3 && type[1] == 'H') levels.push_back(type[2] - '0');
    if (type == "/L") numberings.push_back(e["A"]["ListNumbering"]);
    if (type == "/LI") {
      EXPECT_EQ(elements[e["parent"].get<int>()]["S"], "/L");
    }
    if (type == "/Lbl" || type == "/LBody") {
      EXPECT_EQ(elements[e["parent"].get<int>()]["S"], "/LI");
    }
  }
  // The template's level 3 is the outline's first heading: H1, and the next one does not skip a level.
  ASSERT_FALSE(levels.empty());
  EXPECT_EQ(levels.front(), 1);
  for (std::size_t i = 1; i < levels.size(); ++i) EXPECT_LE(levels[i], levels[i - 1] + 1);
  EXPECT_GE(count_type(elements, "Lbl"), 2);
  ASSERT_FALSE(numberings.empty());
  EXPECT_EQ(numberings.back(), "/Decimal");  // the ordered list added last; the sample's own are bullets
  for (const auto& n : numberings) EXPECT_TRUE(n == "/Decimal" || n == "/Disc") << n;
}

}  // namespace
}  // namespace aap::render
