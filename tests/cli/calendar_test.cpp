// End-to-end: each document carries the date of its own moment, and no letter is dated before the vote.
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

std::string pdftotext(const fs::path& pdf) {
  const auto r = run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string text = std::regex_replace(r.out, std::regex("\u00A0|\u202F"), " ");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

std::string pdf_creation_date(const fs::path& pdf) {
  const auto r = run_process({"/usr/bin/pdfinfo", "-isodates", pdf.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::smatch m;
  return std::regex_search(r.out, m, std::regex("CreationDate:\\s+(\\d{4}-\\d{2}-\\d{2})")) ? m[1].str() : "";
}

TEST(Calendar, EachDocumentIsDatedOfItsOwnMoment) {
  TempDir tmp;
  const auto r = run_aap({"run", "--quiet", "--date", "2027-04-01", "--out", (tmp / "out").string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The notice was published on 1 December 2026 with a deadline of 31 January 2027: it is signed then.
  const std::string notice = pdftotext(tmp / "out/avis-appel-a-projets.pdf");
  EXPECT_NE(notice.find("Fait à Marseille, le 1er décembre 2026"), std::string::npos) << notice;
  EXPECT_EQ(notice.find("avril 2027"), std::string::npos) << notice;
  EXPECT_EQ(pdf_creation_date(tmp / "out/avis-appel-a-projets.pdf"), "2026-12-01");
  // The deliberation is the act of the session of 12 March 2027.
  const std::string deliberation = pdftotext(tmp / "out/deliberation.pdf");
  EXPECT_NE(deliberation.find("Séance du 12 mars 2027"), std::string::npos);
  EXPECT_EQ(deliberation.find("avril 2027"), std::string::npos) << deliberation;
  EXPECT_EQ(pdf_creation_date(tmp / "out/deliberation.pdf"), "2027-03-12");
  // The letters are dated --date.
  const std::string letter = pdftotext(tmp / "out/courriers/2027-001.pdf");
  EXPECT_NE(letter.find("Marseille, le 1er avril 2027"), std::string::npos) << letter;
  EXPECT_EQ(pdf_creation_date(tmp / "out/courriers/2027-001.pdf"), "2027-04-01");
}

TEST(Calendar, LettersDatedBeforeTheSessionAreRefused) {
  TempDir tmp;
  for (const char* command : {"run", "letters"}) {
    const auto r = run_aap({command, "--date", "2027-03-01", "--out", (tmp / "out").string()}, kRoot);
    EXPECT_EQ(r.exit_code, 1) << command;
    EXPECT_NE(r.err.find("les courriers notifient la décision prise par le Conseil de Territoire Marseille Provence "
                         "en séance du 12 mars 2027 (calendar.council_session) : ils ne peuvent pas être datés du "
                         "1er mars 2027 (--date)."),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("Avant le vote, utilisez « aap deliberation », « aap annexes » ou « aap simulate »"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find(std::string("« aap ") + command + " --date 2027-03-12 »"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("Rien n’a été écrit."), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(tmp / "out")) << command;
    EXPECT_TRUE(fs::is_empty(tmp.path())) << command;
  }
  // The day of the session is the first day a letter may carry.
  const auto same_day = run_aap({"letters", "--quiet", "--date", "2027-03-12", "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(same_day.exit_code, 0) << same_day.err;
}

TEST(Calendar, BeforeTheVoteTheDraftsAndTheSimulationRun) {
  TempDir tmp;
  for (const char* command : {"deliberation", "annexes", "notice"}) {
    const auto r = run_aap({command, "--quiet", "--date", "2027-03-01", "--out", (tmp / command).string()}, kRoot);
    EXPECT_EQ(r.exit_code, 0) << command << r.err;
  }
  const auto sim = run_aap({"simulate", "--date", "2027-03-01"}, kRoot);
  EXPECT_EQ(sim.exit_code, 0) << sim.err;
  const auto check = run_aap({"check", "--date", "2027-03-01"}, kRoot);
  EXPECT_EQ(check.exit_code, 0) << check.err;
}

TEST(Calendar, TodayBeforeTheSessionIsRefusedWhenNoDateIsGiven) {
  TempDir tmp;
  auto campaign = nlohmann::json::parse(slurp(kRoot / "fixtures/campaign.json"));
  campaign["calendar"]["council_session"] = "2099-03-12";
  campaign["calendar"].erase("documents_date");
  std::ofstream(tmp / "campaign.json") << campaign.dump(2);
  const auto r = run_aap({"run", "--campaign", (tmp / "campaign.json").string(), "--out", (tmp / "out").string()},
                         kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("(la date du jour, faute de --date et de calendar.documents_date)"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST(Calendar, CampaignOutOfOrderIsInvalidAndNamesTheFields) {
  TempDir tmp;
  auto campaign = nlohmann::json::parse(slurp(kRoot / "fixtures/campaign.json"));
  campaign["calendar"]["council_session"] = "2027-01-20";
  std::ofstream(tmp / "campaign.json") << campaign.dump(2);
  const auto r = run_aap({"check", "--campaign", (tmp / "campaign.json").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("calendar.council_session : la séance du conseil (2027-01-20) doit être postérieure à la "
                       "date limite de dépôt (calendar.deadline, 2027-01-31)"),
            std::string::npos)
      << r.err;
}

// Every campaign shipped or used by the tests keeps the calendar's order (it is read without a problem).
TEST(Calendar, EveryShippedCampaignIsInOrder) {
  for (const fs::path& campaign : {kRoot / "fixtures/campaign.json", kRoot / "tests/data/campaign-proportional.json"}) {
    const auto r = run_aap({"check", "--quiet", "--campaign", campaign.string()}, kRoot);
    EXPECT_EQ(r.exit_code, 0) << campaign << r.err;
  }
}

}  // namespace
}  // namespace aap
