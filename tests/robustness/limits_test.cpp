// Inputs far beyond the ordinary — a 50 Mo dossier file, a nesting bomb, a 10,000-line template — are
// refused with a clear message or handled, never a crash.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>

#include "input/campaign_reader.hpp"
#include "input/communes.hpp"
#include "input/dossier_reader.hpp"
#include "input/input_file.hpp"
#include "json/parse.hpp"
#include "render/markup/escape.hpp"
#include "render/template/template_set.hpp"
#include "support/special_files.hpp"
#include "support/process.hpp"
#include "text/sizes.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;
using test::kFiveGigabytes;
using test::sparse_file;
using test::without_hanging;

const fs::path kRoot = AAP_SOURCE_DIR;

TEST(InputLimits, SizesAreShownInMegabytesTheFrenchWay) {
  EXPECT_EQ(text::megabytes_fr(50 * 1024 * 1024), "50,0 Mo");
  EXPECT_EQ(text::megabytes_fr(1024 * 1024 + 1024 * 1024 / 4), "1,3 Mo");
  EXPECT_EQ(text::megabytes_fr(0), "0,0 Mo");
}

// Real dossiers, repeated and padded to exactly 50 Mo: a well-formed file that is simply too big.
TEST(InputLimits, AFiftyMegabyteDossierFileIsRefusedNamingItAndTheLimit) {
  TempDir tmp;
  const std::string one = slurp(kRoot / "fixtures/dossiers/2027-001.json");
  const std::size_t size = std::size_t{50} * 1024 * 1024;
  std::string text = "[";
  while (text.size() + one.size() + 2 < size) text += (text.size() > 1 ? "," : "") + one;
  text += "]";
  text.append(size - text.size(), ' ');
  const fs::path file = tmp / "enorme.json";
  std::ofstream(file, std::ios::binary) << text;
  ASSERT_EQ(fs::file_size(file), size);

  const auto r = run_aap({"check", "--dossiers", file.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(file.string() +
                       ": fichier trop volumineux (50,0 Mo) : la limite est de 32 Mo par fichier JSON ; "
                       "répartissez les dossiers en plusieurs fichiers\n"),
            std::string::npos)
      << r.err;
}

TEST(InputLimits, ANestingBombIsRefusedWithItsPlace) {
  const std::string bomb = "{\"id\": " + std::string(1'000'000, '[') + std::string(1'000'000, ']') + "}";
  DossierLoad load;
  parse_dossiers(bomb, "bombe.json", load);
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(),
            "bombe.json:1: JSON mal formé (colonne 71) : plus de 64 niveaux de tableaux et d’objets imbriqués");
  ASSERT_EQ(load.invalid.size(), 1u);
  EXPECT_TRUE(load.dossiers.empty());
}

TEST(InputLimits, SixtyFourLevelsAreStillParsed) {
  Diagnostics diags;
  EXPECT_TRUE(json::parse_json(std::string(64, '[') + std::string(64, ']'), "f.json", diags).has_value());
  EXPECT_TRUE(diags.empty());
  // Brackets inside a string are text, not nesting, even after an escaped quote.
  const std::string in_string = "[\"\\\"" + std::string(1000, '[') + "\"]";
  EXPECT_TRUE(json::parse_json(in_string, "f.json", diags).has_value());
  EXPECT_TRUE(diags.empty());
  EXPECT_FALSE(json::parse_json(std::string(65, '[') + std::string(65, ']'), "f.json", diags).has_value());
}

