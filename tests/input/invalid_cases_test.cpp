// Every invalid dossier of tests/data/invalid/ is refused on the field EXPECTED.tsv names (its fixtures'
// author's independent statement of what each case breaks).
#include "test_paths.hpp"
#include "input/dossier_reader.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

TEST(InvalidCases, EachIsRefusedOnTheExpectedField) {
  const std::filesystem::path dir = std::filesystem::path(AAP_TEST_DATA) / "invalid";
  std::ifstream expected(dir / "EXPECTED.tsv");
  ASSERT_TRUE(expected) << "no " << (dir / "EXPECTED.tsv") << ": the fixtures' expectations are missing";
  std::string row;
  int cases = 0;
  while (std::getline(expected, row)) {
    if (row.empty() || row[0] == '#') continue;
    const auto tab = row.find('\t');
    const std::string name = row.substr(0, tab);
    const std::string field = tab == std::string::npos ? "" : row.substr(tab + 1);
    const auto load = aap::read_dossiers({dir / name});
    ++cases;
    EXPECT_FALSE(load.invalid.empty()) << name;
    bool named = false;
    for (const auto& d : load.diagnostics) named = named || d.field.rfind(field, 0) == 0;
    EXPECT_TRUE(named) << name << " should be refused on " << field;
  }
  EXPECT_GT(cases, 20);
}
