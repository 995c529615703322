// The command line: subcommands, options, exit codes.
#pragma once

namespace aap::cli {

enum ExitCode : int { kOk = 0, kInvalidInput = 1, kUsage = 2, kWriteFailure = 3 };

int run_app(int argc, char** argv);

}  // namespace aap::cli
