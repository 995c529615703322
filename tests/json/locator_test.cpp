// JsonLocator: the line of every field path, duplicate keys, and byte offsets as line and column.
#include "json/locator.hpp"

#include <gtest/gtest.h>

#include <string>

using aap::json::JsonLocator;
using aap::json::parent_path;
using aap::json::position_of_offset;

namespace {

constexpr const char* kDossier = R"({
  "id": "2027-001",
  "training": {
    "title": "Développeur web",
    "sessions": [
      {"trainees": 14, "women": 5},
      {
        "trainees": 10,
        "women": 12
      }
    ]
  }
})";

}  // namespace

TEST(JsonLocator, RootIsTheLineOfTheFirstValue) {
  const JsonLocator loc("\n\n  {\"id\": 1}");
  EXPECT_EQ(loc.line_of(""), 3);
}

TEST(JsonLocator, ObjectMembersAreOnTheLineOfTheirKey) {
  const JsonLocator loc(kDossier);
  EXPECT_EQ(loc.line_of("id"), 2);
  EXPECT_EQ(loc.line_of("training"), 3);
  EXPECT_EQ(loc.line_of("training.title"), 4);
  EXPECT_EQ(loc.line_of("training.sessions"), 5);
}

TEST(JsonLocator, ArrayElementsAreOnTheLineWhereTheyStart) {
  const JsonLocator loc(kDossier);
  EXPECT_EQ(loc.line_of("training.sessions[0]"), 6);
  EXPECT_EQ(loc.line_of("training.sessions[0].women"), 6);
  EXPECT_EQ(loc.line_of("training.sessions[1]"), 7);
  EXPECT_EQ(loc.line_of("training.sessions[1].trainees"), 8);
  EXPECT_EQ(loc.line_of("training.sessions[1].women"), 9);
}

TEST(JsonLocator, UnknownPathHasNoLine) {
  const JsonLocator loc(kDossier);
  EXPECT_EQ(loc.line_of("training.sessions[2]"), 0);
  EXPECT_EQ(loc.line_of("budget"), 0);
}

TEST(JsonLocator, MissingFieldFallsBackToItsNearestParent) {
  const JsonLocator loc(kDossier);
  EXPECT_EQ(loc.line_of_nearest("training.sessions[1].bac_or_below"), 7);
  EXPECT_EQ(loc.line_of_nearest("training.site.insee_code"), 3);
  EXPECT_EQ(loc.line_of_nearest("budget.requested"), 1);
}

TEST(JsonLocator, ArrayOfDossiersPrefixesPathsWithTheIndex) {
  const JsonLocator loc("[\n {\"id\": \"a\"},\n {\"id\": \"b\",\n  \"training\": {\"title\": \"x\"}}\n]");
  EXPECT_EQ(loc.line_of("[0]"), 2);
  EXPECT_EQ(loc.line_of("[0].id"), 2);
  EXPECT_EQ(loc.line_of("[1]"), 3);
  EXPECT_EQ(loc.line_of("[1].training.title"), 4);
}

TEST(JsonLocator, StringsHoldingBracketsCommasAndQuotesDoNotConfuseIt) {
  const JsonLocator loc("{\"a\": \"{[,:]} \\\" }\",\n\"b\": [\"]\", \"[\"],\n\"c\": 1}");
  EXPECT_EQ(loc.line_of("a"), 1);
  EXPECT_EQ(loc.line_of("b"), 2);
  EXPECT_EQ(loc.line_of("b[1]"), 2);
  EXPECT_EQ(loc.line_of("c"), 3);
}

TEST(JsonLocator, EscapedKeysAreDecodedAsNlohmannDecodesThem) {
  const JsonLocator loc("{\n\"caf\\u00e9\": 1,\n\"a\\\"b\": 2}");
  EXPECT_EQ(loc.line_of("café"), 2);
  EXPECT_EQ(loc.line_of("a\"b"), 3);
}

TEST(JsonLocator, NestedArraysIndexEachLevel) {
  const JsonLocator loc("{\"m\": [[1,\n2], [3]]}");
  EXPECT_EQ(loc.line_of("m[0][1]"), 2);
  EXPECT_EQ(loc.line_of("m[1][0]"), 2);
}

TEST(JsonLocator, FindsAKeyWrittenTwiceInTheSameObject) {
  const JsonLocator loc("{\"a\": {\"x\": 1,\n \"x\": 2},\n \"b\": {\"x\": 3}}");
  ASSERT_EQ(loc.duplicates().size(), 1u);
  EXPECT_EQ(loc.duplicates()[0].path, "a.x");
  EXPECT_EQ(loc.duplicates()[0].line, 2);
  EXPECT_EQ(loc.line_of("a.x"), 1);
}

TEST(JsonLocator, SurvivesMalformedAndDeeplyNestedText) {
  const JsonLocator garbage("}}]]{{\"a\" \"b\": [\"unterminated");
  EXPECT_EQ(garbage.line_of("zzz"), 0);
  const JsonLocator deep("[" + std::string(200000, '[') + "\n" + std::string(200000, ']') + ",\n{\"a\": 1}]");
  EXPECT_EQ(deep.line_of("[0][0][0]"), 1);
  // Past the depth it tracks, it picks up again where the nesting closes.
  EXPECT_EQ(deep.line_of("[1].a"), 3);
}

TEST(ParentPath, StripsOneLevel) {
  EXPECT_EQ(parent_path("training.sessions[1].women"), "training.sessions[1]");
  EXPECT_EQ(parent_path("training.sessions[1]"), "training.sessions");
  EXPECT_EQ(parent_path("training"), "");
  EXPECT_EQ(parent_path("[2].id"), "[2]");
  EXPECT_EQ(parent_path("[2]"), "");
}

TEST(PositionOfOffset, CountsLinesAndCharactersNotBytes) {
  const std::string text = "{\n  \"é\": x}";
  // 'x' is at byte 10 (é takes two bytes) but is the 8th character of line 2.
  const auto at = position_of_offset(text, text.find('x'));
  EXPECT_EQ(at.line, 2);
  EXPECT_EQ(at.column, 8);
}

TEST(PositionOfOffset, OffsetPastTheEndIsTheEndOfTheText) {
  const auto at = position_of_offset("{\n\n", 50);
  EXPECT_EQ(at.line, 3);
  EXPECT_EQ(at.column, 1);
}
