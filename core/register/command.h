// `register` as a command, from parsed arguments to the report: the AWS environment loaded as the
// AWS CLI loads it (its global flags over the standard variables), the clients made, the target
// reached over SSH, the procedure run. `opsreg register` (the process's environment or --mock's)
// and the scenario step (a scenario world's) both run it; only what they print differs.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/clients/aws_client.h"
#include "core/clock/clock.h"
#include "core/config/env.h"
#include "core/config/instance_metadata.h"
#include "core/register/arguments.h"
#include "core/register/procedure.h"
#include "core/register/target.h"

namespace opsreg::registration {

struct CommandContext {
  config::Env env;                  // the environment variables the command sees
  clients::ClientDeps client_deps;  // the AWS clients' clock, backoff and --debug log
  const Clock* clock = nullptr;     // the 15-minute policy's "now"; null: the system clock
  std::function<void(const std::string& line)> progress;  // one line per step; may be empty
  std::function<void(const std::string& line)> debug;     // --debug lines; may be empty
  TargetIo io;  // the script's output, the SSH client's notices and password prompts
  // Where the script runs; empty: make_target_runner(args, address, io).
  std::function<Result<std::unique_ptr<TargetRunner>>(const std::string& address)> target;
  // --local on a machine other than this one (a scenario's host): its instance identity
  // document and hostname. Empty: this machine's.
  std::function<Result<config::IdentityDocument>()> identity_document;
  std::function<std::string()> local_hostname;
};

// Runs `args`, which must have passed validate(). Errors: the environment's (NoCredentials,
// NoRegion, a bad profile or endpoint URL), before any AWS call; every later failure is in
// the Report.
Result<Report> run_register_command(const Arguments& args, const CommandContext& context);

}  // namespace opsreg::registration
