// What `opsreg register` and `opsreg register-fleet` run against: the process's AWS environment
// (real AWS or any endpoint), or with --mock[=WORLD.json] embedded fakes — the world on the
// system clock, its hosts served, their OpenSSH client config used unless --ssh-config names one.
#pragma once

#include <memory>
#include <string>

#include "core/config/env.h"
#include "core/register/arguments.h"
#include "mocks/harness/harness.h"

namespace opsreg::cli {

struct RegisterEnvironment {
  std::unique_ptr<mocks::Harness> mock;  // with --mock
  config::Env env;                       // what the command's AWS clients read
  const Clock* clock = nullptr;          // the mock world's clock; null: the system clock
};

// Starts the fakes when `args` asks for them (announcing them on stderr, and setting
// args.ssh_config to their config when none is given). Errors: the mock world's.
Result<RegisterEnvironment> register_environment(registration::Arguments& args);

}  // namespace opsreg::cli
