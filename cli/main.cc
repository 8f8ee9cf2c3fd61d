// The opsreg executable: picks a subcommand and hands it the remaining arguments.
#include <cstdio>
#include <string>

#include "cli/command.h"

namespace {
constexpr char kUsage[] =
    "usage: opsreg <command> [options]\n"
    "\n"
    "commands:\n"
    "  serve [--world FILE] [--port N] [--virtual-clock]\n"
    "        run the fake AWS services (IAM, STS, S3, OpsWorks) on one local port until\n"
    "        interrupted; prints one JSON line with the endpoint and credentials when ready\n";
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return opsreg::cli::kExitUsage;
  }
  std::string command = argv[1];
  opsreg::cli::Args args(argv + 2, argv + argc);
  if (command == "serve") return opsreg::cli::serve_main(args);
  if (command == "register") return opsreg::cli::register_main(args);
  if (command == "agent") return opsreg::cli::agent_main(args);
  if (command == "help" || command == "--help" || command == "-h") {
    std::fputs(kUsage, stdout);
    return opsreg::cli::kExitOk;
  }
  std::fprintf(stderr, "opsreg: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return opsreg::cli::kExitUsage;
}
