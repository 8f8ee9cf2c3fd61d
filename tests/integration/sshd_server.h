// A real OpenSSH sshd for tests: own config, host key and authorized_keys in a temp dir,
// on 127.0.0.1 at a free port, `sshd -D -e`; ready when it logs "Server listening".
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "tests/support/loopback_port.h"
#include "tests/support/ssh_runner_fixtures.h"

extern char** environ;

namespace opsreg::runner_testing {

struct SshdOptions {
  std::string host_key = "runner_host_a_ed25519";  // fixtures/ssh/<name>
  std::vector<std::string> authorized = {"runner_client_ed25519", "runner_client_rsa_pem",
                                         "runner_client_rsa_openssh", "runner_client_ecdsa"};
  bool password_authentication = false;
  int port = 0;  // 0: pick a free one
};

using testing::free_loopback_port;

class Sshd {
 public:
  explicit Sshd(const TempDir& dir) : dir_(dir) {}
  ~Sshd() { stop(); }
  Sshd(const Sshd&) = delete;
  Sshd& operator=(const Sshd&) = delete;

  // Starts sshd; false with log() explaining why. sshd needs its privilege separation
  // directory /run/sshd, which Debian's service normally creates; we create it likewise.
  bool start(const SshdOptions& o) {
    mkdir("/run/sshd", 0755);
    std::string keys;
    for (const std::string& k : o.authorized) keys += fixture_public_line(k) + "\n";
    write_text(dir_ / "authorized_keys", keys);
    std::string host_key = private_key_copy(dir_, o.host_key);
    for (int attempt = 0; attempt < 5; ++attempt) {
      port_ = o.port != 0 ? o.port : free_loopback_port();
      write_text(dir_ / "sshd_config",
                 "ListenAddress 127.0.0.1:" + std::to_string(port_) + "\nHostKey " + host_key +
                     "\nAuthorizedKeysFile " + (dir_ / "authorized_keys") +
                     "\nPidFile none\nUsePAM no\nStrictModes no\nPermitRootLogin yes\n"
                     "PasswordAuthentication " +
                     (o.password_authentication ? "yes" : "no") +
                     "\nKbdInteractiveAuthentication no\nLogLevel INFO\n");
      if (spawn_and_wait()) return true;
      if (o.port != 0 || log_.find("Address already in use") == std::string::npos) return false;
    }
    return false;
  }

  void stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
      pid_ = -1;
    }
    if (err_fd_ >= 0) {
      close(err_fd_);
      err_fd_ = -1;
    }
  }

  int port() const { return port_; }
  const std::string& log() const { return log_; }

 private:
  // Runs sshd with stderr on a pipe and reads it until the listening line (ready), or EOF
  // (sshd exited: bad config, port taken), or 10 s. poll() waits on the pipe; no sleeping.
  bool spawn_and_wait() {
    stop();
    log_.clear();
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) return false;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[1], 2);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    std::string cfg = dir_ / "sshd_config";
    std::string prog = "/usr/sbin/sshd", d = "-D", e = "-e", f = "-f";
    std::vector<char*> argv = {prog.data(), d.data(), e.data(), f.data(), cfg.data(), nullptr};
    int rc = posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(p[1]);
    err_fd_ = p[0];
    if (rc != 0) {
      pid_ = -1;
      log_ = "posix_spawn failed";
      return false;
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (log_.find("Server listening on") == std::string::npos) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      pollfd pfd{err_fd_, POLLIN, 0};
      if (left.count() <= 0 || poll(&pfd, 1, static_cast<int>(left.count())) <= 0) break;
      char buf[1024];
      ssize_t n = read(err_fd_, buf, sizeof(buf));
      if (n <= 0) break;
      log_.append(buf, static_cast<size_t>(n));
    }
    // Later log lines stay in the pipe: a test's few connections write far less than its
    // capacity.
    if (log_.find("Server listening on") != std::string::npos) return true;
    stop();
    return false;
  }

  const TempDir& dir_;
  pid_t pid_ = -1;
  int err_fd_ = -1;
  int port_ = 0;
  std::string log_;
};

}  // namespace opsreg::runner_testing
