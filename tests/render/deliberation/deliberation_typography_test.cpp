// The deliberation's print finish: ordinals in superscript (PDF and ODT), names and amounts in words never
// hyphenated (PDF and ODT), the council's name on one line in the title and the signature, and a training
// title of 300 characters without a space that leaves the grant column its width.
#include "test_paths.hpp"
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "render/deliberation/deliberation.hpp"
#include "render/deliberation/deliberation_fixture.hpp"
#include "render/odt/odt_renderer.hpp"
#include "render/odt/odt_test_support.hpp"
#include "render/pdf/pdf_renderer.hpp"
#include "support/pdf_words.hpp"

namespace aap::deliberation {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace t = test::odt;

const tpl::TemplateSet& shipped() {
  static const tpl::TemplateSet set = tpl::TemplateSet::load(std::string(AAP_SOURCE_DIR) + "/templates");
  return set;
}

// A session on the 1st, so that the deliberation prints « Séance du 1er mars 2027 ».
Campaign first_of_the_month() {
  Campaign c = test::deliberation::campaign();
  c.calendar.council_session = Date{2027, 3, 1};
  return c;
}

std::filesystem::path write_pdf(const doc::Document& document, const std::string& name) {
  const auto path = t::scratch_dir("deliberation-typo-" + name) / "deliberation.pdf";
  t::write_file(path, render::render_pdf(document));
  return path;
}

TEST(DeliberationTypography, OrdinalsAreSuperscriptInThePdfAndTheOdt) {
  const auto run = test::deliberation::small_run();
  const doc::Document document = build_deliberation(shipped(), first_of_the_month(), run.evaluation, Date{2027, 3, 20});
  const auto words = test::pdf_words(write_pdf(document, "ordinals"));
  EXPECT_GE(test::superscript_ordinals(words, "1", "er"), 1) << test::joined_words(words);

  const std::string content = t::odt_tool("cat " + t::shell_quoted([&] {
    const auto path = t::scratch_dir("deliberation-typo-odt") / "deliberation.odt";
    t::write_file(path, render::render_odt(document));
    return path;
  }()) + " content.xml");
  // The séance line is bold: its "er" is a bold superscript span, styled at 58 %.
  EXPECT_THAT(content, HasSubstr(">1</text:span><text:span text:style-name=\"Tbsn\">er</text:span>"));
  EXPECT_THAT(content, HasSubstr("<style:style style:name=\"Tbsn\" style:family=\"text\"><style:text-properties "
                                 "fo:font-weight=\"bold\""));
  EXPECT_TRUE(std::regex_search(content, std::regex("style:name=\"Tbsn\"[^>]*><style:text-properties[^>]*"
                                                    "style:text-position=\"super 58%\"")));
}

TEST(DeliberationTypography, NamesAndAmountsInWordsAreNeverHyphenatedInTheOdt) {
  const auto run = test::deliberation::small_run();
  const doc::Document document = build_deliberation(shipped(), first_of_the_month(), run.evaluation, Date{2027, 3, 20});
  const auto path = t::scratch_dir("deliberation-typo-names") / "deliberation.odt";
  t::write_file(path, render::render_odt(document));
  const std::string content = t::odt_tool("cat " + t::shell_quoted(path) + " content.xml");
  EXPECT_TRUE(std::regex_search(content, std::regex("style:name=\"Tn\"[^>]*><style:text-properties "
                                                    "fo:hyphenate=\"false\"")));
  EXPECT_THAT(content, HasSubstr("<text:span text:style-name=\"Tn\">Numérique pour Tous</text:span>"));
  EXPECT_THAT(content, HasSubstr("<text:span text:style-name=\"Tn\">douze mille cinq cents euros et cinquante "
                                 "centimes</text:span>"));
  // Running text keeps the document's hyphenation: it is not wrapped in such a span.
  EXPECT_THAT(content, Not(HasSubstr("<text:span text:style-name=\"Tn\">Délibère")));
}

TEST(DeliberationTypography, TheCouncilsNameStaysOnOneLineInTheTitleAndTheSignature) {
  const auto run = test::deliberation::small_run();
  const doc::Document document = build_deliberation(shipped(), first_of_the_month(), run.evaluation, Date{2027, 3, 20});
  const std::string text = t::pdf_text(write_pdf(document, "council"), 0, 0, true);
  // pdftotext prints the no-break spaces that hold the name together as spaces.
  const std::string plain = std::regex_replace(text, std::regex("\u00A0|\u202F"), " ");
  int title_and_signatures = 0;
  std::size_t start = 0;
  while (start < plain.size()) {
    std::size_t end = plain.find('\n', start);
    if (end == std::string::npos) end = plain.size();
    const std::string line = plain.substr(start, end - start);
    start = end + 1;
    if (line.find("Extrait des registres") == std::string::npos && line.find("Président du") == std::string::npos) {
      continue;  // running text may break between words of a name
    }
    ++title_and_signatures;
    EXPECT_FALSE(std::regex_search(line, std::regex("(Territoire|Marseille)\\s*$"))) << line;
  }
  EXPECT_GE(title_and_signatures, 2);
  EXPECT_THAT(plain, HasSubstr("Territoire Marseille Provence\n"));
}

TEST(DeliberationTypography, AnUnbrokenThreeHundredCharacterTitleLeavesTheGrantWhole) {
  auto run = test::deliberation::small_run();
  std::string title;
  while (title.size() < 300) title += "Conceptrice";
  title.resize(300);
  run.dossiers[0].training.title = title;
  const doc::Document document = build_deliberation(shipped(), first_of_the_month(), run.evaluation, Date{2027, 3, 20});
  const auto pdf = write_pdf(document, "long-title");
  const auto words = test::pdf_words(pdf);
  // "30 000 €" is printed on one line of the table: its three words share a baseline, left to right.
  bool whole = false;
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    if (words[i].text == "30" && words[i + 1].text == "000" && words[i + 2].text == "€") {
      whole = whole || (words[i].y_max == words[i + 1].y_max && words[i + 1].y_max == words[i + 2].y_max &&
                        words[i].x_max < words[i + 1].x_min);
    }
  }
  EXPECT_TRUE(whole) << test::joined_words(words);
  // The title is all there, cut between characters without hyphens.
  std::string letters;
  for (const auto& w : words) {
    if (w.text.find("Conceptri") != std::string::npos || w.text.find("onceptri") != std::string::npos ||
        (w.text.size() > 3 && title.find(w.text) != std::string::npos)) {
      letters += w.text;
    }
  }
  EXPECT_THAT(letters, HasSubstr(title.substr(0, 40)));
}

}  // namespace
}  // namespace aap::deliberation
