// The command line: subcommands, options, exit codes (SPEC §2).
#include "cli/app.hpp"

namespace aap::cli {

int run_app(int, char**) { return kUsage; }

}  // namespace aap::cli