// Each problem is placed from the previous one: counting every line again from the start for each of them
// took minutes for a template this size.
TEST(TemplateLimits, AHundredThousandProblemsArePlacedInLinearTime) {
  std::string text;
  for (int i = 0; i < 100'000; ++i) text += "é {{inconnue}}\n";
  const auto set = tpl::TemplateSet::from_sources({{"grand", text}});
  const auto start = std::chrono::steady_clock::now();
  const auto problems = set.check("grand", tpl::Value());
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_EQ(problems.size(), 100'000u);
  EXPECT_EQ(problems[0].to_string(), "templates/grand.mustache:1:3: variable inconnue « inconnue »");
  EXPECT_EQ(problems[99'999].to_string(), "templates/grand.mustache:100000:3: variable inconnue « inconnue »");
  EXPECT_LT(seconds, 10.0);
}

TEST(TemplateLimits, ProblemsAfterAPartialAreStillPlacedRight) {
  const auto set = tpl::TemplateSet::from_sources({{"a", "x\n{{> b}} {{y}}\n\n  {{z}}"}, {"b", "{{w}}"}});
  const auto problems = set.check("a", tpl::Value());
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].to_string(), "templates/b.mustache:1:1: variable inconnue « w »");
  EXPECT_EQ(problems[1].to_string(), "templates/a.mustache:2:9: variable inconnue « y »");
  EXPECT_EQ(problems[2].to_string(), "templates/a.mustache:4:3: variable inconnue « z »");
}

// The notice with 10,000 more lines of text: some 200 pages, written whole.
TEST(TemplateLimits, ATenThousandLineTemplateIsRenderedToTheEnd) {
  TempDir tmp;
  fs::copy(kRoot / "templates", tmp / "modeles");
  {
    std::ofstream notice(tmp / "modeles/avis-appel-a-projets.mustache", std::ios::app);
    notice << "\n\n";
    for (int i = 0; i < 9'998; ++i) {
      notice << (i % 2 == 1 ? std::string() : "Ligne " + std::to_string(i) + " de {{collectivite.nom}}, **gras** et *italique*.")
             << "\n";
    }
    notice << "Fin du modèle de {{collectivite.nom}}.\n";
  }
  const auto r = run_aap({"notice", "--quiet", "--templates", (tmp / "modeles").string(), "--out", (tmp / "out").string()},
                         kRoot);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto text = run_process({"/usr/bin/pdftotext", (tmp / "out/avis-appel-a-projets.pdf").string(), "-"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("Fin du modèle de Métropole Aix-Marseille-Provence."), std::string::npos);
}

// --- every input file's size is checked before it is read ---------------------------------------------

/// Runs `aap args` under /usr/bin/time and checks it refuses its input at once, in little memory, saying
/// `line` on standard error.
void expect_refused_at_once(const std::vector<std::string>& args, const std::string& line) {
  std::vector<std::string> argv{"/usr/bin/time", "-f", "pic %M", AAP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_process(argv, kRoot);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(line + "\n"), std::string::npos) << r.err;
  const std::size_t peak = r.err.rfind("pic ");
  ASSERT_NE(peak, std::string::npos) << r.err;
  EXPECT_LT(std::stoul(r.err.substr(peak + 4)), 200u * 1024) << "Kio au plus fort";
  EXPECT_LT(seconds, 10.0);
}

TEST(InputLimits, AFiveGigabyteDossierFileIsRefusedWithoutBeingRead) {
  TempDir tmp;
  const fs::path file = sparse_file(tmp / "enorme.json", kFiveGigabytes);
  expect_refused_at_once({"check", "--dossiers", file.string()},
                         file.string() + ": fichier trop volumineux (5120,0 Mo) : la limite est de 32 Mo par fichier "
                                         "JSON ; répartissez les dossiers en plusieurs fichiers");
}

TEST(InputLimits, AFiveGigabyteCsvFileIsRefusedWithoutBeingRead) {
  TempDir tmp;
  const fs::path file = sparse_file(tmp / "dossiers.csv", kFiveGigabytes);
  fs::copy_file(kRoot / "fixtures/csv/sessions.csv", tmp / "sessions.csv");
  expect_refused_at_once({"check", "--dossiers", file.string()},
                         file.string() + ": fichier trop volumineux (5120,0 Mo) : la limite est de 32 Mo par fichier "
                                         "CSV, comme pour un fichier JSON ; répartissez les dossiers en plusieurs "
                                         "fichiers");
}

TEST(InputLimits, AFiveGigabyteCampaignIsRefusedWithoutBeingRead) {
  TempDir tmp;
  const fs::path file = sparse_file(tmp / "campagne.json", kFiveGigabytes);
  expect_refused_at_once({"check", "--campaign", file.string(), "--dossiers", "fixtures/dossiers"},
                         file.string() + ": fichier trop volumineux (5120,0 Mo) : la limite est de 32 Mo par fichier "
                                         "de campagne");
}

TEST(InputLimits, AFiveGigabyteCommunesTableIsRefusedWithoutBeingRead) {
  TempDir tmp;
  const fs::path file = sparse_file(tmp / "communes.csv", kFiveGigabytes);
  expect_refused_at_once({"check", "--communes", file.string(), "--dossiers", "fixtures/dossiers"},
                         file.string() + ": fichier trop volumineux (5120,0 Mo) : la limite est de 32 Mo pour le "
                                         "référentiel des communes");
}

TEST(TemplateLimits, AFiveGigabyteTemplateIsRefusedWithoutBeingRead) {
  TempDir tmp;
  fs::copy(kRoot / "templates", tmp / "modeles");
  const fs::path file = sparse_file(tmp / "modeles/enorme.mustache", kFiveGigabytes);
  expect_refused_at_once({"notice", "--quiet", "--templates", (tmp / "modeles").string(), "--out", (tmp / "out").string()},
                         file.string() + ": fichier trop volumineux (5120,0 Mo) : la limite est de 4 Mo par modèle ; "
                                         "découpez-le en modèles inclus ({{> nom}})");
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST(InputLimits, AFifoIsRefusedAsNotARegularFileWithoutWaitingForAWriter) {
  TempDir tmp;
  const fs::path csv = tmp / "dossiers.csv";
  ASSERT_EQ(::mkfifo(csv.c_str(), 0600), 0);
  const DossierLoad load = without_hanging(csv, [&] { return read_dossiers({csv}); });
  ASSERT_EQ(load.diagnostics.size(), 1u);
  EXPECT_EQ(load.diagnostics[0].to_string(), csv.string() + ": n’est pas un fichier ordinaire");

  const fs::path campaign = tmp / "campagne.json";
  ASSERT_EQ(::mkfifo(campaign.c_str(), 0600), 0);
  Diagnostics diags;
  EXPECT_FALSE(without_hanging(campaign, [&] { return read_campaign(campaign, diags); }).has_value());
  const fs::path communes = tmp / "communes.csv";
  ASSERT_EQ(::mkfifo(communes.c_str(), 0600), 0);
  EXPECT_FALSE(without_hanging(communes, [&] { return load_communes(communes, diags); }).has_value());
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].to_string(), campaign.string() + ": n’est pas un fichier ordinaire");
  EXPECT_EQ(diags[1].to_string(), communes.string() + ": n’est pas un fichier ordinaire");
}

TEST(InputLimits, AnEndlessDeviceIsRefusedAsNotARegularFile) {
  Diagnostics diags;
  EXPECT_FALSE(read_campaign("/dev/zero", diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].to_string(), "/dev/zero: n’est pas un fichier ordinaire");
}

TEST(InputLimits, ADossierFileExactlyAtTheLimitIsReadAndOneByteMoreIsNot) {
  TempDir tmp;
  std::string text = slurp(kRoot / "fixtures/dossiers/2027-001.json");
  text.append(json::kMaxJsonBytes - text.size(), ' ');
  const fs::path file = tmp / "juste.json";
  std::ofstream(file, std::ios::binary) << text;
  const DossierLoad at_limit = read_dossiers({file});
  EXPECT_TRUE(at_limit.diagnostics.empty());
  EXPECT_EQ(at_limit.dossiers.size(), 1u);

  std::ofstream(file, std::ios::binary | std::ios::app) << ' ';
  const DossierLoad over = read_dossiers({file});
  ASSERT_EQ(over.diagnostics.size(), 1u);
  EXPECT_EQ(over.diagnostics[0].to_string(),
            file.string() + ": fichier trop volumineux (plus de 32 Mo) : la limite est de 32 Mo par fichier JSON ; "
                            "répartissez les dossiers en plusieurs fichiers");
  EXPECT_TRUE(over.dossiers.empty());
}

TEST(TemplateLimits, AFourMegabyteTemplateRendersAndOneByteMoreIsRefused) {
  TempDir tmp;
  const std::string head = "Début {{x}}\n";
  const std::string tail = "Fin {{x}}\n";
  std::string text = head;
  const std::string line = std::string(99, 'a') + "\n";
  while (text.size() + line.size() + tail.size() <= tpl::kMaxTemplateBytes) text += line;
  text.append(tpl::kMaxTemplateBytes - tail.size() - text.size(), 'b');
  text += tail;
  ASSERT_EQ(text.size(), tpl::kMaxTemplateBytes);
  fs::create_directory(tmp / "modeles");
  const fs::path file = tmp / "modeles/grand.mustache";
  std::ofstream(file, std::ios::binary) << text;

  const auto set = tpl::TemplateSet::load(tmp / "modeles");
  tpl::Value data;
  data.set("x", "ok");
  const std::string out = set.render("grand", data);
  // Each value comes between the two three-byte markers that keep it whole.
  const std::string ok = std::string(markup::kValueStart) + "ok" + std::string(markup::kValueEnd);
  EXPECT_EQ(out.size(), tpl::kMaxTemplateBytes - 2 * std::string("{{x}}").size() + 2 * ok.size());
  EXPECT_EQ(out.substr(0, 7 + ok.size() + 1), "Début " + ok + "\n");
  EXPECT_EQ(out.substr(out.size() - (4 + ok.size() + 1)), "Fin " + ok + "\n");

  std::ofstream(file, std::ios::binary | std::ios::app) << ' ';
  try {
    tpl::TemplateSet::load(tmp / "modeles");
    ADD_FAILURE() << "a template one byte over the limit was loaded";
  } catch (const tpl::TemplateError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].to_string(), file.string() + ": fichier trop volumineux (plus de 4 Mo) : la limite est "
                                                           "de 4 Mo par modèle ; découpez-le en modèles inclus ({{> nom}})");
  }
}

}  // namespace
}  // namespace aap
