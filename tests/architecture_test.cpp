// docs/architecture.md is the map of src/: a folder it does not name is a folder the next reader meets blind.
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <filesystem>

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

}  // namespace
}  // namespace aap
