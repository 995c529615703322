// End-to-end: each letter gives its own dossier's reason for getting less than its cap (`shortfall`),
// with its figures, and the deliberation says what happened; read back with pdftotext.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kData = AAP_TEST_DATA;

std::string pdftotext(const fs::path& pdf) {
  const auto r = run_process({"/usr/bin/pdftotext", "-enc", "UTF-8", pdf.string(), "-"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string text = std::regex_replace(r.out, std::regex("\u00A0|\u202F"), " ");
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `aap run` on the fixtures' dossiers with a campaign derived from `base`; checked against the oracle.
class Scenario {
 public:
  Scenario(const fs::path& base, const std::function<void(json&)>& change) {
    json campaign = json::parse(slurp(base));
    change(campaign);
    std::ofstream(tmp_ / "campaign.json") << campaign.dump(2);
    const auto r = run_aap({"run", "--quiet", "--campaign", (tmp_ / "campaign.json").string(), "--out",
                            (tmp_ / "out").string()},
                           kRoot);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const auto oracle = run_process({AAP_PYTHON, (kRoot / "tests/e2e/oracle.py").string(),
                                     (tmp_ / "campaign.json").string(), (kRoot / "fixtures/dossiers").string(),
                                     (kRoot / "data/communes-metropole.csv").string(),
                                     (tmp_ / "out/evaluation.json").string()},
                                    kRoot);
    EXPECT_EQ(oracle.exit_code, 0) << oracle.out << oracle.err;
    const json evaluation = json::parse(slurp(tmp_ / "out/evaluation.json"));
    for (const auto& d : evaluation["dossiers"]) by_id_[d["id"].get<std::string>()] = d;
  }
  std::string letter(const std::string& id) const { return pdftotext(tmp_ / ("out/courriers/" + id + ".pdf")); }
  std::string deliberation() const { return pdftotext(tmp_ / "out/deliberation.pdf"); }
  const json& dossier(const std::string& id) const { return by_id_.at(id); }

 private:
  TempDir tmp_;
  std::map<std::string, json> by_id_;
};

// The fixtures as shipped: 22 500 € left for tier 2; 2027-006 gets the 7 500 € balance, the next ones nothing.
const Scenario& fixtures() {
  static const Scenario s(kRoot / "fixtures/campaign.json", [](json&) {});
  return s;
}

// 15 000 € left at rank 10 and a minimum grant of 16 000 €: ranks 10 to 12 get nothing though money is
// left, and 2027-013 (cap 12 000 €) is then funded in full.
const Scenario& min_grant() {
  static const Scenario s(kRoot / "fixtures/campaign.json", [](json& c) {
    c["envelope"] = 257500;
    c["allocation"]["min_grant"] = 16000;
  });
  return s;
}

// Proportional with 200 000 €: tier 1 (caps 227 501,19 €) is reduced pro rata, tier 2 gets nothing.
const Scenario& proportional_short() {
  static const Scenario s(kData / "campaign-proportional.json", [](json& c) { c["envelope"] = 200000; });
  return s;
}

// Proportional as in the test data: tier 1 in full, tier 2 shares the 22 498,81 € left pro rata.
const Scenario& proportional() {
  static const Scenario s(kData / "campaign-proportional.json", [](json&) {});
  return s;
}

TEST(Shortfall, EvaluationRecordsItForEveryDossier) {
  const json& funded = fixtures().dossier("2027-003");
  EXPECT_TRUE(funded["shortfall"].is_null());
  EXPECT_EQ(funded["available_cents"], 25000000);  // the whole envelope when its turn came
  EXPECT_EQ(fixtures().dossier("2027-006")["shortfall"], "balance");
  EXPECT_EQ(fixtures().dossier("2027-006")["available_cents"], 750000);
  EXPECT_EQ(fixtures().dossier("2027-009")["shortfall"], "envelope_exhausted");
  EXPECT_EQ(fixtures().dossier("2027-009")["available_cents"], 0);
  EXPECT_TRUE(fixtures().dossier("2027-014")["shortfall"].is_null());  // ineligible
  EXPECT_TRUE(fixtures().dossier("2027-014")["available_cents"].is_null());
  EXPECT_EQ(min_grant().dossier("2027-006")["shortfall"], "below_min_grant");
  EXPECT_EQ(min_grant().dossier("2027-006")["available_cents"], 1500000);
  EXPECT_EQ(min_grant().dossier("2027-013")["decision"], "funded");
  EXPECT_EQ(proportional_short().dossier("2027-003")["shortfall"], "pro_rata");
  EXPECT_EQ(proportional_short().dossier("2027-003")["available_cents"], 20000000);
  EXPECT_EQ(proportional_short().dossier("2027-004")["shortfall"], "envelope_exhausted");
  EXPECT_EQ(proportional().dossier("2027-004")["shortfall"], "pro_rata");
  EXPECT_EQ(proportional().dossier("2027-004")["available_cents"], 2249881);
}

TEST(Shortfall, BalanceLetterSaysWhatWasLeftAndWhyTierTwoComesAfter) {
  const std::string text = fixtures().letter("2027-006");
  EXPECT_TRUE(has(text, "il restait 7 500 € sur l’enveloppe de 250 000 €")) << text;
  EXPECT_TRUE(has(text, "pouvait prétendre (24 000 €) : il vous est attribué.")) << text;
  EXPECT_TRUE(has(text, "n’étant pas situé sur le territoire Marseille Provence")) << text;
  EXPECT_TRUE(has(text, "ne sont financés que sur la part de l’enveloppe que laisse le financement des dossiers "
                        "du territoire prioritaire"))
      << text;
  EXPECT_FALSE(has(text, "épuisée")) << text;
}

TEST(Shortfall, ExhaustedLetterIsTheOnlyOneToSaySo) {
  const std::string text = fixtures().letter("2027-009");
  EXPECT_TRUE(has(text, "avait été épuisée par le financement des dossiers classés avant lui (solde disponible : 0 €)"))
      << text;
  EXPECT_TRUE(has(text, "n’étant pas situé sur le territoire Marseille Provence")) << text;
  // A tier-1 funded letter says nothing of a shortfall.
  const std::string funded = fixtures().letter("2027-001");
  EXPECT_FALSE(has(funded, "épuisée")) << funded;
  EXPECT_FALSE(has(funded, "territoire prioritaire")) << funded;
}

TEST(Shortfall, BelowMinGrantLetterGivesTheBalanceAndTheMinimum) {
  const std::string text = min_grant().letter("2027-006");
  EXPECT_TRUE(has(text, "aucune subvention ne peut lui être attribuée")) << text;
  EXPECT_TRUE(has(text, "il restait 15 000 € sur l’enveloppe de 257 500 €")) << text;
  EXPECT_TRUE(has(text, "inférieur au montant maximal de votre dossier (24 000 €) comme à la subvention minimale "
                        "de 16 000 €"))
      << text;
  EXPECT_FALSE(has(text, "épuisée")) << text;
  EXPECT_FALSE(has(min_grant().letter("2027-011"), "épuisée"));
}

TEST(Shortfall, ProRataLetterOfTheFirstRankGivesTheProportion) {
  const std::string text = proportional_short().letter("2027-003");
  EXPECT_TRUE(has(text, "La part de l’enveloppe restant disponible pour les dossiers du territoire Marseille "
                        "Provence, soit 200 000 €, ne permettait pas de couvrir leurs montants maximaux, qui "
                        "s’élevaient au total à 227 501,19 €"))
      << text;
  EXPECT_TRUE(has(text, "soit environ 87,91 % du montant maximal de chacun : pour votre dossier, 35 164,65 € sur un "
                        "montant maximal de 40 000 €"))
      << text;
  EXPECT_FALSE(has(text, "mieux classés")) << text;
  EXPECT_FALSE(has(text, "classés avant lui")) << text;
  EXPECT_FALSE(has(text, "épuisée")) << text;
  EXPECT_FALSE(has(text, "second groupe")) << text;
}

TEST(Shortfall, ProRataLetterOfTierTwo) {
  const std::string text = proportional().letter("2027-004");
  EXPECT_TRUE(has(text, "pour les dossiers des autres territoires de la Métropole, soit 22 498,81 €")) << text;
  EXPECT_TRUE(has(text, "au total à 99 000,50 €")) << text;
  EXPECT_TRUE(has(text, "pour votre dossier, 3 408,89 € sur un montant maximal de 15 000 €")) << text;
  EXPECT_TRUE(has(text, "second groupe")) << text;
  // Tier 2 after a short tier 1: nothing was left for it.
  const std::string exhausted = proportional_short().letter("2027-004");
  EXPECT_TRUE(has(exhausted, "avait été épuisée par le financement des dossiers classés avant lui (solde "
                             "disponible : 0 €)"))
      << exhausted;
}

TEST(Shortfall, DeliberationSaysWhatHappenedToEachUnfundedDossier) {
  const std::string fixture = fixtures().deliberation();
  EXPECT_TRUE(has(fixture, "dossiers éligibles non financés : 3")) << fixture;
  EXPECT_FALSE(has(fixture, "l’enveloppe étant épuisée")) << fixture;
  EXPECT_TRUE(has(fixture, "rang 11 (montant maximal 27 000 €) : l’enveloppe était épuisée à ce rang (solde : 0 €)."))
      << fixture;
  EXPECT_FALSE(has(fixture, "Huveaune")) << fixture;  // an act names its beneficiaries, not the others
  EXPECT_FALSE(has(fixture, "Les rangs absents du tableau")) << fixture;  // ranks 1 to 10, no gap

  const std::string text = min_grant().deliberation();
  EXPECT_FALSE(has(text, "épuisée")) << text;
  EXPECT_TRUE(has(text, "le solde non attribué de l’enveloppe s’élève à 3 000 €")) << text;
  EXPECT_TRUE(has(text, "Les rangs absents du tableau sont ceux de dossiers éligibles qui ne reçoivent pas de "
                        "subvention"))
      << text;
  for (const char* rank : {"rang 10 (montant maximal 24 000 €)", "rang 11 (montant maximal 27 000 €)",
                           "rang 12 (montant maximal 21 000 €)"}) {
    EXPECT_TRUE(has(text, std::string(rank) + " : à ce rang, le solde de l’enveloppe, 15 000 €, était inférieur au "
                                              "montant maximal du dossier et à la subvention minimale de 16 000 €."))
        << rank << "\n" << text;
  }
}

}  // namespace
}  // namespace aap
