// End-to-end: the built `aap` on the fixtures and on invalid inputs (exit codes, messages, files).
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "input/sha256.hpp"
#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::snapshot;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;
const fs::path kData = AAP_TEST_DATA;

std::vector<std::string> with_out(const std::string& command, const fs::path& out,
                                  std::vector<std::string> more = {}) {
  std::vector<std::string> args{command, "--out", out.string(), "--quiet"};
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::vector<std::string> leftovers(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name.find(".tmp-") != std::string::npos) names.push_back(name);
  }
  return names;
}

TEST(RunCommand, WritesEvaluationAndManifestAndPrintsTheSummary) {
  TempDir tmp;
  const auto r = run_aap({"run", "--out", (tmp / "out").string()}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("20 dossiers lus, 20 valides, 13 éligibles"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("financés : 9 ; partiellement financés : 1 ; non financés : 3 ; inéligibles : 7"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("attribué : 250\u202F000\u00A0€ sur une enveloppe de 250\u202F000\u00A0€"),
            std::string::npos)
      << r.out;

  const auto ev = nlohmann::json::parse(slurp(tmp / "out/evaluation.json"));
  EXPECT_EQ(ev["campaign"], "AAP-GEN-2027");
  EXPECT_EQ(ev["envelope_cents"], 25000000);
  EXPECT_EQ(ev["dossiers"].size(), 20u);
  EXPECT_EQ(ev["dossiers"][0]["rank"], 1);
  EXPECT_EQ(ev["dossiers"][0]["criteria"].size(), 11u);
  EXPECT_TRUE(ev["dossiers"][19]["tier"].is_null());

  const auto manifest = nlohmann::json::parse(slurp(tmp / "out/manifest.json"));
  EXPECT_EQ(manifest["date"], "2027-03-20");  // the campaign's documents_date
  EXPECT_EQ(manifest["inputs"].size(), 22u);  // campaign, communes, 20 dossiers
  bool listed = false;
  for (const auto& o : manifest["outputs"]) listed |= o["path"] == "evaluation.json";
  EXPECT_TRUE(listed);
  EXPECT_TRUE(leftovers(tmp.path()).empty());
}

// An independent implementation of the criteria and the allocation (tests/e2e/oracle.py) agrees with every figure.
void expect_oracle_agrees(const fs::path& campaign) {
  TempDir tmp;
  const auto r = run_aap(with_out("run", tmp / "out", {"--campaign", campaign.string()}), kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto oracle = run_process({AAP_PYTHON, (kRoot / "tests/e2e/oracle.py").string(), campaign.string(),
                                   (kRoot / "fixtures/dossiers").string(),
                                   (kRoot / "data/communes-metropole.csv").string(),
                                   (tmp / "out/evaluation.json").string()},
                                  kRoot);
  EXPECT_EQ(oracle.exit_code, 0) << oracle.out << oracle.err;
}

TEST(RunCommand, AgreesWithTheOracleUnderThePriorityPolicy) {
  expect_oracle_agrees(kRoot / "fixtures/campaign.json");
}

TEST(RunCommand, AgreesWithTheOracleUnderTheProportionalPolicy) {
  expect_oracle_agrees(kData / "campaign-proportional.json");
}

TEST(RunCommand, TwoRunsAreByteIdentical) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "a"), kRoot).exit_code, 0);
  ASSERT_EQ(run_aap(with_out("run", tmp / "b"), kRoot).exit_code, 0);
  EXPECT_EQ(snapshot(tmp / "a"), snapshot(tmp / "b"));
}

TEST(RunCommand, ReplacesThePreviousOutputWhole) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  std::ofstream(tmp / "out/.gitkeep").close();
  ASSERT_EQ(run_aap(with_out("run", tmp / "out", {"--dossiers", "fixtures/dossiers/2027-001.json"}), kRoot).exit_code, 0);
  EXPECT_FALSE(fs::exists(tmp / "out/courriers/2027-002.pdf"));
  EXPECT_TRUE(fs::exists(tmp / "out/.gitkeep"));
  EXPECT_TRUE(leftovers(tmp.path()).empty());
}

TEST(RunCommand, RemovesTheTemporaryFolderOfARunThatDied) {
  TempDir tmp;
  fs::create_directories(tmp / ".out.tmp-999999999/courriers");  // no such process
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  EXPECT_TRUE(leftovers(tmp.path()).empty());
}

TEST(RunCommand, DateOptionIsUsed) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out", {"--date", "2027-04-01"}), kRoot).exit_code, 0);
  EXPECT_EQ(nlohmann::json::parse(slurp(tmp / "out/manifest.json"))["date"], "2027-04-01");
}

