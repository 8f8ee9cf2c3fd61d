// How the registration script reaches its target (docs/register.md, step 8): over SSH (opsreg's
// libssh runner, reading OpenSSH client config as ssh does), through the --override-ssh
// command, or locally with --local. Output streams to a callback as it comes.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/register/arguments.h"
#include "core/ssh/ssh_runner.h"
#include "core/util/result.h"

namespace opsreg::registration {

using OutputSink = std::function<void(std::string_view data)>;

class TargetRunner {
 public:
  virtual ~TargetRunner() = default;
  // Runs `script` with /bin/sh on the target; returns its exit status (an error when the
  // target could not be reached: ConnectionFailed, HostKeyVerificationFailed, ...).
  virtual Result<int> run(const std::string& script) = 0;
  // "ssh ubuntu@10.0.0.5:22" ("... (publickey login)" once connected), "local /bin/sh", ...
  // for progress lines.
  virtual std::string describe() const = 0;
};

// Extra notices (host key added, password source) go to `notice`; output to `output`.
// `password`, when set, answers SSH password prompts instead of the usual source
// (OPSREG_SSH_PASSWORD, else the terminal): scenarios give theirs, or none.
struct TargetIo {
  OutputSink output;
  std::function<void(const std::string&)> notice;
  ssh::SecretSource password;
};

// The runner `args` asks for, connecting to `address`: --local → /bin/sh -c here;
// --override-ssh → that command (split like shlex) with "/bin/sh -c '<script>'" appended;
// else SSH to `address` resolved through --ssh-config FILE or ~/.ssh/config, with
// --ssh-username as -l and --ssh-private-key as -i, on a pty like `ssh -tt`, passwords from
// io.password, else OPSREG_SSH_PASSWORD or a terminal prompt. Errors: a config file that cannot be
// read.
Result<std::unique_ptr<TargetRunner>> make_target_runner(const Arguments& args,
                                                         const std::string& address, TargetIo io);

// Runs argv as a local child process, its stdout and stderr to `output`; returns the exit
// status (128 + signal when killed). Errors: "CommandFailed" when it cannot start.
Result<int> run_local_command(const std::vector<std::string>& argv, const OutputSink& output);

}  // namespace opsreg::registration
