// Where SSH passwords come from: OPSREG_SSH_PASSWORD, else a prompt on the controlling
// terminal (/dev/tty) with echo off, as ssh's read_passphrase does.
#pragma once

#include <optional>
#include <string>

#include "core/ssh/ssh_runner.h"

namespace opsreg::ssh {

// Writes `prompt` to /dev/tty, reads one line with echo disabled (restored afterwards, also
// on error), prints a newline. nullopt when there is no controlling terminal.
std::optional<std::string> prompt_password_on_tty(const std::string& prompt);

// The usual source: the value of OPSREG_SSH_PASSWORD when set (every prompt gets it),
// otherwise prompt_password_on_tty unless `batch_mode` (then nullopt).
SecretSource default_password_source(bool batch_mode = false);

}  // namespace opsreg::ssh
