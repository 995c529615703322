// Templates cannot hang or exhaust the machine, and what no document could print is refused at load with
// its file, line and column.
#include "render/template/template_set.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "render/markup/markup.hpp"

namespace aap::tpl {
namespace {

std::string load_error(const std::string& text) {
  try {
    TemplateSet::from_sources({{"bon", "x"}, {"lettre", text}});
  } catch (const TemplateError& e) {
    return e.what();
  }
  return "(chargé sans erreur)";
}

TEST(TemplateLimits, AByteThatIsNotUtf8IsRefusedAtLoadWithItsPlace) {
  EXPECT_EQ(load_error("Objet :\nd\xE9" "cision {{nom}}"),
            "templates/lettre.mustache:2:2: octet 0xE9 qui n’est pas de l’UTF-8 : enregistrer le modèle en UTF-8");
}

TEST(TemplateLimits, ANulOrAControlCharacterIsRefusedAtLoad) {
  EXPECT_EQ(load_error(std::string("a\n\nbé\0c", 7)),
            "templates/lettre.mustache:3:3: octet nul (U+0000) interdit dans un modèle");
  EXPECT_EQ(load_error("a\x07"), "templates/lettre.mustache:1:2: caractère de contrôle U+0007 interdit");
}

TEST(TemplateLimits, ACharacterTheFontLacksIsRefusedAtLoad) {
  EXPECT_EQ(load_error("Objet :\n  suivi 中"),
            "templates/lettre.mustache:2:9: le caractère U+4E2D « 中 » ne peut pas être imprimé dans les documents "
            "(absent de la police)");
  // What the shipped templates hold is printable: tabs, line ends, typographic spaces and quotes, œ, €.
  EXPECT_EQ(load_error("\t« Œuvre » — 12\u202F500\u00A0€ ’\r\n"), "(chargé sans erreur)");
}

TEST(TemplateLimits, AnUnclosedLetterBlockIsRefusedAtLoad) {
  EXPECT_EQ(load_error("Objet\n\n```adresse\n{{nom}}\n\nMadame,\n"),
            "templates/lettre.mustache:3:1: bloc « ```adresse » jamais fermé par une ligne « ``` » : la suite du "
            "modèle y serait prise");
}

TEST(TemplateLimits, ASecondAddressBlockIsRefusedWhereverItComesFrom) {
  const auto set = TemplateSet::from_sources(
      {{"lettre", "{{> entete}}\n\nTexte\n\n```adresse\n{{nom}}\n```\n"},
       {"entete", "```timbre\nMétropole\n```\n\n```adresse\n{{nom}}\n```\n"}});
  Value v;
  v.set("nom", "A");
  const auto problems = set.check("lettre", v);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].to_string(),
            "templates/lettre.mustache:5:1: second bloc ```adresse dans le même document : un seul est permis, un "
            "second serait imprimé par-dessus le premier dans la fenêtre de l’enveloppe");
  // The markup refuses it too, whatever made it.
  try {
    markup::parse("```adresse\nA\n```\n\n```adresse\nB\n```\n");
    FAIL() << "expected a MarkupError";
  } catch (const markup::MarkupError& e) {
    EXPECT_STREQ(e.what(), "second bloc ```adresse dans le même document : un seul est permis, un second serait "
                           "imprimé par-dessus le premier dans la fenêtre de l’enveloppe");
  }
}

Value eleven_criteria() {
  Value root;
  Value list = Value::list();
  for (int i = 0; i < 11; ++i) list.push(Value().set("libelle", "Critère " + std::to_string(i)));
  root.set("criteres", std::move(list));
  return root;
}

std::string nested(int levels, const std::string& body) {
  std::string text = "Objet\n";
  for (int i = 0; i < levels; ++i) text += "{{#criteres}}";
  text += body;
  for (int i = 0; i < levels; ++i) text += "{{/criteres}}";
  return text + "\n";
}

TEST(TemplateLimits, NestedListsStopAtTheBoundWithTheDeepestSection) {
  for (const int levels : {7, 8}) {
    SCOPED_TRACE(levels);
    const auto set = TemplateSet::from_sources({{"lettre", nested(levels, "{{libelle}}\n")}});
    const auto start = std::chrono::steady_clock::now();
    try {
      set.render("lettre", eleven_criteria());
      FAIL() << "expected a TemplateError";
    } catch (const TemplateError& e) {
      EXPECT_EQ(std::string(e.what()),
                "templates/lettre.mustache:2:" + std::to_string(1 + 13 * (levels - 1)) +
                    ": le rendu de ce modèle dépasse 4000000 entrées de sections et valeurs lues : rendu arrêté (des "
                    "sections de listes imbriquées les unes dans les autres multiplient le texte ; la plus imbriquée "
                    "est ici)");
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  }
}

TEST(TemplateLimits, AnOutputBeyondTheBoundIsRefusedEvenWithoutLineEnds) {
  // Few passes, each inserting a large value on one line: bounded by the bytes, not by the passes.
  Value root;
  Value list = Value::list();
  for (int i = 0; i < 300; ++i) list.push(Value().set("t", std::string(300'000, 'a')));
  root.set("l", std::move(list));
  const auto set = TemplateSet::from_sources({{"lettre", "x {{#l}}{{t}}{{/l}}"}});
  try {
    set.render("lettre", root);
    FAIL() << "expected a TemplateError";
  } catch (const TemplateError& e) {
    EXPECT_EQ(std::string(e.what()),
              "templates/lettre.mustache:1:3: le rendu de ce modèle insère plus de 64 Mo de valeurs : rendu arrêté "
              "(des sections de listes imbriquées les unes dans les autres multiplient le texte ; la plus imbriquée "
              "est ici)");
  }
  // The same list, a tenth of it: rendered.
  Value small;
  Value few = Value::list();
  for (int i = 0; i < 30; ++i) few.push(Value().set("t", std::string(300'000, 'a')));
  small.set("l", std::move(few));
  // Each value is framed by its two 3-byte markers (markup::kValueStart, kValueEnd).
  EXPECT_EQ(set.render("lettre", small).size(), 2u + 30u * (300'000u + 6u));
}

}  // namespace
}  // namespace aap::tpl
