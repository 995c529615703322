// Inputs far beyond the ordinary — a 50 Mo dossier file, a nesting bomb, a 10,000-line template — are
// refused with a clear message or handled, never a crash.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "input/dossier_reader.hpp"
#include "input/json_parse.hpp"
#include "render/template/template_set.hpp"
#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::run_process;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

TEST(InputLimits, SizesAreShownInMegabytesTheFrenchWay) {
  EXPECT_EQ(input::megabytes_fr(50 * 1024 * 1024), "50,0 Mo");
  EXPECT_EQ(input::megabytes_fr(1024 * 1024 + 1024 * 1024 / 4), "1,3 Mo");
  EXPECT_EQ(input::megabytes_fr(0), "0,0 Mo");
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
  EXPECT_TRUE(input::parse_json(std::string(64, '[') + std::string(64, ']'), "f.json", diags).has_value());
  EXPECT_TRUE(diags.empty());
  // Brackets inside a string are text, not nesting, even after an escaped quote.
  const std::string in_string = "[\"\\\"" + std::string(1000, '[') + "\"]";
  EXPECT_TRUE(input::parse_json(in_string, "f.json", diags).has_value());
  EXPECT_TRUE(diags.empty());
  EXPECT_FALSE(input::parse_json(std::string(65, '[') + std::string(65, ']'), "f.json", diags).has_value());
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

}  // namespace
}  // namespace aap
