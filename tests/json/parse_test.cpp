// parse_json: one French diagnostic, with line and column, for a JSON syntax error.
#include "json/parse.hpp"

#include <gtest/gtest.h>

namespace {

std::string error_of(std::string_view text) {
  aap::Diagnostics diags;
  EXPECT_FALSE(aap::json::parse_json(text, "f.json", diags).has_value());
  EXPECT_EQ(diags.size(), 1u);
  return diags.empty() ? "" : diags[0].to_string();
}

}  // namespace

TEST(JsonParse, TrailingCommaInObjectNamesTheLineColumnAndTheLikelySlip) {
  EXPECT_EQ(error_of("{\n  \"a\": 1,\n}"),
            "f.json:3: JSON mal formé (colonne 1) : « } » inattendu, un nom de champ entre guillemets était "
            "attendu (virgule en trop ?)");
}

TEST(JsonParse, ANulByteIsRefusedInsteadOfEndingTheText) {
  // nlohmann would stop at the NUL and return the first object: the second one would be lost.
  EXPECT_EQ(error_of(std::string_view("{\"a\": 1}\n\n\0{\"b\": 2}", 19)),
            "f.json:3: JSON mal formé (colonne 1) : octet nul (U+0000), qui n’a pas sa place dans un fichier texte ; "
            "la suite du fichier serait ignorée");
  EXPECT_EQ(error_of(std::string_view("[\"\0\"]", 5)),
            "f.json:1: JSON mal formé (colonne 3) : octet nul (U+0000), qui n’a pas sa place dans un fichier texte ; "
            "la suite du fichier serait ignorée");
}

TEST(JsonParse, TrailingCommaInArray) {
  EXPECT_EQ(error_of("[1,\n]"),
            "f.json:2: JSON mal formé (colonne 1) : « ] » inattendu, une valeur était attendue (virgule en trop ?)");
}

TEST(JsonParse, MissingCommaBetweenMembers) {
  EXPECT_EQ(error_of("{\"a\": 1\n \"b\": 2}"),
            "f.json:2: JSON mal formé (colonne 2) : chaîne inattendue, « , » ou « } » était attendu");
}

TEST(JsonParse, MissingCommaPointsAtTheStartOfTheNumber) {
  EXPECT_EQ(error_of("[1 234]"), "f.json:1: JSON mal formé (colonne 4) : nombre inattendu, « , » ou « ] » était attendu");
}

TEST(JsonParse, MissingColon) {
  EXPECT_EQ(error_of("{\"a\" 1}"), "f.json:1: JSON mal formé (colonne 6) : nombre inattendu, « : » était attendu");
}

TEST(JsonParse, TruncatedText) {
  EXPECT_EQ(error_of("{\"a\":\n\n"),
            "f.json:3: JSON mal formé (colonne 1) : fin du texte inattendue (texte tronqué ?), une valeur était "
            "attendue");
}

TEST(JsonParse, EmptyFile) {
  EXPECT_EQ(error_of(""),
            "f.json:1: JSON mal formé (colonne 1) : fin du texte inattendue (texte tronqué ?), une valeur était "
            "attendue");
}

TEST(JsonParse, UnquotedWordShowsWhatWasRead) {
  EXPECT_EQ(error_of("{\"a\": oui}"),
            "f.json:1: JSON mal formé (colonne 7) : valeur non reconnue « oui » (les textes s’écrivent entre "
            "guillemets droits)");
  EXPECT_EQ(error_of("{\"a\":\n  tru}"),
            "f.json:2: JSON mal formé (colonne 3) : valeur non reconnue « tru » (les textes s’écrivent entre "
            "guillemets droits)");
}

TEST(JsonParse, NewlineInsideAString) {
  EXPECT_EQ(error_of("{\"a\": \"x\ny\"}"),
            "f.json:1: JSON mal formé (colonne 9) : caractère de contrôle U+000A non échappé dans une chaîne");
}

TEST(JsonParse, NonUtf8Byte) {
  EXPECT_EQ(error_of("{\"a\": \"caf\xe9\"}"),
            "f.json:1: JSON mal formé (colonne 11) : octet invalide dans une chaîne : le fichier n’est pas "
            "enregistré en UTF-8");
}

TEST(JsonParse, TextAfterTheEnd) {
  EXPECT_EQ(error_of("{}\n{}"),
            "f.json:2: JSON mal formé (colonne 1) : « { » inattendu, rien n’était attendu après la fin du JSON");
}

TEST(JsonParse, NumberTooLargeForADouble) {
  EXPECT_EQ(error_of("{\n\"a\": 1e999}"), "f.json:2: JSON mal formé : nombre trop grand « 1e999 »");
}

TEST(JsonParse, BadNumber) {
  EXPECT_EQ(error_of("{\"a\": 1.}"), "f.json:1: JSON mal formé (colonne 7) : nombre mal écrit « 1. »");
}

TEST(JsonParse, WellFormedTextParses) {
  aap::Diagnostics diags;
  const auto j = aap::json::parse_json("{\"a\": [1, 2]}", "f.json", diags);
  ASSERT_TRUE(j.has_value());
  ASSERT_TRUE(j->root().find("a"));
  EXPECT_EQ(j->root().find("a")->size(), 2u);
  EXPECT_TRUE(diags.empty());
}
