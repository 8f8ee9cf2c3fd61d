// Running the exec step's process: PATH lookup, the poll loop over its pipes and exit, the
// timeout's SIGTERM then SIGKILL, and the group's leftovers killed before the exit is reaped.
#include "scenarios/engine/exec_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "core/util/split.h"
#include "mocks/ssh/child_process.h"
#include "mocks/ssh/process_sweep.h"

namespace opsreg::scenarios {

namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

namespace {

aws::Error fail(const std::string& code, const std::string& what) {
  return aws::make_error(code, what, 0);
}

bool is_file(const fs::path& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The program to exec, as a shell finds it: a name with a '/' is a path (from cwd), else the
// first executable file of that name on PATH. A file found but not executable: NotExecutable.
Result<std::string> find_program(const ProcessSpec& spec) {
  const std::string& name = spec.argv.at(0);
  if (name.empty()) return fail("NotFound", "'': not found");
  std::vector<fs::path> candidates;
  if (name.find('/') != std::string::npos) {
    fs::path p(name);
    candidates.push_back(p.is_absolute() ? p : fs::path(spec.cwd) / p);
  } else {
    std::string path;
    for (const auto& v : spec.env)
      if (v.starts_with("PATH=")) path = v.substr(5);
    for (const std::string& dir : path_folders(path)) candidates.push_back(fs::path(dir) / name);
  }
  bool seen = false;
  for (const auto& c : candidates) {
    std::error_code ec;
    if (!fs::exists(c, ec)) continue;
    seen = true;
    if (is_file(c) && ::access(c.c_str(), X_OK) == 0) return c.string();
  }
  if (seen) return fail("NotExecutable", name + ": not executable");
  return fail("NotFound", name + ": not found");
}

// SIGPIPE blocked on this thread while it writes a child's stdin (a child that stops reading
// gives EPIPE, not the end of this process); one left pending is taken before the old mask
// comes back.
class PipeSignalBlocked {
 public:
  PipeSignalBlocked() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~PipeSignalBlocked() {
    timespec zero{};
    while (sigtimedwait(&pipe_, nullptr, &zero) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t pipe_, old_;
};

// Reads what is there; false at EOF or error (the fd is then done).
bool drain(int fd, std::string* into, bool* truncated, size_t limit) {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      size_t room = into->size() < limit ? limit - into->size() : 0;
      into->append(buf, std::min(room, static_cast<size_t>(n)));
      if (static_cast<size_t>(n) > room) *truncated = true;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

int millis_until(Steady::time_point t) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(t - Steady::now()).count();
  return left < 0 ? 0 : static_cast<int>(std::min<long long>(left, 60'000)) + 1;
}

}  // namespace

std::string signal_text(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  return std::to_string(sig) + (abbrev ? std::string(" (SIG") + abbrev + ")" : "");
}

std::string ProcessResult::describe(std::chrono::milliseconds timeout) const {
  std::string ended =
      signal ? "killed by signal " + signal_text(signal) : "exited " + std::to_string(exit);
  if (!timed_out) return ended;
  auto ms = timeout.count();
  std::string after = ms % 1000 ? std::to_string(ms) + "ms" : std::to_string(ms / 1000) + "s";
  return "timed out after " + after + " (" + ended + ")";
}

std::vector<std::string> path_folders(const std::string& path) {
  std::vector<std::string> folders;
  for (std::string_view dir : split(path, ':')) folders.emplace_back(dir.empty() ? "." : dir);
  return folders;
}

Result<ProcessResult> run_process(const ProcessSpec& spec) {
  if (spec.argv.empty()) return fail("NotFound", "no command");
  std::error_code ec;
  if (!fs::is_directory(spec.cwd, ec))
    return fail("NoSuchDirectory", "cwd " + spec.cwd + ": no such directory");
  auto program = find_program(spec);
  if (!program.ok()) return program.error();

  // Every process it starts inherits this mark, even one that leaves the process group (a
  // daemon such as ssh's ControlPersist master), and is killed by it when the step ends.
  static std::atomic<uint64_t> runs{0};
  const std::string mark =
      "OPSREG_EXEC_ID=" + std::to_string(::getpid()) + "-" + std::to_string(++runs);
  mocks::ssh::SpawnSpec s;
  s.argv = spec.argv;
  s.program = *program;
  s.env = spec.env;
  s.env.push_back(mark);
  s.cwd = spec.cwd;
  PipeSignalBlocked no_sigpipe;
  auto spawned = mocks::ssh::ChildProcess::spawn(s);
  if (!spawned.ok()) return spawned.error();
  mocks::ssh::ChildProcess child = std::move(*spawned);

  ProcessResult r;
  int in = child.stdin_fd();
  size_t written = 0;
  if (spec.stdin_data.empty()) {
    child.close_stdin();
    in = -1;
  } else {
    fcntl(in, F_SETFL, fcntl(in, F_GETFL) | O_NONBLOCK);
  }
  int out = child.output_fd(), err = child.error_fd();
  bool exited = false;
  Steady::time_point deadline = Steady::now() + spec.timeout;
  Steady::time_point kill_at{};     // after the timeout's SIGTERM: SIGKILL then
  Steady::time_point drained_by{};  // after the exit: stop waiting for the pipes' EOF then

  while (!exited || out >= 0 || err >= 0) {
    std::vector<pollfd> fds;
    if (in >= 0) fds.push_back({in, POLLOUT, 0});
    if (out >= 0) fds.push_back({out, POLLIN, 0});
    if (err >= 0) fds.push_back({err, POLLIN, 0});
    if (!exited) fds.push_back({child.pidfd(), POLLIN, 0});
    Steady::time_point next = exited                            ? drained_by
                              : kill_at != Steady::time_point{} ? kill_at
                                                                : deadline;
    int ready = ::poll(fds.data(), fds.size(), millis_until(next));
    if (ready < 0 && errno != EINTR) break;
    for (const pollfd& p : fds) {
      if (!p.revents) continue;
      if (p.fd == in) {
        ssize_t n = ::write(in, spec.stdin_data.data() + written, spec.stdin_data.size() - written);
        if (n > 0) written += static_cast<size_t>(n);
        if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == spec.stdin_data.size()) {
          child.close_stdin();
          in = -1;
        }
      } else if (p.fd == out || p.fd == err) {
        bool is_out = p.fd == out;
        if (!drain(p.fd, is_out ? &r.out : &r.err, is_out ? &r.out_truncated : &r.err_truncated,
                   spec.output_limit)) {
          child.close_output(p.fd);
          (is_out ? out : err) = -1;
        }
      } else if (!exited) {
        // Exited but not reaped: its process group's id is still held, so what it left
        // running in the group is killed before the exit status is taken.
        child.signal_group(SIGKILL);
        mocks::ssh::kill_marked_processes(mark);
        child.try_reap();
        exited = true;
        drained_by = Steady::now() + spec.grace;
        if (in >= 0) child.close_stdin(), in = -1;
      }
    }
    Steady::time_point now = Steady::now();
    if (exited) {
      if (now >= drained_by) break;  // a pipe held open by a process outside its group
    } else if (kill_at != Steady::time_point{} && now >= kill_at) {
      child.signal_group(SIGKILL);
      kill_at = Steady::time_point::max();  // the pidfd tells when it is gone
    } else if (kill_at == Steady::time_point{} && now >= deadline) {
      r.timed_out = true;
      child.signal_group(SIGTERM);
      kill_at = now + spec.grace;
    }
  }
  if (!exited) child.kill_and_reap();
  mocks::ssh::kill_marked_processes(mark);
  int status = child.wait_status();
  if (WIFSIGNALED(status)) {
    r.signal = WTERMSIG(status);
    r.exit = 128 + r.signal;
  } else {
    r.exit = WEXITSTATUS(status);
  }
  return r;
}

}  // namespace opsreg::scenarios
