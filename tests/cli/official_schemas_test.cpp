// End to end: what `aap run` writes for other systems passes their own schemas — the @ctes envelope
// (ACTES XSD), the SCDL file (its TableSchema), the deliberation's ODT (ODF 1.2 RelaxNG) —, on the
// fixtures and on campaigns without SIRET, département or classification date; a file that could not
// pass is left out with one note naming the campaign field, and the run still exits 0.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/process.hpp"
#include "support/schema_validation.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using test::run_aap;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const std::string kEnvelope = "013-200054807-20270312-CT1_2027_014-DE-1-1_0.xml";
const std::string kActCopy = "013-200054807-20270312-CT1_2027_014-DE-1-1_1.pdf";

// The fixtures' campaign changed by `patch`, written into `dir`.
fs::path campaign_with(const TempDir& dir, const std::function<void(json&)>& patch) {
  json j = json::parse(slurp(kRoot / "fixtures/campaign.json"));
  patch(j);
  const fs::path file = dir / "campaign.json";
  std::ofstream(file) << j.dump(2);
  return file;
}

std::vector<std::string> files_of(const fs::path& out) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(out))
    if (e.is_regular_file()) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

int occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

void expect_valid_outputs(const fs::path& out) {
  const auto odt = test::validate_odt(out / "deliberation.odt");
  EXPECT_TRUE(odt.ok) << odt.report;
  for (const std::string& name : files_of(out)) {
    if (name.size() > 4 && name.substr(name.size() - 4) == ".xml") {
      const auto v = test::validate_actes_envelope(out / name);
      EXPECT_TRUE(v.ok) << v.report;
    }
  }
  if (fs::exists(out / "subventions-scdl.csv")) {
    const auto v = test::validate_scdl(out / "subventions-scdl.csv");
    EXPECT_TRUE(v.ok) << v.report;
  }
}

