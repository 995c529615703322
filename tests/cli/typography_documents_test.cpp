// End-to-end print finish of the shipped fixtures: ordinals in superscript in the letters and the notice,
// no name, title or amount in words from the data hyphenated anywhere, the typographic apostrophe
// throughout (the address block included), the council's name whole in every signature.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "support/pdf_words.hpp"
#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

const fs::path& fixture_output() { return test::fixture_run_output(); }

// -raw keeps the hyphens at line ends (the default mode joins hyphenated words back); -layout keeps each
// printed line whole.
std::string pdftotext(const fs::path& pdf, bool layout = false) {
  std::vector<std::string> argv{"/usr/bin/pdftotext", "-enc", "UTF-8", layout ? "-layout" : "-raw"};
  argv.push_back(pdf.string());
  argv.push_back("-");
  const auto r = run_process(argv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return std::regex_replace(r.out, std::regex("\u00A0|\u202F"), " ");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> tokens(const std::string& text) {
  std::vector<std::string> out;
  const std::regex word("[^ \t\n\f«»()\\[\\],.;:!?\"’']+");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
    out.push_back(it->str());
  }
  return out;
}

// Words that only the data brings: names, titles, communes from the dossiers and the campaign, and the
// words of amounts, less every word the templates write themselves.
std::set<std::string> data_words() {
  std::set<std::string> words;
  const auto add = [&](const std::string& s) {
    for (const std::string& t : tokens(s)) words.insert(t);
  };
  for (const auto& entry : fs::directory_iterator(kRoot / "fixtures/dossiers")) {
    const auto d = nlohmann::json::parse(slurp(entry.path()));
    add(d["association"]["name"].get<std::string>());
    add(d["training"]["title"].get<std::string>());
    add(d["training"]["site"]["city"].get<std::string>());
    add(d["association"]["representative"]["last_name"].get<std::string>());
  }
  const auto campaign = nlohmann::json::parse(slurp(kRoot / "fixtures/campaign.json"));
  add(campaign["authority"]["council"].get<std::string>());
  add(campaign["authority"]["signatory"]["title"].get<std::string>());
  add("un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt trente "
      "quarante cinquante soixante quatre-vingt quatre-vingts cent cents mille euros centimes");
  for (const auto& entry : fs::directory_iterator(kRoot / "templates")) {
    if (entry.path().extension() != ".mustache") continue;
    for (const std::string& t : tokens(slurp(entry.path()))) words.erase(t);
  }
  return words;
}

// Lines that end with a hyphen whose two halves make a word of the data: a name or an amount in words cut.
std::vector<std::string> cut_data_words(const std::string& text, const std::set<std::string>& words) {
  std::vector<std::string> cuts;
  const auto lines = lines_of(text);
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const auto head = tokens(lines[i]);
    const auto tail = tokens(lines[i + 1]);
    if (head.empty() || tail.empty() || lines[i].empty() || lines[i].back() != '-') continue;
    std::string stem = head.back();
    if (!stem.empty() && stem.back() == '-') stem.pop_back();
    const std::string next = tail.front();
    // Cut by the patterns: the pieces on either side of the break make one word ("Pro-" "vence").
    const std::string before = stem.substr(stem.rfind('-') == std::string::npos ? 0 : stem.rfind('-') + 1);
    const std::string after = next.substr(0, next.find('-'));
    // Cut after its own hyphen: the whole compound is a word of the data ("Aix-en-" "Provence").
    if (words.count(before + after) > 0 || words.count(stem + "-" + next) > 0) {
      cuts.push_back(lines[i] + " / " + lines[i + 1]);
    }
  }
  return cuts;
}

TEST(TypographyDocuments, OrdinalsAreSuperscriptInTheLettersAndTheNotice) {
  const auto letters = test::pdf_words(fixture_output() / "courriers/courriers-a-imprimer.pdf");
  EXPECT_GE(test::superscript_ordinals(letters, "1", "er"), 1) << "« classé au 1er rang »";
  EXPECT_GE(test::superscript_ordinals(letters, "2", "e") + test::superscript_ordinals(letters, "3", "e"), 1)
      << "« classé au 2e rang »";
  // No ordinal's letters are left at full size beside their figures.
  EXPECT_EQ(test::joined_words(letters).find(" 1er "), std::string::npos);
  const auto notice = test::pdf_words(fixture_output() / "avis-appel-a-projets.pdf");
  EXPECT_GE(test::superscript_ordinals(notice, "1", "er"), 1) << test::joined_words(notice);
}

TEST(TypographyDocuments, ThePlaceAndDateOfALetterSetTheFirstOfTheMonthInSuperscript) {
  TempDir dir;
  const auto r = run_aap({"run", "--quiet", "--date", "2027-04-01", "--out", (dir / "out").string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto words = test::pdf_words(dir / "out/courriers/2027-003.pdf");
  // « Marseille, le 1er avril 2027 » (a letter cannot precede the session of 12 March), top right of the first page, above the address window.
  int found = 0;
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    if (words[i].text == "le" && words[i + 2].text == "er" && words[i].y_max < 100) {
      found += test::superscript_ordinals({words[i + 1], words[i + 2]}, "1", "er");
    }
  }
  EXPECT_EQ(found, 1) << test::joined_words(words).substr(0, 300);
}

TEST(TypographyDocuments, NoNameTitleOrAmountInWordsFromTheDataIsHyphenated) {
  const auto words = data_words();
  ASSERT_TRUE(words.count("Provence") == 1 && words.count("euros") == 1 && words.count("analyst") == 1);
  for (const char* pdf : {"courriers/courriers-a-imprimer.pdf", "deliberation.pdf", "avis-appel-a-projets.pdf"}) {
    const auto cuts = cut_data_words(pdftotext(fixture_output() / pdf), words);
    EXPECT_TRUE(cuts.empty()) << pdf << ": " << (cuts.empty() ? "" : cuts.front());
  }
}

TEST(TypographyDocuments, RunningTextIsStillHyphenated) {
  const std::string text = pdftotext(fixture_output() / "deliberation.pdf");
  EXPECT_TRUE(std::regex_search(text, std::regex("[a-z]-\n[a-z]"))) << "no line of running text ends hyphenated";
}

TEST(TypographyDocuments, EveryApostropheIsTypographicTheAddressBlockIncluded) {
  for (const char* pdf : {"courriers/courriers-a-imprimer.pdf", "deliberation.pdf", "avis-appel-a-projets.pdf"}) {
    const std::string text = pdftotext(fixture_output() / pdf);
    EXPECT_EQ(text.find('\''), std::string::npos) << pdf << ": " << text.substr(text.find('\'') - 40, 80);
  }
  const std::string letter = pdftotext(fixture_output() / "courriers/2027-003.pdf", true);
  EXPECT_NE(letter.find("Formation et l’Insertion"), std::string::npos) << letter.substr(0, 1200);
}

TEST(TypographyDocuments, TheCouncilsNameIsWholeInEverySignature) {
  const std::string text = pdftotext(fixture_output() / "courriers/courriers-a-imprimer.pdf", true);
  int signatures = 0;
  for (const std::string& line : lines_of(text)) {
    if (line.find("Président du Conseil") == std::string::npos) continue;
    ++signatures;
    EXPECT_FALSE(std::regex_search(line, std::regex("(Territoire|Marseille)\\s*$"))) << line;
  }
  EXPECT_GE(signatures, 20);
}

}  // namespace
}  // namespace aap
