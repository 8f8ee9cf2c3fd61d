// Starting /bin/sh for the fake host: vfork + exec with pipes or a pty, pidfd for the exit.
// Between vfork and exec the child only makes async-signal-safe calls on memory it shares with
// the parent (no allocation, no locks, nothing the parent reads), as posix_spawn's child does:
// a fork would copy the page tables of a server with thousands of hosts for every session.
#include "mocks/ssh/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern "C" {  // glibc 2.36's <sys/pidfd.h> lacks the C++ linkage guard
#include <sys/pidfd.h>
}

#include <cerrno>
#include <cstring>
#include <utility>

namespace opsreg::mocks::ssh {
namespace {

aws::Error spawn_error(const char* what) {
  return aws::make_error("SpawnFailed", std::string(what) + ": " + std::strerror(errno), 500);
}

void set_flags(int fd, bool nonblocking) {
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  if (nonblocking) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

// In the child, after vfork, every signal still blocked: default handlers first (a handler of
// the parent's must never run on the memory the child shares), then no signal blocked.
struct ExecSpec {
  const char* program;
  char* const* argv;
  char* const* envp;
  const char* cwd;
  int in, out, err;
  bool pty;
};

[[noreturn]] void exec_child(const ExecSpec& e) {
  for (int sig = 1; sig < NSIG; ++sig) {
    if (sig != SIGKILL && sig != SIGSTOP) signal(sig, SIG_DFL);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  setsid();
  if (e.pty) ioctl(e.in, TIOCSCTTY, 0);
  dup2(e.in, 0);
  dup2(e.out, 1);
  dup2(e.err, 2);
  close_range(3, ~0U, 0);
  if (chdir(e.cwd) != 0) {
    static const char kMsg[] = "Could not chdir to home directory\n";
    (void)!write(2, kMsg, sizeof kMsg - 1);
  }
  execve(e.program, e.argv, e.envp);
  static const char kMsg[] = "exec of /bin/sh failed\n";
  (void)!write(2, kMsg, sizeof kMsg - 1);
  _exit(127);
}

// The child's pid, or -1 with errno. Its own function, with nothing but `e` live across vfork's
// two returns, so that no variable of the caller can be clobbered.
__attribute__((noinline)) pid_t vfork_exec(const ExecSpec* e) {
  pid_t pid = vfork();
  if (pid == 0) exec_child(*e);
  return pid;
}

}  // namespace

Result<ChildProcess> ChildProcess::spawn(const SpawnSpec& spec) {
  ChildProcess child;
  child.pty_ = spec.pty;
  // Child ends: in, out, err. Parent ends go into child's members.
  int in = -1, out = -1, err = -1;
  if (spec.pty) {
    int master = -1, slave = -1;
    winsize ws{};
    ws.ws_col = spec.cols;
    ws.ws_row = spec.rows;
    if (openpty(&master, &slave, nullptr, nullptr, &ws) != 0) return spawn_error("openpty");
    set_flags(master, true);
    fcntl(slave, F_SETFD, FD_CLOEXEC);
    child.stdin_fd_ = child.output_fd_ = master;
    in = out = err = slave;
  } else {
    int p_in[2], p_out[2], p_err[2];
    if (pipe2(p_in, O_CLOEXEC) != 0) return spawn_error("pipe");
    if (pipe2(p_out, O_CLOEXEC) != 0) {
      close(p_in[0]), close(p_in[1]);
      return spawn_error("pipe");
    }
    if (pipe2(p_err, O_CLOEXEC) != 0) {
      close(p_in[0]), close(p_in[1]), close(p_out[0]), close(p_out[1]);
      return spawn_error("pipe");
    }
    in = p_in[0], out = p_out[1], err = p_err[1];
    child.stdin_fd_ = p_in[1];
    child.output_fd_ = p_out[0];
    child.error_fd_ = p_err[0];
    set_flags(child.output_fd_, true);
    set_flags(child.error_fd_, true);
  }

  const std::string& program = spec.program.empty() ? spec.argv.at(0) : spec.program;
  std::vector<char*> argv = c_strings(spec.argv);
  std::vector<char*> envp = c_strings(spec.env);
  sigset_t all, before;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &before);
  const ExecSpec exec{program.c_str(), argv.data(), envp.data(), spec.cwd.c_str(), in, out, err,
                      spec.pty};
  pid_t pid = vfork_exec(&exec);
  int saved_errno = errno;
  pthread_sigmask(SIG_SETMASK, &before, nullptr);
  close(in);
  if (out != in) close(out);
  if (err != out) close(err);
  if (pid < 0) {
    errno = saved_errno;
    return spawn_error("vfork");
  }
  child.pid_ = pid;
  child.pidfd_ = pidfd_open(pid, 0);
  if (child.pidfd_ < 0) {
    aws::Error error = spawn_error("pidfd_open");
    child.kill_and_reap();
    return error;
  }
  fcntl(child.pidfd_, F_SETFD, FD_CLOEXEC);
  return child;
}

ChildProcess::ChildProcess(ChildProcess&& other) noexcept { *this = std::move(other); }

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
  if (this != &other) {
    close_all();
    if (pid_ > 0 && !exited_) kill_and_reap();
    pid_ = std::exchange(other.pid_, -1);
    pidfd_ = std::exchange(other.pidfd_, -1);
    stdin_fd_ = std::exchange(other.stdin_fd_, -1);
    output_fd_ = std::exchange(other.output_fd_, -1);
    error_fd_ = std::exchange(other.error_fd_, -1);
    pty_ = other.pty_;
    exited_ = other.exited_;
    wait_status_ = other.wait_status_;
  }
  return *this;
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0 && !exited_) kill_and_reap();
  close_all();
}

