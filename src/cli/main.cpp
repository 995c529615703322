// aap: the command line entry point.
#include "cli/app.hpp"

int main(int argc, char** argv) { return aap::cli::run_app(argc, argv); }
