// The environment of an exec step's process: a minimal base of the machine's (PATH, LANG), the
// world's tool environment for the acting identity (mocks/harness: edge, keys, region, OpsWorks
// model, OpenSSH config), AWS config files of its own, ssh/scp/sftp that use the world's
// OpenSSH config, and the step's own variables.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/aws/sigv4.h"
#include "core/util/result.h"
#include "scenarios/engine/scenario_world.h"

namespace opsreg::scenarios {

// "NAME=value" lines, sorted by name. `overrides`: the step's "env" object (strings set or
// replace a variable, null removes it). Errors: ExecSetupFailed (files that cannot be written).
Result<std::vector<std::string>> exec_environment(ScenarioWorld& w,
                                                  const aws::Credentials& credentials,
                                                  const nlohmann::json& overrides);

// The OpenSSH client on the machine's PATH (not the exec step's wrapper): "/usr/bin/ssh".
std::string real_ssh();

}  // namespace opsreg::scenarios
