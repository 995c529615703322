// What the documents cannot print is a problem of the dossier, found as it is read (file, line, field),
// whatever the format, and only that dossier of an array file is refused.
#include "test_paths.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "input/dossier_check.hpp"
#include "input/dossier_reader.hpp"
#include "rules/criteria.hpp"
#include "support/builders.hpp"

namespace aap {
namespace {

using nlohmann::json;

json fixture() {
  std::ifstream in(std::string(AAP_SOURCE_DIR) + "/fixtures/dossiers/2027-001.json");
  std::stringstream text;
  text << in.rdbuf();
  return json::parse(text.str());
}

/// The 1-based line of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
  const auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::vector<std::string> messages(const DossierLoad& load) {
  std::vector<std::string> out;
  for (const auto& d : load.diagnostics) out.push_back(d.to_string());
  return out;
}

TEST(PrintableDossier, ACharacterTheFontLacksNamesTheFieldAndLine) {
  json d = fixture();
  d["training"]["title"] = "Formation 中文 avancée";
  const std::string text = d.dump(2);
  DossierLoad load;
  parse_dossiers(text, "d.json", load);
  EXPECT_EQ(messages(load), std::vector<std::string>{
                                "d.json:" + std::to_string(line_of(text, "\"title\"")) +
                                ": training.title : le caractère U+4E2D « 中 » ne peut pas être imprimé dans les "
                                "documents (absent de la police)"});
  EXPECT_TRUE(load.dossiers.empty());
  EXPECT_EQ(load.invalid.size(), 1u);
}

TEST(PrintableDossier, InAnArrayFileOnlyTheElementIsRefusedAndItsIndexNamed) {
  json a = fixture();
  json b = fixture();
  json c = fixture();
  b["id"] = "2027-101";
  c["id"] = "2027-102";
  b["association"]["representative"]["last_name"] = "Martin\u2603";  // a snowman: no glyph
  const std::string text = json::array({a, b, c}).dump(2);
  DossierLoad load;
  parse_dossiers(text, "lot.json", load);
  const int line = line_of(text, "Martin\u2603");
  EXPECT_EQ(messages(load), std::vector<std::string>{
                                "lot.json:" + std::to_string(line) +
                                ": [1].association.representative.last_name : le caractère U+2603 « ☃ » ne peut pas "
                                "être imprimé dans les documents (absent de la police)"});
  ASSERT_EQ(load.dossiers.size(), 2u);
  EXPECT_EQ(load.dossiers[0].id, "2027-001");
  EXPECT_EQ(load.dossiers[1].id, "2027-102");
  EXPECT_EQ(load.invalid.size(), 1u);
}

TEST(PrintableDossier, AnAddressTooWideForTheEnvelopeWindowIsFoundOnReading) {
  json d = fixture();
  d["association"]["name"] = std::string(300, 'W');
  const std::string text = d.dump(2);
  DossierLoad load;
  parse_dossiers(text, "d.json", load);
  EXPECT_EQ(messages(load), std::vector<std::string>{
                                "d.json:" + std::to_string(line_of(text, std::string(300, 'W'))) +
                                ": association.name : « " + std::string(30, 'W') +
                                "… » : l’adresse ne tient pas dans la fenêtre de l’enveloppe (85 × 33 mm), même "
                                "abrégée ; couper ce mot par des espaces ou le raccourcir"});
  // A last name as long stopped `run` with exit 3 at its letter: now the dossier's problem, found the same way.
  d = fixture();
  d["association"]["representative"]["last_name"] = std::string(300, 'W');
  DossierLoad last;
  parse_dossiers(d.dump(2), "d.json", last);
  ASSERT_EQ(last.diagnostics.size(), 1u);
  EXPECT_EQ(last.diagnostics[0].field, "association.representative.last_name");
  EXPECT_TRUE(load.dossiers.empty());
}

TEST(PrintableDossier, ALongButBreakableAddressIsAbbreviatedNotRefused) {
  json d = fixture();
  d["association"]["name"] = "Association pour le développement des compétences numériques des habitants des "
                             "quartiers nord de Marseille et de leurs voisins";
  d["association"]["representative"]["role"] = "Présidente du conseil d’administration et déléguée générale";
  DossierLoad load;
  parse_dossiers(d.dump(2), "d.json", load);
  EXPECT_TRUE(load.diagnostics.empty()) << messages(load)[0];
  EXPECT_EQ(load.dossiers.size(), 1u);
}

TEST(PrintableDossier, SessionsAreBoundedPerDossier) {
  json d = fixture();
  json sessions = json::array();
  for (std::size_t i = 0; i <= input::kMaxSessions; ++i) sessions.push_back(d["training"]["sessions"][0]);
  d["training"]["sessions"] = sessions;
  const std::string text = d.dump(2);
  DossierLoad load;
  parse_dossiers(text, "d.json", load);
  EXPECT_EQ(messages(load), std::vector<std::string>{"d.json:" + std::to_string(line_of(text, "\"sessions\"")) +
                                                     ": training.sessions : 501 sessions, 500 au plus par dossier"});
  sessions.erase(sessions.begin());
  d["training"]["sessions"] = sessions;
  DossierLoad ok;
  parse_dossiers(d.dump(), "d.json", ok);
  EXPECT_TRUE(ok.diagnostics.empty()) << messages(ok)[0];
}

TEST(PrintableDossier, TraineeTotalsAreSummedIn64Bits) {
  // 2,200 sessions of 1,000,000 trainees, no woman: in 32 bits the total wrapped to a negative number,
  // 0 women passed « at least 30 % » and the dossier ranked first.
  Dossier d = test::eligible_dossier("2027-001");
  Session s = d.training.sessions.front();
  s.trainees = 1'000'000;
  s.women = 0;
  d.training.sessions.assign(2200, s);
  const Totals t = totals_of(d);
  EXPECT_EQ(t.trainees, 2'200'000'000);
  EXPECT_EQ(t.qpv_or_veille_residents, 2200LL * s.qpv_residents);
  const DossierEvaluation e = evaluate_criteria(test::seed_campaign(), test::test_communes(), d);
  const auto women = std::find_if(e.criteria.begin(), e.criteria.end(),
                                  [](const CriterionResult& c) { return c.code == "GEN-WOMEN"; });
  ASSERT_NE(women, e.criteria.end());
  EXPECT_FALSE(women->passed);
  EXPECT_FALSE(e.eligible);
}

}  // namespace
}  // namespace aap