TEST(RunOfficialSchemas, FixturesGiveValidFilesUnderTheirActesNames) {
  TempDir tmp;
  const auto r = run_aap({"run", "--out", (tmp / "out").string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");  // the fixtures give every field: no note
  const fs::path out = tmp / "out";
  expect_valid_outputs(out);
  EXPECT_TRUE(fs::exists(out / kEnvelope));
  EXPECT_FALSE(fs::exists(out / "deliberation-actes.xml"));
  EXPECT_TRUE(fs::exists(out / "subventions-scdl.csv"));
  // The act under its @ctes name is the readable deliberation.pdf, which stays, and the envelope names it.
  EXPECT_EQ(slurp(out / kActCopy), slurp(out / "deliberation.pdf"));
  EXPECT_NE(slurp(out / kEnvelope).find("<actes:NomFichier>" + kActCopy + "</actes:NomFichier>"), std::string::npos);
  const auto manifest = json::parse(slurp(out / "manifest.json"));
  std::vector<std::string> listed;
  for (const auto& o : manifest["outputs"]) listed.push_back(o["path"]);
  for (const std::string& name : {kEnvelope, kActCopy})
    EXPECT_NE(std::find(listed.begin(), listed.end(), name), listed.end()) << name;
  // verify regenerates the same files under the same names.
  const auto v = run_aap({"verify", "--out", out.string()}, kRoot);
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  EXPECT_NE(v.out.find("  identique  " + kEnvelope + "\n"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("  identique  " + kActCopy + "\n"), std::string::npos) << v.out;
}

TEST(RunOfficialSchemas, WithoutSiretNoScdlFileAndOneNoteInRunAndCheck) {
  TempDir tmp;
  const fs::path campaign = campaign_with(tmp, [](json& j) { j["authority"].erase("siret"); });
  const std::string note = campaign.generic_string() +
                           ": authority.siret : champ absent : subventions-scdl.csv n’est pas écrit, le format SCDL "
                           "subventions exige le SIRET de l’attribuant (idAttribuant) sur chaque ligne\n";
  const auto r = run_aap({"run", "--campaign", campaign.string(), "--out", (tmp / "out").string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(occurrences(r.err, note), 1) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out/subventions-scdl.csv"));
  // No SIREN: the envelope keeps its readable name, and a note says which field would give the @ctes one.
  EXPECT_TRUE(fs::exists(tmp / "out/deliberation-actes.xml"));
  EXPECT_EQ(occurrences(r.err, campaign.generic_string() + ": authority.siret : champ absent : l’enveloppe @ctes est "
                                                            "écrite sous le nom deliberation-actes.xml ;"),
            1)
      << r.err;
  expect_valid_outputs(tmp / "out");
  const auto c = run_aap({"check", "--campaign", campaign.string()}, kRoot);
  EXPECT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(occurrences(c.err, note), 1) << c.err;
  // The open-data family alone says it too, and drops the file a previous run with a SIRET left.
  const fs::path previous = tmp / "previous";
  ASSERT_EQ(run_aap({"run", "--out", previous.string(), "--quiet"}, kRoot).exit_code, 0);
  ASSERT_TRUE(fs::exists(previous / "subventions-scdl.csv"));
  const auto a = run_aap({"annexes", "--campaign", campaign.string(), "--out", previous.string()}, kRoot);
  EXPECT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(occurrences(a.err, note), 1) << a.err;
  EXPECT_FALSE(fs::exists(previous / "subventions-scdl.csv"));
}

TEST(RunOfficialSchemas, WithoutClassificationDateNoEnvelopeAndOneNoteInRunAndCheck) {
  TempDir tmp;
  const fs::path campaign = campaign_with(tmp, [](json& j) { j["deliberation"].erase("classification"); });
  const std::string note = campaign.generic_string() +
                           ": deliberation.classification.version_date : champ absent : l’enveloppe @ctes n’est pas "
                           "écrite, le schéma ACTES exige la date de la version de la classification des actes "
                           "(ClassificationDateVersion) que la préfecture a communiquée\n";
  const auto r = run_aap({"run", "--campaign", campaign.string(), "--out", (tmp / "out").string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, note);
  for (const std::string& name : files_of(tmp / "out")) {
    EXPECT_EQ(name.find(".xml"), std::string::npos) << name;
    EXPECT_EQ(name.find("-DE-1-1_"), std::string::npos) << name;
  }
  EXPECT_TRUE(fs::exists(tmp / "out/deliberation.pdf"));
  expect_valid_outputs(tmp / "out");
  const auto c = run_aap({"check", "--campaign", campaign.string()}, kRoot);
  EXPECT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.err, note);
  // --quiet shows errors only.
  const auto q = run_aap({"run", "--campaign", campaign.string(), "--out", (tmp / "q").string(), "--quiet"}, kRoot);
  EXPECT_EQ(q.exit_code, 0);
  EXPECT_EQ(q.err, "");
}

TEST(RunOfficialSchemas, WithoutDepartementTheReadableNameAndANoteNamingTheField) {
  TempDir tmp;
  const fs::path campaign = campaign_with(tmp, [](json& j) { j["authority"].erase("departement"); });
  const auto r = run_aap({"run", "--campaign", campaign.string(), "--out", (tmp / "out").string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, campaign.generic_string() +
                       ": authority.departement : champ absent : l’enveloppe @ctes est écrite sous le nom "
                       "deliberation-actes.xml ; avec authority.departement (trois caractères, 013 pour les "
                       "Bouches-du-Rhône) et authority.siret, elle prendrait le nom @ctes "
                       "DDD-SIREN-AAAAMMJJ-NUMERO-DE-1-1_0.xml, et l’acte sa copie …_1.pdf, qu’attendent les "
                       "plateformes de télétransmission\n");
  EXPECT_TRUE(fs::exists(tmp / "out/deliberation-actes.xml"));
  EXPECT_NE(slurp(tmp / "out/deliberation-actes.xml").find("<actes:NomFichier>deliberation.pdf</actes:NomFichier>"),
            std::string::npos);
  for (const std::string& name : files_of(tmp / "out")) EXPECT_EQ(name.find("-DE-1-1_"), std::string::npos) << name;
  expect_valid_outputs(tmp / "out");
}

// `aap deliberation` alone owns every transmission file: a new number leaves no envelope of the old one.
TEST(RunOfficialSchemas, DeliberationFamilyReplacesTheTransmissionOfAnotherNumber) {
  TempDir tmp;
  const fs::path out = tmp / "out";
  ASSERT_EQ(run_aap({"run", "--out", out.string(), "--quiet"}, kRoot).exit_code, 0);
  ASSERT_TRUE(fs::exists(out / kEnvelope));
  const fs::path campaign = campaign_with(tmp, [](json& j) { j["deliberation"]["number"] = "CT1-2027-015"; });
  const auto r = run_aap({"deliberation", "--campaign", campaign.string(), "--out", out.string(), "--quiet"}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(fs::exists(out / kEnvelope));
  EXPECT_FALSE(fs::exists(out / kActCopy));
  EXPECT_TRUE(fs::exists(out / "013-200054807-20270312-CT1_2027_015-DE-1-1_0.xml"));
  EXPECT_TRUE(fs::exists(out / "013-200054807-20270312-CT1_2027_015-DE-1-1_1.pdf"));
  EXPECT_TRUE(fs::exists(out / "subventions-scdl.csv"));  // the other families' files are kept
  expect_valid_outputs(out);
}

}  // namespace
}  // namespace aap
