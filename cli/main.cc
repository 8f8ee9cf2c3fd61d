// The opsreg executable: picks a subcommand and hands it the remaining arguments. `opsreg help`
// lists the commands, one line each; `opsreg help CMD` is `opsreg CMD --help`.
#include <algorithm>
#include <cstdio>
#include <string>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"

namespace opsreg::cli {
namespace {

struct Command {
  std::string name;
  std::string summary;  // its help's (cli/help.h)
  int (*run)(const Args&);
};

const std::vector<Command>& commands() {
  static const std::vector<Command> kCommands = {
      {"serve", serve_help().summary, serve_main},
      {"register", register_help().summary, register_main},
      {"register-fleet", register_fleet_help().summary, register_fleet_main},
      {"scenario", scenario_help().summary, scenario_main},
      {"conform", conform_help().summary, conform_main},
      {"expect", expect_help().summary, expect_main},
      {"agent", agent_help().summary, agent_main},
  };
  return kCommands;
}

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const Command& c : commands()) names.push_back(c.name);
  return names;
}

std::string general_usage() {
  std::string out =
      "usage: opsreg <command> [options]\n"
      "       opsreg help <command>    (the same as opsreg <command> --help)\n"
      "\n"
      "opsreg is an offline harness for AWS OpsWorks Stacks instance registration: fakes of the\n"
      "AWS services it touches, simulated hosts, the register procedure and scenarios.\n"
      "\n"
      "commands:\n";
  // "  NAME      summary", the summary wrapped under itself.
  std::size_t column = 12;
  for (const Command& c : commands()) column = std::max(column, c.name.size() + 4);
  for (const Command& c : commands())
    out += ("  " + c.name + std::string(column - 2 - c.name.size(), ' ')) +
           wrap(c.summary, column).substr(column);
  out +=
      "  --version   print opsreg's version (\"opsreg X.Y.Z\"); also `opsreg version`\n"
      "\nExit status: 0 success, 1 the operation failed, 2 usage error (every command).\n"
      "Docs: README.md and docs/ in the source tree; installed, PREFIX/share/opsreg/docs.\n";
  return out;
}

const Command* find_command(const std::string& name) {
  for (const Command& c : commands())
    if (c.name == name) return &c;
  return nullptr;
}

int unknown_command(const std::string& name) {
  std::fprintf(stderr, "opsreg: %s\nRun 'opsreg help' for the list of commands.\n",
               unknown_word("command", name, command_names()).c_str());
  return kExitUsage;
}

}  // namespace
}  // namespace opsreg::cli

int main(int argc, char** argv) {
  using namespace opsreg::cli;
  if (argc < 2) {
    std::fputs(general_usage().c_str(), stderr);
    return kExitUsage;
  }
  std::string name = argv[1];
  Args args(argv + 2, argv + argc);
  if (name == "--version" || name == "version") {
    std::printf("opsreg %s\n", OPSREG_VERSION);
    return kExitOk;
  }
  if (name == "help" || name == "--help" || name == "-h") {
    if (args.empty() || args[0] == "help") {  // `opsreg help help`: the list too
      std::fputs(general_usage().c_str(), stdout);
      return kExitOk;
    }
    const Command* command = find_command(args[0]);
    return command ? command->run({"--help"}) : unknown_command(args[0]);
  }
  const Command* command = find_command(name);
  return command ? command->run(args) : unknown_command(name);
}
