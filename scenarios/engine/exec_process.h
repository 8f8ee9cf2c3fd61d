// A user's command as a real process for the exec step: found on PATH as a shell finds it,
// started in its own process group with stdin fed and stdout/stderr captured (bounded), ended
// at a real-time deadline, and never leaving a process of its group behind.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace opsreg::scenarios {

struct ProcessSpec {
  // argv[0]: a name looked up on the PATH of `env`, or a path (relative ones from `cwd`).
  std::vector<std::string> argv;
  std::vector<std::string> env;  // "NAME=value": the whole environment
  std::string cwd;               // must exist
  std::string stdin_data;        // written to its stdin, which is then closed
  std::chrono::milliseconds timeout{60000};
  // After a timeout's SIGTERM, how long the group has before SIGKILL.
  std::chrono::milliseconds grace{2000};
  size_t output_limit = 1 << 20;  // bytes kept of stdout and of stderr, each
};

struct ProcessResult {
  int exit = 0;    // the exit status; 128 + N when signal N ended it (as shells report it)
  int signal = 0;  // the signal that ended it, 0 when it exited
  bool timed_out = false;
  std::string out, err;
  bool out_truncated = false, err_truncated = false;

  // "exited 3", "killed by signal 9 (SIGKILL)", "timed out after 60s (killed by signal 15
  // (SIGTERM))".
  std::string describe(std::chrono::milliseconds timeout) const;
};

// Runs spec to its end: the process has exited (or the timeout's signals ended it) and every
// process left in its group has been killed (SIGKILL) and its output read. Errors: NotFound
// ("./x.sh: not found"), NotExecutable ("./x.sh: not executable"), NoSuchDirectory (cwd),
// SpawnFailed.
Result<ProcessResult> run_process(const ProcessSpec& spec);

// The folders of a PATH value, in order; an empty entry is the current folder, as in a shell.
std::vector<std::string> path_folders(const std::string& path);

// The text of a signal: "9 (SIGKILL)".
std::string signal_text(int sig);

}  // namespace opsreg::scenarios
