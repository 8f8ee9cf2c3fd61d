// A command of the fake host as a real process: /bin/sh started with pipes or on a fresh
// pty (openpty), in its own session, with a pidfd so an event loop can wait for its exit.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "core/util/result.h"

namespace opsreg::mocks::ssh {

struct SpawnSpec {
  std::vector<std::string> argv;  // argv[0] is the program path unless program is set
  std::string program;            // path to exec; empty: argv[0]
  std::vector<std::string> env;   // "NAME=value", the whole environment
  std::string cwd;
  bool pty = false;  // one pty for stdin/stdout/stderr, made the controlling terminal
  unsigned short cols = 80, rows = 24;
};

// A started child. Every fd is non-blocking except stdin_fd, and close-on-exec.
// With a pty, stdin_fd == output_fd == the pty master and error_fd is -1.
class ChildProcess {
 public:
  // Forks and execs spec (only async-signal-safe calls between fork and exec). The child
  // leads its own session and process group; signals are reset to defaults.
  // Errors: "SpawnFailed".
  static Result<ChildProcess> spawn(const SpawnSpec& spec);

  ChildProcess() = default;
  ChildProcess(ChildProcess&& other) noexcept;
  ChildProcess& operator=(ChildProcess&& other) noexcept;
  ~ChildProcess();  // closes the fds; kills the process group if still running

  pid_t pid() const { return pid_; }
  int pidfd() const { return pidfd_; }  // readable once the child exits
  int stdin_fd() const { return stdin_fd_; }
  int output_fd() const { return output_fd_; }
  int error_fd() const { return error_fd_; }
  bool is_pty() const { return pty_; }
  bool exited() const { return exited_; }
  int wait_status() const { return wait_status_; }  // as waitpid; valid once exited()

  // Closes the child's stdin (pipe mode; with a pty this does nothing: the master stays).
  void close_stdin();
  // Closes and forgets an output fd (after EOF); fd is output_fd() or error_fd().
  void close_output(int fd);
  // Writes all of data to the child's stdin; false if the child is gone.
  bool write_stdin(const char* data, size_t len);
  void resize(unsigned short cols, unsigned short rows);
  void signal(int sig);        // to the child
  void signal_group(int sig);  // to its whole process group
  // Reaps the child if it has exited (non-blocking). Returns exited().
  bool try_reap();
  // Kills the process group (SIGKILL) if running and waits for the child.
  void kill_and_reap();

 private:
  void close_all();
  pid_t pid_ = -1;
  int pidfd_ = -1;
  int stdin_fd_ = -1;
  int output_fd_ = -1;
  int error_fd_ = -1;
  bool pty_ = false;
  bool exited_ = false;
  int wait_status_ = 0;
};

}  // namespace opsreg::mocks::ssh
