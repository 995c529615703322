// docs/architecture.md is the map of src/: a folder it does not name is a folder the next reader meets blind.
// The domain layers (model, text, rules, allocation) and src/json include nothing of the readers and writers
// around them.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "support/process.hpp"

namespace aap {
namespace {

namespace fs = std::filesystem;

TEST(Architecture, NamesEveryFolderOfSrc) {
  const fs::path root = AAP_SOURCE_DIR;
  const std::string doc = test::slurp(root / "docs/architecture.md");
  ASSERT_FALSE(doc.empty());
  int folders = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root / "src")) {
    if (!entry.is_directory()) continue;
    const std::string rel = fs::relative(entry.path(), root / "src").generic_string();
    ++folders;
    // A top-level folder as `src/input`, a nested one by its path below src/, as `render/csv`.
    const bool named = doc.find("`src/" + rel + "`") != std::string::npos ||
                       (rel.find('/') != std::string::npos && doc.find("`" + rel + "`") != std::string::npos);
    EXPECT_TRUE(named) << "docs/architecture.md does not name src/" << rel;
  }
  EXPECT_GT(folders, 20);
}

// The project folders a file of `folder` includes ("model", "text"…), with the first file that includes each.
std::map<std::string, std::string> included_folders(const fs::path& folder) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("#include \"", 0) != 0) continue;
      const auto slash = line.find('/');
      if (slash == std::string::npos) continue;
      out.emplace(line.substr(10, slash - 10), entry.path().filename().string() + ": " + line);
    }
  }
  return out;
}

TEST(Architecture, DomainLayersIncludeOnlyTheLayersBelowThem) {
  const fs::path src = fs::path(AAP_SOURCE_DIR) / "src";
  const std::map<std::string, std::set<std::string>> allowed = {
      {"model", {"model"}},
      {"text", {"model", "text"}},
      {"rules", {"model", "rules", "text"}},
      {"allocation", {"allocation", "model", "rules", "text"}},
      // The JSON library's home reads into model values; the readers above it (input, render/json) use it.
      {"json", {"json", "model", "text"}},
  };
  for (const auto& [layer, below] : allowed) {
    const auto folders = included_folders(src / layer);
    EXPECT_TRUE(folders.count("model")) << "src/" << layer << ": no include read";
    for (const auto& [folder, where] : folders)
      EXPECT_TRUE(below.count(folder)) << "src/" << layer << " includes src/" << folder << " (" << where << ")";
  }
}

// Each third-party library is used from one folder of src/: replacing or upgrading it touches that folder only.
TEST(Architecture, EachLibraryIsUsedFromOneFolder) {
  const fs::path src = fs::path(AAP_SOURCE_DIR) / "src";
  const std::map<std::string, std::string> home = {
      {"<zip.h>", "zip"},           {"<xlsxwriter.h>", "render/xlsx"}, {"<podofo/", "render/pdf"},
      {"<orcus/", "input"},         {"<ixion/", "input"},             {"<md4c.h>", "render/markup"},
      {"<kainjow/", "render/template"}, {"<hyphen.h>", "render/layout"}, {"<boost/", "cli"},
      {"<libdeflate.h>", "render/pdf"}, {"<nlohmann/", "json"}};
  int includes = 0;
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    const std::string folder = fs::relative(entry.path().parent_path(), src).generic_string();
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("#include <", 0) != 0) continue;
      for (const auto& [header, owner] : home) {
        if (line.find(header) == std::string::npos) continue;
        ++includes;
        EXPECT_EQ(folder, owner) << entry.path().filename() << ": " << line;
      }
    }
  }
  EXPECT_GT(includes, 10);
}

// A clone holds no specification files: a comment or a page that sends the reader to one sends them nowhere.
TEST(Architecture, NothingCitesAFileOutsideTheRepository) {
  const fs::path root = AAP_SOURCE_DIR;
  // Spelled in two pieces, so that this file does not cite them either.
  const std::string outside[] = {std::string("SPEC") + ".md", std::string("SPEC") + " §",
                                 std::string("DOMAIN") + ".md", std::string("LIBRARIES") + ".md",
                                 std::string("STYLE") + ".md", std::string("../") + "shared"};
  int files = 0;
  for (const char* folder : {"src", "tests", "bench", "fuzz", "scripts", "templates", "docs", "fixtures", ".ci"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
      if (!entry.is_regular_file() || fs::file_size(entry.path()) > 1024 * 1024) continue;
      const std::string text = test::slurp(entry.path());
      ++files;
      for (const std::string& name : outside)
        EXPECT_EQ(text.find(name), std::string::npos) << entry.path() << " cites " << name;
    }
  }
  for (const char* file : {"README.md", "CMakeLists.txt"}) {
    const std::string text = test::slurp(root / file);
    for (const std::string& name : outside) EXPECT_EQ(text.find(name), std::string::npos) << file << " cites " << name;
  }
  EXPECT_GT(files, 200);
}

}  // namespace
}  // namespace aap
