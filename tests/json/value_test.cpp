// json::Value, Document and Node: values built and read without the library's types, written as the
// library writes them.
#include "json/value.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "json/parse.hpp"

namespace aap::json {
namespace {

TEST(JsonValue, DumpsMembersInTheOrderSetAsTheLibraryWouldWithTwoSpaces) {
  Value root = Value::object();
  root.set("zeta", "é\"\\\n\t\x01");
  root.set("alpha", std::int64_t{-3000000000});
  root.set("small", 7);
  root.set("yes", true);
  root.set("none", nullptr);
  root.set("texts", std::vector<std::string>{"a", "b"});
  root.set("empty_array", Value::array());
  root.set("empty_object", Value::object());
  Value list = Value::array();
  list.push_back(Value::object().set("k", "v"));
  list.push_back(Value(false));
  root.set("list", std::move(list));
  root.set("small", 8);  // set again: in place, not moved to the end

  nlohmann::ordered_json expected;
  expected["zeta"] = "é\"\\\n\t\x01";
  expected["alpha"] = std::int64_t{-3000000000};
  expected["small"] = 8;
  expected["yes"] = true;
  expected["none"] = nullptr;
  expected["texts"] = {"a", "b"};
  expected["empty_array"] = nlohmann::ordered_json::array();
  expected["empty_object"] = nlohmann::ordered_json::object();
  expected["list"] = {{{"k", "v"}}, false};
  EXPECT_EQ(root.dump(), expected.dump(2) + "\n");
  EXPECT_NE(root.dump().find("\"zeta\": \"é\\\"\\\\\\n\\t\\u0001\",\n  \"alpha\": -3000000000,\n  \"small\": 8,"),
            std::string::npos)
      << root.dump();
}

TEST(JsonValue, TextThatIsNotUtf8IsRefusedWhenWritten) {
  Value root = Value::object();
  root.set("name", std::string("caf\xE9"));
  EXPECT_THROW(root.dump(), Error);
}

TEST(JsonValue, SetPathMakesTheObjectsOnTheWay) {
  Value v = Value::object();
  EXPECT_FALSE(v.has_path("training.site"));
  v.set_path("training.site.city", "Marseille");
  EXPECT_TRUE(v.has_path("training.site"));
  EXPECT_TRUE(v.has_path("training.site.city"));
  EXPECT_FALSE(v.has_path("training.title"));
  const Document d(v);
  EXPECT_EQ(d.root().at("training").at("site").at("city").string(), "Marseille");
}

TEST(JsonValue, CopiesAreDeep) {
  Value a = Value::object();
  a.set("n", 1);
  Value b = a;
  b.set("n", 2);
  Value c;
  c = a;
  EXPECT_EQ(a.dump(), "{\n  \"n\": 1\n}\n");
  EXPECT_EQ(b.dump(), "{\n  \"n\": 2\n}\n");
  EXPECT_EQ(c.dump(), a.dump());
}

TEST(JsonNode, ReadsWhatWasParsed) {
  Diagnostics diags;
  const auto doc = parse_json(R"({"id": "a", "n": 12, "ok": true, "list": [1, {"x": null}], "o": {}})", "f.json", diags);
  ASSERT_TRUE(doc.has_value());
  const Node root = doc->root();
  EXPECT_TRUE(root.is_object());
  EXPECT_EQ(root.size(), 5u);
  EXPECT_EQ(root.at("id").string(), "a");
  EXPECT_EQ(root.at("n").integer(), 12);
  EXPECT_TRUE(root.at("ok").boolean());
  EXPECT_TRUE(root.at("ok").is_boolean());
  ASSERT_TRUE(root.find("list"));
  const Node list = *root.find("list");
  EXPECT_TRUE(list.is_array());
  EXPECT_EQ(list.size(), 2u);
  EXPECT_TRUE(list[1].at("x").is_null());
  EXPECT_TRUE(list.at(1).is_object());
  EXPECT_TRUE(root.at("o").empty());
  EXPECT_FALSE(root.find("absent"));
  EXPECT_FALSE(root.at("id").find("id")) << "a string has no members";
}

TEST(JsonNode, WrongReadsThrowWithTheLibraryMessage) {
  const Document doc = parse_written(R"({"id": "a", "list": [1]})");
  const Node root = doc.root();
  try {
    root.at("absent");
    FAIL() << "no Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("key 'absent' not found"), std::string::npos) << e.what();
  }
  EXPECT_THROW(root.at("id").integer(), Error);
  EXPECT_THROW(root.at("list").string(), Error);
  EXPECT_THROW(root.at("id").boolean(), Error);
  EXPECT_THROW(root.at("list").at(1), Error);
  EXPECT_THROW(parse_written("{\"a\": "), Error);
}

}  // namespace
}  // namespace aap::json
