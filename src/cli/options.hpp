// The parsed command line.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"
#include "model/money.hpp"

namespace aap::cli {

/// The subcommands; notice, letters, annexes and deliberation each write one family of documents.
enum class Command { run, check, explain, notice, letters, annexes, deliberation, simulate, verify, workbook };

/// "run", "letters"…: the word typed on the command line and recorded in manifest.json.
std::string_view command_name(Command command);

/// The command typed as `word`; nullopt when there is none.
std::optional<Command> command_named(std::string_view word);

struct Options {
  Command command = Command::run;
  std::string explain_id;  // for `explain`
  std::filesystem::path campaign;
  std::vector<std::filesystem::path> dossiers;
  std::optional<std::filesystem::path> sessions;  // --sessions: the sessions.csv of a .csv --dossiers
  std::filesystem::path out;
  std::filesystem::path templates;
  std::filesystem::path communes;
  std::optional<Date> date;
  unsigned jobs = 1;
  bool quiet = false;
  bool skip_invalid = false;
  std::vector<Money> envelopes;  // simulate: --envelope, then --envelope-range, in that order
  std::optional<std::filesystem::path> simulation_file;  // simulate: --out FILE.csv or FILE.xlsx
  std::optional<std::filesystem::path> workbook_file;    // workbook: --out FILE.xlsx
};

/// What parsing the command line decided: go on with options, or stop with an exit code after
/// printing help, the version or a usage error.
struct Parsed {
  std::optional<Options> options;
  int exit_code = 0;
};

Parsed parse_command_line(int argc, const char* const* argv);

}  // namespace aap::cli
