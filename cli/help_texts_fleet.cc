// The help text of register-fleet (`opsreg register-fleet --help`): its own flags; every other
// flag is register's (cli/help_texts.cc), passed through.
#include "cli/help.h"

namespace opsreg::cli {

namespace {

CommandHelp make_register_fleet_help() {
  CommandHelp h;
  h.name = "register-fleet";
  h.summary = "register many machines with an OpsWorks stack, a number at a time";
  h.synopsis = {
      "opsreg register-fleet --hosts NAME|PATTERN[,...] [--concurrency N]",
      "                      --stack-id ID --infrastructure-class ec2|on-premises",
      "                      [REGISTER-FLAGS: every flag of register but --local]",
  };
  h.description = {
      "Runs `opsreg register` against each host --hosts names, N at a time (as N operators, or "
      "one orchestrator, would): every host through the whole procedure — its own IAM user and "
      "its own SSH session — with the same flags. A pattern (\"node-*\", \"web-?\") is matched "
      "against the hosts the --ssh-config file names on its Host lines (`opsreg serve` writes "
      "one listing every world host, $OPSREG_SSH_CONFIG); a plain name or address is taken as "
      "it is.",
      "On a terminal a line shows the progress. Each failed host is printed on stderr with its "
      "failure; stdout gets a summary (with --output json: {\"targets\", \"registered\", "
      "\"failed\", \"errors\": {CODE: N}, \"instances\": {HOST: ID}, \"failures\": {HOST: "
      "MESSAGE}}).",
  };
  h.options = {
      {{"--hosts"},
       "LIST",
       "The hosts to register: names, addresses or patterns, comma-separated; may be given "
       "more than once. Required."},
      {{"--concurrency"}, "N", "Registrations in flight at once, 1 to 64 (default 4)."},
      help_option(),
  };
  h.environment = aws_environment();
  h.exit_statuses = {"0  every host registered", "1  one or more failed",
                     "2  usage error (register's checks too)"};
  h.docs = {"docs/register.md", "README.md"};
  return h;
}

}  // namespace

const CommandHelp& register_fleet_help() {
  static const CommandHelp help = make_register_fleet_help();
  return help;
}

}  // namespace opsreg::cli
