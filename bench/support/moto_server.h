// Benchmark support: starts `moto_server` (the independent AWS fake) on a free loopback port
// and stops it, so a benchmark can measure opsreg against it in the same run.
#pragma once

#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "tests/support/loopback_port.h"

namespace opsreg::bench {

class MotoServer {
 public:
  MotoServer() {
    port_ = testing::free_loopback_port();
    pid_ = fork();
    if (pid_ == 0) {
      std::string port = std::to_string(port_);
      freopen("/dev/null", "w", stdout);
      freopen("/dev/null", "w", stderr);
      execlp("moto_server", "moto_server", "-H", "127.0.0.1", "-p", port.c_str(), nullptr);
      _exit(127);
    }
    // Poll until it answers (a server start-up, not a timing: the only wait in the benchmark).
    httplib::Client probe("127.0.0.1", port_);
    for (int i = 0; i < 600 && !probe.Get("/moto-api/"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ~MotoServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool ok() const {
    httplib::Client probe("127.0.0.1", port_);
    return static_cast<bool>(probe.Get("/moto-api/"));
  }
  int port() const { return port_; }

 private:
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace opsreg::bench
