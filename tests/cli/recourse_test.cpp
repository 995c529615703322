// End-to-end: every letter whose decision is even partly unfavourable (a grant below the amount requested)
// carries the voies et délais de recours, or the two-month delay never starts; a fully favourable one does not.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
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

std::string pdftotext(const fs::path& pdf) {
  const auto r = run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string text = std::regex_replace(r.out, std::regex("\u00A0|\u202F"), " ");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

bool has_recourse(const std::string& text) {
  return text.find("Voies et délais de recours") != std::string::npos &&
         text.find("tribunal administratif de Marseille dans un délai de deux mois à compter de sa notification "
                   "(articles R. 421-1 et R. 421-5 du code de justice administrative)") != std::string::npos;
}

TEST(Recourse, FundedAtACapBelowTheRequestCarriesIt) {
  // 2027-003 asked 45 000 € and gets its cap, 40 000 €; 2027-005 asked 28 500,75 € and gets 28 500 €.
  for (const char* id : {"2027-003", "2027-005"}) {
    const std::string text = pdftotext(fixture_output() / "courriers" / (std::string(id) + ".pdf"));
    EXPECT_TRUE(has_recourse(text)) << id << "\n" << text;
    EXPECT_NE(text.find("inférieur aux"), std::string::npos) << id << "\n" << text;
  }
}

TEST(Recourse, EveryUnfavourableDecisionCarriesIt) {
  // Partially funded, not funded, ineligible.
  for (const char* id : {"2027-006", "2027-009", "2027-014", "2027-021"})
    EXPECT_TRUE(has_recourse(pdftotext(fixture_output() / "courriers" / (std::string(id) + ".pdf")))) << id;
}

TEST(Recourse, FullyFavourableLettersGoWithout) {
  // Every funded dossier whose grant is the amount requested: nothing to contest.
  const auto ev = nlohmann::json::parse(slurp(fixture_output() / "evaluation.json"));
  const auto requested = [](const std::string& id) {
    const auto d = nlohmann::json::parse(slurp(kRoot / "fixtures/dossiers" / (id + ".json")));
    const auto& r = d["budget"]["requested"];
    return r.is_string() ? std::stod(r.get<std::string>()) : r.get<double>();
  };
  int favourable = 0;
  for (const auto& d : ev["dossiers"]) {
    const std::string id = d["id"];
    const std::string text = pdftotext(fixture_output() / "courriers" / (id + ".pdf"));
    const bool full = d["grant_cents"].get<std::int64_t>() == static_cast<std::int64_t>(requested(id) * 100 + 0.5);
    EXPECT_EQ(has_recourse(text), !full) << id;
    favourable += full;
  }
  EXPECT_EQ(favourable, 5);  // 2027-001, 2027-008, 2027-012, 2027-015, 2027-004
}

}  // namespace
}  // namespace aap