TEST(RunCommand, WriteFailureExitsThreeAndLeavesNothing) {
  TempDir tmp;
  std::ofstream(tmp / "blocker") << "a file where a folder should be";
  const auto r = run_aap(with_out("run", tmp / "blocker/out"), kRoot);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("échec de l’écriture"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(tmp / "blocker"), "a file where a folder should be");
}

// A templates folder holding `link`, a symbolic link to itself: its type cannot be known (ELOOP).
fs::path templates_with_loop(const TempDir& tmp, const std::string& link) {
  const fs::path dir = tmp / "templates";
  fs::copy(kRoot / "templates", dir, fs::copy_options::recursive);
  fs::create_directories((dir / link).parent_path());
  fs::create_directory_symlink((dir / link).filename(), dir / link);
  return dir;
}

// An input that cannot be read is the inputs' problem (exit 1), whether met while reading them or while
// listing the templates folder for the manifest: never « échec de l’écriture », exit 3.
TEST(RunCommand, AnUnreadableEntryOfTheTemplatesFolderIsAnInputProblem) {
  TempDir tmp;
  const fs::path templates = templates_with_loop(tmp, "boucle");
  const auto r = run_aap(with_out("run", tmp / "out", {"--templates", templates.string()}), kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("aap : entrée illisible : " + (templates / "boucle").generic_string() +
                       " : illisible (trop de liens symboliques). Rien n’a été écrit."),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("écriture"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST(RunCommand, AnUnreadableFileListedForTheManifestIsAnInputProblem) {
  TempDir tmp;
  // In a subfolder: the templates themselves are read, only the manifest's listing meets the loop.
  const fs::path templates = templates_with_loop(tmp, "notes/boucle");
  const auto r = run_aap(with_out("run", tmp / "out", {"--templates", templates.string()}), kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("aap : entrée illisible : " + (templates / "notes/boucle").generic_string() +
                       " : illisible (trop de liens symboliques).\n  Rien n’a été mis en place"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("écriture"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
  EXPECT_TRUE(leftovers(tmp.path()).empty());
}

TEST(CheckCommand, PrintsTheSummaryAndWritesNothing) {
  TempDir tmp;
  const auto r = run_aap({"check", "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("20 dossiers lus"), std::string::npos);
  EXPECT_FALSE(fs::exists(tmp / "out"));
  EXPECT_TRUE(fs::is_empty(tmp.path()));
}

TEST(ExplainCommand, ShowsEachCriterionWithItsFiguresScoreCapAndGrant) {
  const auto r = run_aap({"explain", "2027-006"}, kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2027-006 — Luberon Digital Insertion"), std::string::npos) << r.out;
  for (const char* code : {"GEN-LABEL", "GEN-FREE", "GEN-SESSION-SIZE", "GEN-WOMEN", "CT-METROPOLE",
                           "PRIO-QPV-SITE", "CT-QPV-RESIDENTS", "CT-PLIE", "CT-PARTNERSHIP",
                           "CT-EMPLOYERS", "GEN-LOW-QUALIFICATION"})
    EXPECT_NE(r.out.find(code), std::string::npos) << code;
  EXPECT_NE(r.out.find("score : 60"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rang : 10 (niveau 2, site en QPV)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("plafond : 24\u202F000\u00A0€"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("subvention : 7\u202F500\u00A0€"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("décision : partially_funded"), std::string::npos) << r.out;
}

TEST(ExplainCommand, UnknownIdIsAnError) {
  const auto r = run_aap({"explain", "2099-999"}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "aap : aucun dossier valide « 2099-999 » parmi les dossiers lus.\n");
}

TEST(CommandLine, UsageErrorsExitTwo) {
  EXPECT_EQ(run_aap({}, kRoot).exit_code, 2);
  EXPECT_EQ(run_aap({"frobnicate"}, kRoot).exit_code, 2);
  EXPECT_EQ(run_aap({"explain"}, kRoot).exit_code, 2);
  EXPECT_EQ(run_aap({"run", "--no-such-option"}, kRoot).exit_code, 2);
  EXPECT_EQ(run_aap({"run", "--jobs", "0"}, kRoot).exit_code, 2);
  const auto bad_date = run_aap({"run", "--date", "2027-02-30"}, kRoot);
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_EQ(bad_date.err, "aap : --date « 2027-02-30 » n’est pas une date AAAA-MM-JJ valide.\n");
}

// Boost.Program_options's own wording is English: every usage error reaches the user in French.
TEST(CommandLine, UsageErrorsAreSaidInFrenchNamingTheOption) {
  const std::string usage_tail = "Usage : aap <commande> [options]\n";
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"run", "--jobs", "abc"}, "aap : --jobs « abc » n’est pas un nombre entier de 1 à 256.\n"},
      {{"run", "--jobs", "-3"}, "aap : --jobs « -3 » n’est pas un nombre entier de 1 à 256.\n"},
      {{"run", "--jobs", "257"}, "aap : --jobs « 257 » n’est pas un nombre entier de 1 à 256.\n"},
      {{"run", "--no-such-option"}, "aap : option inconnue « --no-such-option ».\n"},
      {{"run", "--out", "a", "--out", "b"},
       "aap : l’option --out est donnée plusieurs fois ; elle ne peut l’être qu’une fois.\n"},
      {{"run", "--jobs", "1", "--jobs", "2"},
       "aap : l’option --jobs est donnée plusieurs fois ; elle ne peut l’être qu’une fois.\n"},
      {{"run", "--out"}, "aap : l’option --out attend une valeur.\n"},
      {{"run", "--out="}, "aap : l’option --out attend une valeur après « = ».\n"},
      {{"run", "--quiet=oui"}, "aap : l’option --quiet ne prend pas de valeur.\n"},
      {{"simulate", "--env", "1"},
       "aap : l’option « --env » est ambiguë : elle peut désigner --envelope ou --envelope-range.\n"},
  };
  for (const auto& [args, first_line] : cases) {
    const auto r = run_aap(args, kRoot);
    EXPECT_EQ(r.exit_code, 2) << first_line;
    EXPECT_EQ(r.err.substr(0, first_line.size()), first_line) << r.err;
    EXPECT_EQ(r.err.find("option '"), std::string::npos) << r.err;  // nothing of Boost's wording
    EXPECT_EQ(r.out, "");
  }
}

TEST(CommandLine, HelpAndVersionExitZero) {
  const auto help = run_aap({"--help"}, kRoot);
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("explain ID"), std::string::npos);
  EXPECT_NE(help.out.find("--skip-invalid"), std::string::npos);
  const auto version = run_aap({"--version"}, kRoot);
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out, std::string("aap ") + AAP_VERSION + "\n");
}

// ---- invalid inputs: exit 1, a French message naming file and field, nothing written

struct Expected {
  std::string file;
  std::string field;
};

std::vector<Expected> expected_cases(const fs::path& tsv) {
  std::vector<Expected> cases;
  std::ifstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    Expected e{line.substr(0, tab), tab == std::string::npos ? "" : line.substr(tab + 1)};
    if (e.file == "file") continue;  // header
    cases.push_back(e);
  }
  return cases;
}

void expect_refused(const std::vector<std::string>& input_args, const Expected& expected) {
  TempDir tmp;
  const fs::path out = tmp / "out";
  fs::create_directories(out);
  // An output folder of aap (its manifest lists the file), which a run may replace: the refusal must keep it.
  std::ofstream(out / "previous.txt") << "previous run";
  std::ofstream(out / "manifest.json")
      << R"({"version": "1", "date": "2027-03-20", "campaign": "A", "inputs": [], "templates": [], "outputs": [)"
      << R"({"path": "previous.txt", "sha256": ")" << sha256_hex("previous run") << "\"}]}";
  const auto before = snapshot(out);
  std::vector<std::string> args{"run", "--out", out.string()};
  args.insert(args.end(), input_args.begin(), input_args.end());
  const auto r = run_aap(args, kRoot);
  EXPECT_EQ(r.exit_code, 1) << expected.file << "\n" << r.err;
  const std::string name = fs::path(expected.file).filename().string();
  EXPECT_NE(r.err.find(name), std::string::npos) << "the message names the file: " << r.err;
  if (!expected.field.empty()) {
    EXPECT_NE(r.err.find(expected.field), std::string::npos)
        << "the message names the field " << expected.field << ": " << r.err;
  }
  EXPECT_NE(r.err.find("rien n’a été écrit"), std::string::npos) << r.err;
  EXPECT_EQ(snapshot(out), before);
  EXPECT_EQ(leftovers(tmp.path()), std::vector<std::string>{});
}

TEST(InvalidInput, EveryInvalidDossierIsRefusedWithFileAndField) {
  const auto cases = expected_cases(kData / "invalid/EXPECTED.tsv");
  ASSERT_GE(cases.size(), 20u);
  for (const Expected& c : cases) {
    SCOPED_TRACE(c.file);
    expect_refused({"--dossiers", (kData / "invalid" / c.file).string()}, c);
  }
}

TEST(InvalidInput, EveryInvalidCampaignIsRefusedWithFileAndField) {
  const auto cases = expected_cases(kData / "invalid-campaign/EXPECTED.tsv");
  ASSERT_GE(cases.size(), 4u);
  for (const Expected& c : cases) {
    SCOPED_TRACE(c.file);
    expect_refused({"--campaign", (kData / "invalid-campaign" / c.file).string()}, c);
  }
}

TEST(InvalidInput, SkipInvalidLeavesTheInvalidDossierOutAndListsIt) {
  TempDir tmp;
  fs::create_directories(tmp / "in");
  for (const auto& e : fs::directory_iterator(kRoot / "fixtures/dossiers"))
    fs::copy_file(e.path(), tmp / "in" / e.path().filename());
  const auto cases = expected_cases(kData / "invalid/EXPECTED.tsv");
  ASSERT_FALSE(cases.empty());
  fs::copy_file(kData / "invalid" / cases[0].file, tmp / "in/zz-invalid.json");
  const auto r = run_aap({"run", "--quiet", "--skip-invalid", "--dossiers", (tmp / "in").string(), "--out",
                          (tmp / "out").string()},
                         kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("zz-invalid.json"), std::string::npos) << r.err;
  const auto ev = nlohmann::json::parse(slurp(tmp / "out/evaluation.json"));
  EXPECT_EQ(ev["dossiers"].size(), 20u);
  ASSERT_EQ(ev["invalid"].size(), 1u);
  EXPECT_NE(ev["invalid"][0]["file"].get<std::string>().find("zz-invalid.json"), std::string::npos);
  EXPECT_FALSE(ev["invalid"][0]["errors"].empty());
}

TEST(InvalidInput, CheckReportsEveryProblemAndExitsOne) {
  const auto r = run_aap({"check", "--dossiers", (kData / "invalid").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  const auto cases = expected_cases(kData / "invalid/EXPECTED.tsv");
  for (const Expected& c : cases)
    EXPECT_NE(r.err.find(fs::path(c.file).filename().string()), std::string::npos) << c.file;
}

TEST(InvalidInput, CheckExitsOneWhenAProblemIsTiedToNoDossier) {
  const auto r = run_aap({"check", "--dossiers", (kData / "no-such-folder").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("no-such-folder"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("aap : entrées invalides."), std::string::npos) << r.err;
}

}  // namespace
}  // namespace aap

namespace aap {
namespace {

TEST(AnnexesCommand, RewritesOnlyTheWorkbookAndKeepsTheOtherOutputs) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  fs::remove(tmp / "out/annexes.xlsx");
  const auto r = run_aap(with_out("annexes", tmp / "out"), kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp / "out/annexes.xlsx"));
  const auto manifest = nlohmann::json::parse(slurp(tmp / "out/manifest.json"));
  std::vector<std::string> outputs;
  for (const auto& o : manifest["outputs"]) outputs.push_back(o["path"]);
  // The other families' files are carried over from the previous run and listed again.
  for (const char* kept : {"annexes.xlsx", "evaluation.json", "avis-appel-a-projets.pdf",
                           "courriers/2027-001.pdf", "deliberation.odt"})
    EXPECT_NE(std::find(outputs.begin(), outputs.end(), kept), outputs.end()) << kept;
}

TEST(RunCommand, AnnexGrantsEqualTheEvaluation) {
  TempDir tmp;
  ASSERT_EQ(run_aap(with_out("run", tmp / "out"), kRoot).exit_code, 0);
  // openpyxl, an independent reader: the Répartition sheet's grants and total against evaluation.json.
  const std::string script = R"(
import json, sys, openpyxl
ev = json.load(open(sys.argv[2]))
ws = openpyxl.load_workbook(sys.argv[1])['Répartition']
rows = list(ws.iter_rows(values_only=True))
header = rows[0]
col = [i for i, h in enumerate(header) if h and 'Subvention' in str(h)][0]
ids = [i for i, h in enumerate(header) if h and str(h).strip().lower() in ('id', 'identifiant', 'dossier')][0]
got = {r[ids]: round(r[col] * 100) for r in rows[1:] if r[ids] and str(r[ids]).startswith('2027')}
want = {d['id']: d['grant_cents'] for d in ev['dossiers'] if d['grant_cents'] > 0}
assert got == want, (got, want)
print('ok', len(got))
)";
  std::ofstream(tmp / "check.py") << script;
  const auto r = run_process({AAP_PYTHON, (tmp / "check.py").string(), (tmp / "out/annexes.xlsx").string(),
                              (tmp / "out/evaluation.json").string()});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "ok 10\n");
}

}  // namespace
}  // namespace aap
