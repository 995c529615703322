// The sanitized suites of .ci/run: the `aap` that end-to-end tests start is built with the sanitizer the
// suite was configured with, or its runs would prove nothing about the program's threads and memory.
#include "test_paths.hpp"
#include <gtest/gtest.h>
#include <gmock/gmock.h>

#include "support/process.hpp"

namespace aap {
namespace {

using ::testing::HasSubstr;

// A sanitizer lists its flags when asked (help=1): only a program built with it can.
std::string flags_listed(const std::string& options) {
  const test::ProcessResult r = test::run_process({"/usr/bin/env", options, AAP_BINARY, "--version"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.err;
}

#ifdef AAP_SANITIZED_THREAD
TEST(Sanitizer, TheProgramUnderTestRunsUnderThreadSanitizer) {
  EXPECT_THAT(flags_listed("TSAN_OPTIONS=help=1"), HasSubstr("Available flags for ThreadSanitizer"));
}
#endif

#ifdef AAP_SANITIZED_ADDRESS
TEST(Sanitizer, TheProgramUnderTestRunsUnderAddressSanitizer) {
  EXPECT_THAT(flags_listed("ASAN_OPTIONS=help=1"), HasSubstr("Available flags for AddressSanitizer"));
}
#endif

#ifndef AAP_SANITIZED
TEST(Sanitizer, TheProgramOfTheNormalBuildHasNone) {
  EXPECT_THAT(flags_listed("TSAN_OPTIONS=help=1"), ::testing::Not(HasSubstr("Available flags")));
  EXPECT_THAT(flags_listed("ASAN_OPTIONS=help=1"), ::testing::Not(HasSubstr("Available flags")));
}
#endif

}  // namespace
}  // namespace aap