void ChildProcess::close_all() {
  if (stdin_fd_ == output_fd_) stdin_fd_ = -1;  // the pty master, closed once below
  close_fd(stdin_fd_);
  close_fd(output_fd_);
  close_fd(error_fd_);
  close_fd(pidfd_);
}

void ChildProcess::close_stdin() {
  if (!pty_) close_fd(stdin_fd_);
}

void ChildProcess::close_output(int fd) {
  if (fd < 0) return;
  if (fd == output_fd_) {
    if (stdin_fd_ == output_fd_) stdin_fd_ = -1;
    close_fd(output_fd_);
  } else if (fd == error_fd_) {
    close_fd(error_fd_);
  }
}

bool ChildProcess::write_stdin(const char* data, size_t len) {
  while (len > 0 && stdin_fd_ >= 0) {
    ssize_t n = write(stdin_fd_, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {  // the pty master is non-blocking: wait until writable
        pollfd p{stdin_fd_, POLLOUT, 0};
        poll(&p, 1, -1);
        continue;
      }
      return false;
    }
    data += n;
    len -= static_cast<size_t>(n);
  }
  return len == 0;
}

void ChildProcess::resize(unsigned short cols, unsigned short rows) {
  if (!pty_ || output_fd_ < 0) return;
  winsize ws{};
  ws.ws_col = cols;
  ws.ws_row = rows;
  ioctl(output_fd_, TIOCSWINSZ, &ws);
}

void ChildProcess::signal(int sig) {
  if (pidfd_ >= 0 && !exited_) pidfd_send_signal(pidfd_, sig, nullptr, 0);
}

void ChildProcess::signal_group(int sig) {
  if (pid_ > 0 && !exited_) kill(-pid_, sig);
}

bool ChildProcess::try_reap() {
  if (exited_ || pid_ <= 0) return exited_;
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid_, &status, WNOHANG);
  } while (r < 0 && errno == EINTR);
  if (r == pid_ || (r < 0 && errno == ECHILD)) {
    exited_ = true;
    wait_status_ = r == pid_ ? status : 0;
  }
  return exited_;
}

void ChildProcess::kill_and_reap() {
  if (pid_ <= 0 || exited_) return;
  kill(-pid_, SIGKILL);
  kill(pid_, SIGKILL);
  int status = 0;
  pid_t r;
  do {
    r = waitpid(pid_, &status, 0);
  } while (r < 0 && errno == EINTR);
  exited_ = true;
  wait_status_ = status;
}

}  // namespace opsreg::mocks::ssh
