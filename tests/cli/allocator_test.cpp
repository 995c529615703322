// The program runs on mimalloc (CMakeLists.txt says why); the sanitized builds keep their own allocator.
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include "support/process.hpp"

namespace aap {
namespace {

#ifdef AAP_MIMALLOC
TEST(Allocator, TheProgramAllocatesWithMimalloc) {
  // mimalloc reports its start when asked to be verbose: only a program it was loaded into can say so.
  const test::ProcessResult r = test::run_process({"/usr/bin/env", "MIMALLOC_VERBOSE=1", AAP_BINARY, "--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.err, ::testing::HasSubstr("mimalloc: process init"));
}
#endif

}  // namespace
}  // namespace aap
