// The subcommands as a closed set: each typed word names one command and back; anything else is refused.
#include "cli/options.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace aap::cli {
namespace {

TEST(Options, EveryCommandIsNamedByTheWordTypedAndBack) {
  const std::vector<std::pair<Command, std::string>> all = {
      {Command::run, "run"},         {Command::check, "check"},       {Command::explain, "explain"},
      {Command::notice, "notice"},   {Command::letters, "letters"},   {Command::annexes, "annexes"},
      {Command::deliberation, "deliberation"}, {Command::simulate, "simulate"}, {Command::verify, "verify"},
      {Command::workbook, "workbook"}};
  for (const auto& [command, word] : all) {
    EXPECT_EQ(command_name(command), word);
    EXPECT_EQ(command_named(word), command) << word;
  }
}

TEST(Options, AWordThatIsNoCommandNamesNone) {
  EXPECT_EQ(command_named("Run"), std::nullopt);
  EXPECT_EQ(command_named("lettres"), std::nullopt);
  EXPECT_EQ(command_named(""), std::nullopt);
}

TEST(Options, TheCommandLineGivesTheCommand) {
  const char* argv[] = {"aap", "letters", "--quiet"};
  const Parsed parsed = parse_command_line(3, argv);
  ASSERT_TRUE(parsed.options.has_value());
  EXPECT_EQ(parsed.options->command, Command::letters);
  const char* unknown[] = {"aap", "lettres"};
  testing::internal::CaptureStderr();
  const Parsed refused = parse_command_line(2, unknown);
  EXPECT_NE(testing::internal::GetCapturedStderr().find("commande inconnue « lettres »"), std::string::npos);
  EXPECT_FALSE(refused.options.has_value());
  EXPECT_EQ(refused.exit_code, 2);
}

}  // namespace
}  // namespace aap::cli
