// Strict Mustache rendering: values escaped for the markup, unknown names refused with file:line:column.
#include "render/template/template_set.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "render/markup/escape.hpp"

namespace aap::tpl {
namespace {

Value sample() {
  Value root;
  root.set("nom", "Code & Quartiers");
  root.set("finance", Value::flag(true));
  Value criteres = Value::list();
  criteres.push(Value().set("libelle", "Part de femmes"));
  root.set("criteres", std::move(criteres));
  root.set("association", Value().set("nom", "A"));
  return root;
}

// A value as the set renders it: escaped, between the markers that keep it whole.
std::string v(const std::string& escaped) {
  return std::string(markup::kValueStart) + escaped + std::string(markup::kValueEnd);
}

std::string messages(const std::vector<TemplateProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.to_string() + "\n";
  return out;
}

TEST(TemplateSet, RendersValuesEscapedForTheMarkup) {
  const auto set = TemplateSet::from_sources({{"lettre", "Bonjour {{nom}} !"}});
  EXPECT_EQ(set.render("lettre", sample()), "Bonjour " + v("Code \\& Quartiers") + " !");
}

TEST(TemplateSet, RendersSectionsListsDottedNamesAndPartials) {
  const auto set = TemplateSet::from_sources(
      {{"lettre", "{{#finance}}oui{{/finance}} {{association.nom}}\n{{#criteres}}\n- {{libelle}}\n{{/criteres}}\n{{> pied}}"},
       {"pied", "fin {{nom}}"}});
  EXPECT_EQ(set.render("lettre", sample()),
            "oui " + v("A") + "\n- " + v("Part de femmes") + "\nfin " + v("Code \\& Quartiers"));
}

TEST(TemplateSet, CheckReportsAnUnknownVariableWithFileLineAndColumn) {
  const auto set = TemplateSet::from_sources({{"lettre", "Objet :\n\nMadame, {{montant}} é{{nom}}"}});
  EXPECT_EQ(messages(set.check("lettre", sample())),
            "templates/lettre.mustache:3:9: variable inconnue « montant »\n");
}

TEST(TemplateSet, ColumnsCountCharactersNotBytes) {
  const auto set = TemplateSet::from_sources({{"lettre", "Décidé éé {{inconnu}}"}});
  EXPECT_EQ(messages(set.check("lettre", sample())),
            "templates/lettre.mustache:1:11: variable inconnue « inconnu »\n");
}

TEST(TemplateSet, CheckFollowsPartialsAndNamesThePartialFile) {
  const auto set = TemplateSet::from_sources(
      {{"lettre", "{{#criteres}}\n{{> ligne}}\n{{/criteres}}\n{{> absent}}"}, {"ligne", "x\n  {{libelle}} {{points}}"}});
  EXPECT_EQ(messages(set.check("lettre", sample())),
            "templates/ligne.mustache:2:15: variable inconnue « points »\n"
            "templates/lettre.mustache:4:1: modèle inclus « absent » introuvable (fichier « absent.mustache » attendu)\n");
}

TEST(TemplateSet, CheckKnowsTheScopeOfAListSection) {
  const auto set = TemplateSet::from_sources({{"lettre", "{{libelle}}{{#criteres}}{{libelle}}{{nom}}{{/criteres}}"}});
  EXPECT_EQ(messages(set.check("lettre", sample())),
            "templates/lettre.mustache:1:1: variable inconnue « libelle »\n");
}

TEST(TemplateSet, CheckRefusesUnknownSectionsAndUnescapedValues) {
  const auto set = TemplateSet::from_sources({{"lettre", "{{^finanse}}x{{/finanse}}\n{{{nom}}} {{&nom}}"}});
  EXPECT_EQ(messages(set.check("lettre", sample())),
            "templates/lettre.mustache:1:1: section inconnue « finanse »\n"
            "templates/lettre.mustache:2:1: « {{{nom}}} » et « {{&nom}} » sont refusés : une valeur est toujours "
            "insérée comme du texte, écrivez « {{nom}} »\n"
            "templates/lettre.mustache:2:11: « {{{nom}}} » et « {{&nom}} » sont refusés : une valeur est toujours "
            "insérée comme du texte, écrivez « {{nom}} »\n");
}

TEST(TemplateSet, CheckRefusesAListUsedAsAVariable) {
  const auto set = TemplateSet::from_sources({{"lettre", "{{criteres}}"}});
  EXPECT_EQ(messages(set.check("lettre", sample())),
            "templates/lettre.mustache:1:1: variable « criteres » : ce n’est pas un texte (une condition ou une "
            "liste s’utilise en section « {{#criteres}} … {{/criteres}} »)\n");
}

TEST(TemplateSet, CheckRefusesASectionOverAText) {
  const auto set = TemplateSet::from_sources({{"lettre", "{{#nom}}x{{/nom}}"}});
  EXPECT_EQ(messages(set.check("lettre", sample())),
            "templates/lettre.mustache:1:1: section « nom » sur un texte, qui compte toujours pour vrai : utilisez "
            "une condition ou une liste\n");
}

TEST(TemplateSet, MalformedTemplateIsRefusedAtLoadWithLineAndColumn) {
  try {
    TemplateSet::from_sources({{"bon", "x"}, {"lettre", "a\nb {{#finance}} c\n{{nom"}});
    FAIL() << "expected a TemplateError";
  } catch (const TemplateError& e) {
    EXPECT_STREQ(e.what(), "templates/lettre.mustache:3:1: balise ouverte par « {{ » et jamais fermée par « }} »");
  }
}

TEST(TemplateSet, UnclosedSectionIsRefusedAtLoad) {
  try {
    TemplateSet::from_sources({{"lettre", "a\n  {{#finance}} c\n"}});
    FAIL() << "expected a TemplateError";
  } catch (const TemplateError& e) {
    EXPECT_STREQ(e.what(),
                 "templates/lettre.mustache:2:3: section « finance » ouverte et jamais fermée (« {{/finance}} » manquant)");
  }
}

TEST(TemplateSet, RenderRefusesAMissingValueInsteadOfPrintingABlank) {
  const auto set = TemplateSet::from_sources({{"lettre", "{{nom}} {{montant}}"}});
  try {
    set.render("lettre", sample());
    FAIL() << "expected a TemplateError";
  } catch (const TemplateError& e) {
    EXPECT_STREQ(e.what(), "templates/lettre.mustache: valeur inconnue « montant » au rendu");
  }
}

TEST(TemplateSet, RenderRefusesAMissingPartial) {
  const auto set = TemplateSet::from_sources({{"lettre", "{{> pied}}"}});
  EXPECT_THROW(set.render("lettre", sample()), TemplateError);
}

TEST(TemplateSet, LoadsEveryMustacheFileOfAFolder) {
  const auto dir = std::filesystem::temp_directory_path() / "aap-template-set-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "lettre.mustache") << "\xEF\xBB\xBF{{> pied}}";
  std::ofstream(dir / "pied.mustache") << "{{nom}}";
  std::ofstream(dir / "README.md") << "{{pas un modèle";
  const auto set = TemplateSet::load(dir);
  EXPECT_EQ(set.names(), (std::vector<std::string>{"lettre", "pied"}));
  EXPECT_EQ(set.render("lettre", sample()), v("Code \\& Quartiers"));
  std::filesystem::remove_all(dir);
}

TEST(TemplateSet, AnEmptyFolderIsAnError) {
  const auto dir = std::filesystem::temp_directory_path() / "aap-template-set-empty";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  try {
    TemplateSet::load(dir);
    FAIL() << "expected a TemplateError";
  } catch (const TemplateError& e) {
    EXPECT_EQ(std::string(e.what()), dir.string() + ": aucun modèle « *.mustache » dans ce dossier");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace aap::tpl
