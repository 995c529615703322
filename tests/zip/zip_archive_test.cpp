// libzip's one home: an archive written in memory reads back entry by entry, and damage is told apart.
#include "zip/zip_archive.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace aap::zip {
namespace {

std::string sample() {
  return write_archive({{"mimetype", "application/vnd.oasis.opendocument.text", true},
                        {"content.xml", std::string(5000, 'a'), false}},
                       0, "ODT");
}

TEST(ZipArchive, WrittenEntriesReadBackInOrderWithTheirSizes) {
  const std::string bytes = sample();
  // ODF: the stored mimetype's text sits at a fixed offset, right after the first local header.
  EXPECT_EQ(bytes.substr(30, 8), "mimetype");
  EXPECT_EQ(bytes.substr(38, 39), "application/vnd.oasis.opendocument.text");
  const auto reader = Reader::from_bytes(bytes, true);
  ASSERT_TRUE(reader.has_value());
  const auto entries = reader->entries();
  ASSERT_TRUE(entries.has_value());
  ASSERT_EQ(entries->size(), 2U);
  EXPECT_EQ((*entries)[0].name, "mimetype");
  EXPECT_EQ((*entries)[1].size, 5000U);
  ReadProblem problem = ReadProblem::truncated;
  EXPECT_EQ(reader->read("content.xml", problem), std::string(5000, 'a'));
  EXPECT_EQ(problem, ReadProblem::none);
  EXPECT_TRUE(reader->contains("mimetype"));
  EXPECT_FALSE(reader->contains("styles.xml"));
  EXPECT_EQ(reader->read("styles.xml", problem), "");
  EXPECT_EQ(problem, ReadProblem::absent);
}

TEST(ZipArchive, SameEntriesSameBytes) { EXPECT_EQ(sample(), sample()); }

TEST(ZipArchive, BytesThatAreNoArchiveAreNotOpened) {
  EXPECT_FALSE(Reader::from_bytes("PK\x03\x04 pas une archive", true).has_value());
  const std::string bytes = sample();
  EXPECT_FALSE(Reader::from_bytes(std::string_view(bytes).substr(0, bytes.size() - 10), true).has_value());
  EXPECT_FALSE(Reader::from_file("/nulle/part.xlsx").has_value());
}

}  // namespace
}  // namespace aap::zip
