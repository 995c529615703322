// templates/README.md is the legal service's only reference: every value a shipped template uses is listed.
#include "test_paths.hpp"
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace aap::tpl {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The value names of a template: {{name}}, {{{name}}}, {{&name}}, {{#name}} and {{^name}}; not the
// closing tags, partials, comments or the current item `.`.
std::set<std::string> value_names(const std::string& text) {
  static const std::regex tag(R"(\{\{\{?\s*([#^&]?)\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}?\}\})");
  std::set<std::string> names;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it)
    names.insert((*it)[2].str());
  return names;
}

// The README writes `a.b`, or a group as "`a.b`, `.c`": a dotted name is documented when its first part
// opens a documented name and its last part is documented on its own or after a dot.
bool documented(const std::string& readme, const std::string& name) {
  const auto quoted = [&](const std::string& s) { return readme.find("`" + s + "`") != std::string::npos; };
  if (quoted(name)) return true;
  const std::size_t first_dot = name.find('.');
  if (first_dot == std::string::npos) return false;
  const std::string first = name.substr(0, first_dot);
  const std::string last = name.substr(name.rfind('.') + 1);
  return readme.find("`" + first + ".") != std::string::npos && quoted("." + last);
}

TEST(TemplatesReadme, ListsEveryValueThatAShippedTemplateUses) {
  const fs::path dir = fs::path(AAP_SOURCE_DIR) / "templates";
  const std::string readme = read(dir / "README.md");
  ASSERT_FALSE(readme.empty());
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".mustache") continue;
    for (const std::string& name : value_names(read(entry.path()))) {
      ++checked;
      EXPECT_TRUE(documented(readme, name)) << entry.path().filename().string() << " : « " << name
                                            << " » manque dans templates/README.md";
    }
  }
  EXPECT_GT(checked, 100u);
}

TEST(TemplatesReadme, ReadsNamesFromEveryKindOfTag) {
  EXPECT_EQ(value_names("{{a}} {{#b.c}}{{.}}{{/b.c}}{{^d}}{{> p}}{{! note}}{{{e}}}{{& f}}"),
            (std::set<std::string>{"a", "b.c", "d", "e", "f"}));
}

}  // namespace
}  // namespace aap::tpl
