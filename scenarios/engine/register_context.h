// The context a scenario's registrations run in (the register and register_fleet steps): the
// CLI's environment pointed at the world's edge as one identity, nothing from the machine, the
// world's clock, and the operator's answer at ssh's password prompt.
#pragma once

#include <optional>
#include <string>

#include "core/register/command.h"
#include "scenarios/engine/scenario_world.h"

namespace opsreg::scenarios {

// The script's output, the SSH client's notices and the progress lines are appended to
// `output`, which must outlive the registration. Without `ssh_password` the prompt has no
// answer (a scenario never reads OPSREG_SSH_PASSWORD or prompts on the terminal).
registration::CommandContext register_context(ScenarioWorld& w, const aws::Credentials& creds,
                                              std::optional<std::string> ssh_password,
                                              std::string* output);

}  // namespace opsreg::scenarios
