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
    "        interrupted; prints one JSON line with the endpoint, credentials, hosts and the\n"
    "        OpenSSH client config that reaches them\n"
    "  register [--mock[=WORLD.json]] --stack-id ID --infrastructure-class on-premises ... TARGET\n"
    "        register a machine with an OpsWorks stack, as `aws opsworks register` does\n"
    "        (`opsreg register --help` lists every flag)\n"
    "  scenario run PATH... [-j N] [--json] [--junit FILE]\n"
    "        run scenario files (scenarios/README.md), each in its own world; a table ending\n"
    "        in \"N passed, N failed\"\n"
    "  conform --target URL|aws [--region R] [--world FILE] [--json] [CASE...]\n"
    "        make the conformance cases' calls against the fakes and a target (real AWS or\n"
    "        an AWS-compatible endpoint) and print where the answers differ\n"
    "  expect [--endpoint URL] EXPECTATION... | --file F\n"
    "        check a running serve's world with scenario expectations (instance, iam_user,\n"
    "        file, requests); exit 1 naming what differed\n"
    "  agent boot-registration --preconfig FILE\n"
    "        the simulated OpsWorks agent that the installer runs on the host\n"
    "  --version, version\n"
    "        print opsreg's version (\"opsreg X.Y.Z\")\n";
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
  if (command == "scenario") return opsreg::cli::scenario_main(args);
  if (command == "conform") return opsreg::cli::conform_main(args);
  if (command == "--version" || command == "version") {
    std::printf("opsreg %s\n", OPSREG_VERSION);
    return opsreg::cli::kExitOk;
  }
  if (command == "expect") return opsreg::cli::expect_main(args);
  if (command == "help" || command == "--help" || command == "-h") {
    std::fputs(kUsage, stdout);
    return opsreg::cli::kExitOk;
  }
  std::fprintf(stderr, "opsreg: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return opsreg::cli::kExitUsage;
}
