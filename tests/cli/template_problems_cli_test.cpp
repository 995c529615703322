// The built `aap` on hostile templates: exit 1 « modèles invalides » with file, line and column, promptly,
// never a crash, a hang or an exhausted machine.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "support/process.hpp"

namespace aap {
namespace {
namespace fs = std::filesystem;
using test::run_aap;
using test::slurp;
using test::TempDir;

const fs::path kRoot = AAP_SOURCE_DIR;

/// The shipped templates in `dir`, `name` with `text` appended on a line of its own.
fs::path templates_with(const fs::path& dir, const std::string& name, const std::string& text) {
  fs::create_directories(dir / "templates");
  for (const auto& e : fs::directory_iterator(kRoot / "templates")) fs::copy_file(e.path(), dir / "templates" / e.path().filename());
  std::ofstream(dir / "templates" / name, std::ios::app | std::ios::binary) << "\n" << text << "\n";
  return dir / "templates";
}

int lines_of(const fs::path& file) {
  const std::string text = slurp(file);
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(TemplateProblemsCli, ANulByteIsAnInvalidTemplateWithItsPlace) {
  TempDir tmp;
  const fs::path original = kRoot / "templates/courrier-finance.mustache";
  const fs::path dir = templates_with(tmp.path(), "courrier-finance.mustache", std::string("Texte\0suite", 11));
  const auto r = run_aap({"run", "--templates", dir.string(), "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find((dir / "courrier-finance.mustache").string() + ":" + std::to_string(lines_of(original) + 2) +
                       ":6: octet nul (U+0000) interdit dans un modèle"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("aap : modèles invalides, rien n’a été écrit."), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

// The e-mail's templates are templates like the others: missing or broken, nothing is written.
TEST(TemplateProblemsCli, AMissingOrBrokenEmailTemplateIsAnInvalidTemplate) {
  TempDir tmp;
  const fs::path dir = templates_with(tmp.path(), "courriel.mustache", "Cordialement, {{contact.prenom}}");
  fs::remove(dir / "courriel-objet.mustache");
  const auto r = run_aap({"run", "--templates", dir.string(), "--out", (tmp / "out").string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find((dir / "courriel.mustache").string() + ":" +
                       std::to_string(lines_of(kRoot / "templates/courriel.mustache") + 2) +
                       ":15: variable inconnue « contact.prenom »"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("courriel-objet.mustache: modèle manquant (fichier attendu dans le dossier des modèles)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("aap : modèles invalides, rien n’a été écrit."), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp / "out"));
}

TEST(TemplateProblemsCli, AGlyphTheFontLacksIsAnInvalidTemplate) {
  TempDir tmp;
  const fs::path dir = templates_with(tmp.path(), "avis-appel-a-projets.mustache", "Contact : ☎ 04 91 00 00 00");
  const auto r = run_aap({"check", "--templates", dir.string()}, kRoot);
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(":11: le caractère U+260E « ☎ » ne peut pas être imprimé dans les documents (absent de la "
                       "police)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("aap : modèles invalides"), std::string::npos) << r.err;
}

TEST(TemplateProblemsCli, EightNestedListsAreRefusedPromptlyWithTheirPlace) {
  TempDir tmp;
  std::string nested;
  for (int i = 0; i < 8; ++i) nested += "{{#criteres}}";
  nested += "{{libelle}}\n";
  for (int i = 0; i < 8; ++i) nested += "{{/criteres}}";
  const fs::path original = kRoot / "templates/courrier-finance.mustache";
  const fs::path dir = templates_with(tmp.path(), "courrier-finance.mustache", nested);
  const auto start = std::chrono::steady_clock::now();
  const auto r = run_aap({"run", "--templates", dir.string(), "--out", (tmp / "out").string()}, kRoot);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find((dir / "courrier-finance.mustache").string() + ":" + std::to_string(lines_of(original) + 2) +
                       ":92: courrier du dossier 2027-000 : le rendu de ce modèle dépasse 4000000 entrées de "
                       "sections et valeurs lues"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("aap : modèles invalides, rien n’a été écrit."), std::string::npos) << r.err;
}

}  // namespace
}  // namespace aap
