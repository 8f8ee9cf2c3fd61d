// How long a fleet of fake SSH hosts takes to stop (what `opsreg serve` waits for after SIGINT),
// on a quiet machine and on one running 1000 more processes, whose environments a stop reads
// to find the hosts' leftovers. Args: hosts, extra processes. Manual time: the stop only.
#include <benchmark/benchmark.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <string>
#include <vector>

#include "mocks/ssh/host_fleet.h"

extern char** environ;

namespace opsreg::bench {
namespace {

std::vector<mocks::WorldHost> plain_hosts(int n) {
  std::vector<mocks::WorldHost> out;
  for (int i = 0; i < n; ++i) {
    mocks::WorldHost h;
    h.name = "bench-" + std::to_string(i);
    h.private_ip = "10.8." + std::to_string(i / 250) + "." + std::to_string(1 + i % 250);
    h.users.push_back({"ubuntu", {}, {}, std::string("pw")});
    out.push_back(std::move(h));
  }
  return out;
}

// `n` idle processes (sleep), killed and reaped on destruction.
class IdleProcesses {
 public:
  explicit IdleProcesses(int n) {
    char sleep_path[] = "/bin/sleep";
    char seconds[] = "600";
    char* argv[] = {sleep_path, seconds, nullptr};
    for (int i = 0; i < n; ++i) {
      pid_t pid = -1;
      if (posix_spawn(&pid, sleep_path, nullptr, nullptr, argv, environ) == 0) pids_.push_back(pid);
    }
  }
  ~IdleProcesses() {
    for (pid_t pid : pids_) kill(pid, SIGKILL);
    for (pid_t pid : pids_) waitpid(pid, nullptr, 0);
  }

 private:
  std::vector<pid_t> pids_;
};

void BM_FleetStop(benchmark::State& state) {
  const auto hosts = plain_hosts(static_cast<int>(state.range(0)));
  IdleProcesses busy(static_cast<int>(state.range(1)));
  for (auto _ : state) {
    auto fleet = mocks::ssh::HostFleet::start(hosts, {"/bin/true", {}});
    if (!fleet.ok()) {
      state.SkipWithError(fleet.error().message.c_str());
      return;
    }
    auto start = std::chrono::steady_clock::now();
    fleet->reset();
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  state.counters["hosts"] = static_cast<double>(state.range(0));
  state.counters["extra_processes"] = static_cast<double>(state.range(1));
}
BENCHMARK(BM_FleetStop)
    ->Args({200, 0})
    ->Args({200, 1000})
    ->Args({2000, 1000})
    ->Iterations(2)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace opsreg::bench

BENCHMARK_MAIN();
