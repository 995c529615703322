// End-to-end: the documents that `aap run` writes, read back through independent readers.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

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

std::string pdftotext(const fs::path& pdf, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> argv{"/usr/bin/pdftotext", "-enc", "UTF-8"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(pdf.string());
  argv.push_back("-");
  const auto r = run_process(argv);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // pdftotext prints U+00A0 and U+202F as spaces: compare on plain spaces, one line.
  std::string text = std::regex_replace(r.out, std::regex("\u00A0|\u202F"), " ");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

int pages(const fs::path& pdf) {
  const auto r = run_process({"/usr/bin/pdfinfo", pdf.string()});
  std::smatch m;
  const std::regex re("Pages:\\s+(\\d+)");
  return std::regex_search(r.out, m, re) ? std::stoi(m[1]) : -1;
}

TEST(Documents, OneLetterPerDossierAndNoOtherFile) {
  const auto ev = nlohmann::json::parse(slurp(fixture_output() / "evaluation.json"));
  // Beside the letters: the mailing list and the e-mails' folder (tests/cli/mailing_outputs_test.cpp).
  std::vector<std::string> expected{"courriers-a-imprimer.pdf", "envoi.csv", "emails"};
  for (const auto& d : ev["dossiers"]) expected.push_back(d["id"].get<std::string>() + ".pdf");
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(fixture_output() / "courriers"))
    found.push_back(e.path().filename().string());
  std::sort(expected.begin(), expected.end());
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, expected);
}

TEST(Documents, FundedLetterStatesTheGrantInFiguresAndWords) {
  const std::string text = pdftotext(fixture_output() / "courriers/2027-003.pdf");
  EXPECT_NE(text.find("40 000 €"), std::string::npos) << text;
  EXPECT_NE(text.find("quarante mille euros"), std::string::npos) << text;
  EXPECT_NE(text.find("convention"), std::string::npos) << "above 23 000 €: " << text;
  EXPECT_NE(text.find("compte rendu financier"), std::string::npos) << text;
  // 40 000 € for the 45 000 € requested: partly unfavourable, so the recourse is given (recourse_test.cpp).
  EXPECT_NE(text.find("Voies et délais de recours"), std::string::npos) << "granted less than requested";
  const std::string full = pdftotext(fixture_output() / "courriers/2027-001.pdf");  // 30 000 € as requested
  EXPECT_NE(full.find("30 000 €"), std::string::npos) << full;
  EXPECT_EQ(full.find("Voies et délais de recours"), std::string::npos) << "fully favourable: " << full;
}

TEST(Documents, PartialLetterStatesTheGrantAndTheAmountRequestedAndTheRecourse) {
  const std::string text = pdftotext(fixture_output() / "courriers/2027-006.pdf");
  EXPECT_NE(text.find("7 500 €"), std::string::npos) << text;
  EXPECT_NE(text.find("sept mille cinq cents euros"), std::string::npos) << text;
  EXPECT_NE(text.find("24 000 €"), std::string::npos) << text;
  EXPECT_NE(text.find("tribunal administratif de Marseille"), std::string::npos) << text;
}

TEST(Documents, IneligibleLetterGivesEachFailedCriterionWithItsFigures) {
  const std::string text = pdftotext(fixture_output() / "courriers/2027-019.pdf");
  EXPECT_NE(text.find("5 / 18 (27,78 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("≥ 30 %"), std::string::npos) << text;
  EXPECT_NE(text.find("tribunal administratif de Marseille"), std::string::npos) << text;
}

TEST(Documents, LettersEmbedEveryFontWithAToUnicodeMap) {
  const auto r = run_process({"/usr/bin/pdffonts", (fixture_output() / "courriers/2027-001.pdf").string()});
  ASSERT_EQ(r.exit_code, 0);
  std::istringstream lines(r.out);
  std::string line;
  int fonts = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0) continue;
    ++fonts;
    // columns: name type encoding emb sub uni object ID
    EXPECT_NE(line.find(" yes yes yes "), std::string::npos) << line;
  }
  EXPECT_GE(fonts, 2);
}

