// The deliberation as files: the PDF read by pdftotext, the ODT converted by LibreOffice, the same text in
// both, and a 150-row distribution that crosses pages with its header row repeated.
#include "test_paths.hpp"
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "render/deliberation/deliberation.hpp"
#include "render/deliberation/deliberation_fixture.hpp"
#include "render/odt/odt_renderer.hpp"
#include "render/odt/odt_test_support.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "support/schema_validation.hpp"

namespace aap::deliberation {
namespace {

using ::testing::HasSubstr;
namespace t = test::odt;

const tpl::TemplateSet& shipped() {
  static const tpl::TemplateSet set = tpl::TemplateSet::load(std::string(AAP_SOURCE_DIR) + "/templates");
  return set;
}

struct Files {
  std::filesystem::path pdf;
  std::filesystem::path odt;
  doc::Document document;
};

Files write_both(const Evaluation& evaluation, const std::string& name) {
  const auto dir = t::scratch_dir("deliberation-" + name);
  Files f{dir / "deliberation.pdf", dir / "deliberation.odt",
          build_deliberation(shipped(), test::deliberation::campaign(), evaluation, Date{2027, 3, 20})};
  t::write_file(f.pdf, render::render_pdf(f.document));
  t::write_file(f.odt, render::render_odt(f.document));
  return f;
}

// pdftotext's text with the page furniture taken out (page counts differ between the two layouts), list
// bullets out (pdftotext reads their column in varying order), hyphens out (each engine hyphenates its own
// line ends and pdftotext joins some of them) and white space out (lines break in different places).
std::string letters(std::string text, const std::string& footer) {
  if (!footer.empty()) {
    for (std::size_t at = text.find(footer); at != std::string::npos; at = text.find(footer)) text.erase(at, footer.size());
  }
  text = std::regex_replace(text, std::regex("Page [0-9]+/[0-9]+"), "");
  text = std::regex_replace(text, std::regex("\u2022|\u00AD|-|\u00A0|\u202F"), "");
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out += c;
  }
  return out;
}

// Runs of ASCII white space as one space (std::regex's \s would also match bytes of UTF-8 letters).
std::string collapse_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

int occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(DeliberationDocuments, PdfCarriesEveryGrantInFiguresAndWordsAndTheArticles) {
  const auto run = test::deliberation::small_run();
  const Files f = write_both(run.evaluation, "pdf");
  std::string text = t::pdf_text(f.pdf);
  text = std::regex_replace(text, std::regex("\u00A0|\u202F"), " ");
  for (const char* line : {"Association Code & Quartiers : 30 000 € (trente mille euros)",
                           "Les Ateliers | du *code* #1 : 24 080 € (vingt-quatre mille quatre-vingts euros)",
                           "Numérique pour Tous : 12 500,50 € (douze mille cinq cents euros et cinquante centimes)"}) {
    EXPECT_THAT(text, HasSubstr(line));
  }
  EXPECT_THAT(text, HasSubstr("66 580,50 €"));
  EXPECT_THAT(letters(text, ""), HasSubstr("(soixantesixmillecinqcentquatrevingtseurosetcinquantecentimes)."));
  for (const char* heading : {"Délibère", "Article 1", "Article 2", "Article 3", "Article 4", "Article 5",
                              "Voies et délais de recours"}) {
    EXPECT_THAT(text, HasSubstr(heading));
  }
}

TEST(DeliberationDocuments, TwoRunsGiveByteIdenticalFiles) {
  const auto run = test::deliberation::small_run();
  const auto build = [&] {
    return build_deliberation(shipped(), test::deliberation::campaign(), run.evaluation, Date{2027, 3, 20});
  };
  EXPECT_EQ(render::render_odt(build()), render::render_odt(build()));
  EXPECT_EQ(render::render_pdf(build()), render::render_pdf(build()));
}

// The deliberation's ODT, small and across pages, passes the OASIS ODF 1.2 RelaxNG schema part by part.
TEST(DeliberationDocuments, OdtIsValidOdf12) {
  const Files small = write_both(test::deliberation::small_run().evaluation, "schema-small");
  const auto v = test::validate_odt(small.odt);
  EXPECT_TRUE(v.ok) << v.report;
  const Files large = write_both(test::deliberation::large_run(150).evaluation, "schema-large");
  const auto w = test::validate_odt(large.odt);
  EXPECT_TRUE(w.ok) << w.report;
}

TEST(DeliberationDocuments, OdtThroughLibreOfficeReadsLikeThePdf) {
  const auto run = test::deliberation::small_run();
  const Files f = write_both(run.evaluation, "compare");
  const auto converted = t::libreoffice_pdf(f.odt);
  ASSERT_NE(t::run("pdfinfo " + t::shell_quoted(f.pdf)).find("Producer:        aap"), std::string::npos);
  const std::string ours = letters(t::pdf_text(f.pdf), f.document.footer_left);
  const std::string libreoffice = letters(t::pdf_text(converted), f.document.footer_left);
  EXPECT_GT(ours.size(), 6000u);
  // Cells wrap differently in the two engines and pdftotext then interleaves their lines differently: the
  // table is compared as the same characters, everything around it character for character.
  const auto split = [](const std::string& text) {
    const std::string before = "tellequ’ellefigureautableaucidessous.";  // Article 1's sentence
    const std::size_t begin = text.find(before) + before.size();
    const std::size_t end = text.find("Article2", begin);
    EXPECT_NE(text.find(before), std::string::npos);
    EXPECT_NE(end, std::string::npos);
    if (text.find(before) == std::string::npos || end == std::string::npos) return std::make_pair(text, std::string());
    std::string table = text.substr(begin, end - begin);
    std::sort(table.begin(), table.end());
    return std::make_pair(text.substr(0, begin) + text.substr(end), table);
  };
  const auto [our_text, our_table] = split(ours);
  const auto [their_text, their_table] = split(libreoffice);
  EXPECT_EQ(our_text, their_text);
  EXPECT_EQ(our_table, their_table);
}

// LibreOffice measures a bold word a little wider than our metrics: a column at its minimum width once
// broke the header "Rang" as "Ran" / "g" in the ODT.
TEST(DeliberationDocuments, OdtThroughLibreOfficeKeepsEveryHeaderWordWhole) {
  const auto run = test::deliberation::small_run();
  const Files f = write_both(run.evaluation, "header");
  for (const auto& pdf : {f.pdf, t::libreoffice_pdf(f.odt)}) {
    SCOPED_TRACE(pdf.string());
    EXPECT_THAT(collapse_spaces(t::pdf_text(pdf, 0, 0, true)),
                HasSubstr(" Rang Bénéficiaire SIRET Formation Commune Subvention "));
  }
}

TEST(DeliberationDocuments, HundredAndFiftyRowsCrossPagesWithTheHeaderRepeated) {
  const auto run = test::deliberation::large_run(150);
  const Files f = write_both(run.evaluation, "large");
  const std::string content = t::odt_tool("cat " + t::shell_quoted(f.odt) + " content.xml");
  EXPECT_EQ(occurrences(content, "<table:table-header-rows>"), 1);
  EXPECT_EQ(occurrences(content, "<table:table-row "), 152);  // header, 150 grants, total

  const std::string header = "Rang Bénéficiaire SIRET Formation Commune Subvention";
  // The pages (1-based) whose text, in layout mode so that a table row stays on one line, holds `row`
  // (or starts with it).
  const auto pages_with = [](const std::string& layout_text, const std::string& row, bool at_start = false) {
    std::vector<int> pages;
    int page = 1;
    std::size_t start = 0;
    for (std::size_t end = layout_text.find('\f'); end != std::string::npos; end = layout_text.find('\f', start)) {
      std::string page_text = collapse_spaces(layout_text.substr(start, end - start));
      if (!page_text.empty() && page_text.front() == ' ') page_text.erase(0, 1);
      const std::size_t at = page_text.find(row);
      if (at != std::string::npos && (!at_start || at == 0)) pages.push_back(page);
      start = end + 1;
      ++page;
    }
    return pages;
  };
  for (const auto& pdf : {f.pdf, t::libreoffice_pdf(f.odt)}) {
    SCOPED_TRACE(pdf.string());
    const std::string text = t::pdf_text(pdf, 0, 0, true);
    const auto first = pages_with(text, "1 Association numéro 1 ");
    const auto last = pages_with(text, "150 Association numéro 150 ");
    ASSERT_FALSE(first.empty());
    ASSERT_FALSE(last.empty());
    EXPECT_GE(last.front() - first.front(), 2);
    // The page where the table starts holds its header; every following page starts with it.
    // The total row may move alone to the next page, under the header repeated.
    int end = last.front();
    for (int p : pages_with(text, "Total")) end = p == end + 1 ? p : end;
    std::vector<int> continued;
    for (int p = first.front() + 1; p <= end; ++p) continued.push_back(p);
    std::vector<int> all = continued;
    all.insert(all.begin(), first.front());
    EXPECT_EQ(pages_with(text, header), all);
    const std::vector<int> starting = pages_with(text, header, true);
    for (int p : continued) EXPECT_NE(std::find(starting.begin(), starting.end(), p), starting.end()) << "page " << p;
  }
}

}  // namespace
}  // namespace aap::deliberation