TEST(Documents, EveryPdfPassesQpdfCheck) {
  for (const auto& e : fs::recursive_directory_iterator(fixture_output())) {
    if (e.path().extension() != ".pdf") continue;
    const auto r = run_process({"/usr/bin/qpdf", "--check", e.path().string()});
    EXPECT_EQ(r.exit_code, 0) << e.path() << "\n" << r.out << r.err;
  }
}

TEST(Documents, PrintBatchStartsEveryLetterOnAnOddPage) {
  const auto ev = nlohmann::json::parse(slurp(fixture_output() / "evaluation.json"));
  int expected_pages = 0;
  for (const auto& d : ev["dossiers"]) {
    const int n = pages(fixture_output() / "courriers" / (d["id"].get<std::string>() + ".pdf"));
    ASSERT_GT(n, 0);
    expected_pages += n + n % 2;
  }
  EXPECT_EQ(pages(fixture_output() / "courriers/courriers-a-imprimer.pdf"), expected_pages);
  // In rank order: the first page of the batch is the letter of rank 1.
  const std::string first = pdftotext(fixture_output() / "courriers/courriers-a-imprimer.pdf", {"-f", "1", "-l", "1"});
  EXPECT_NE(first.find(ev["dossiers"][0]["id"].get<std::string>()), std::string::npos);
}

TEST(Documents, NoticeReadsItsThresholdsFromTheCampaign) {
  const std::string text = pdftotext(fixture_output() / "avis-appel-a-projets.pdf");
  EXPECT_NE(text.find("250 000 €"), std::string::npos) << text;
  EXPECT_NE(text.find("30 %"), std::string::npos) << text;

  // Another campaign, other thresholds: another notice.
  TempDir tmp;
  auto campaign = nlohmann::json::parse(slurp(kRoot / "fixtures/campaign.json"));
  campaign["criteria"]["min_women_percent"] = 35;
  campaign["envelope"] = 312000;
  std::ofstream(tmp / "campaign.json") << campaign.dump(2);
  const auto r = run_aap({"notice", "--quiet", "--campaign", (tmp / "campaign.json").string(), "--out",
                          (tmp / "out").string()},
                         kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string other = pdftotext(tmp / "out/avis-appel-a-projets.pdf");
  EXPECT_NE(other.find("312 000 €"), std::string::npos) << other;
  EXPECT_NE(other.find("35 %"), std::string::npos) << other;
}

TEST(Documents, UnprintableCharacterIsAnInputErrorNamingFileAndField) {
  TempDir tmp;
  fs::create_directories(tmp / "in");
  auto dossier = nlohmann::json::parse(slurp(kRoot / "fixtures/dossiers/2027-001.json"));
  dossier["association"]["name"] = "Association 中文";
  std::ofstream(tmp / "in/2027-001.json") << dossier.dump(2);
  const auto r = run_aap({"run", "--dossiers", (tmp / "in").string(), "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("2027-001.json:11: association.name : le caractère U+4E2D « 中 » ne peut pas être imprimé"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST(Documents, BrokenTemplateStopsTheRunBeforeAnyOutputWithFileLineAndColumn) {
  TempDir tmp;
  fs::copy(kRoot / "templates", tmp / "templates", fs::copy_options::recursive);
  std::ofstream(tmp / "templates/voies-recours.mustache", std::ios::app) << "\n{{variable_inconnue}}\n";
  const auto r = run_aap({"run", "--templates", (tmp / "templates").string(), "--out", (tmp / "out").string()},
                         kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(std::regex_search(r.err, std::regex("voies-recours\\.mustache:\\d+:\\d+: .*variable_inconnue")))
      << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

}  // namespace
}  // namespace aap
