// A large world's fleet of fake SSH hosts, from one host group of its world file: how long it
// takes to be ready (every host listening) and to stop, and what it holds meanwhile (threads,
// file descriptors, resident memory), in all and per host. Args: hosts, sandboxed (0/1).
// Manual time: start + stop.
#include <benchmark/benchmark.h>
#include <dirent.h>

#include <chrono>
#include <fstream>
#include <string>
#include <vector>

#include "mocks/ssh/host_fleet.h"
#include "mocks/world/world.h"

namespace opsreg::bench {
namespace {

using Clock = std::chrono::steady_clock;

// The hosts of a world file holding one group of `n` on-premises hosts.
Result<std::vector<mocks::WorldHost>> group_hosts(int n) {
  nlohmann::json world = {
      {"host_groups",
       {{{"name", "node-{n}"},
         {"count", n},
         {"private_ip", "10.100.0.0/16"},
         {"users", {{{"name", "ubuntu"}, {"authorized_keys", {"ssh/user_ed25519.pub"}}}}}}}}};
  auto built = mocks::World::from_json(world, mocks::ClockMode::kVirtual);
  if (!built.ok()) return built.error();
  return (*built)->hosts();
}

double entries_in(const char* dir) {
  DIR* d = opendir(dir);
  if (d == nullptr) return -1;
  double n = 0;
  while (dirent* e = readdir(d))
    if (e->d_name[0] != '.') ++n;
  closedir(d);
  return n;
}

double rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  double kib = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> kib;
      break;
    }
    status.ignore(1 << 20, '\n');
  }
  return kib / 1024;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void BM_FleetStartStop(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const auto hosts = group_hosts(n);
  if (!hosts.ok()) {
    state.SkipWithError(hosts.error().message.c_str());
    return;
  }
  mocks::ssh::FleetOptions options{"/bin/true", {}};
  options.sandbox = state.range(1) != 0;
  double ready = 0, stop = 0, threads = 0, fds = 0, rss = 0;
  for (auto _ : state) {
    const double threads_before = entries_in("/proc/self/task");
    const double fds_before = entries_in("/proc/self/fd");
    const double rss_before = rss_mib();
    auto start = Clock::now();
    auto fleet = mocks::ssh::HostFleet::start(*hosts, options);
    if (!fleet.ok()) {
      state.SkipWithError(fleet.error().message.c_str());
      return;
    }
    ready = seconds_since(start);
    threads = entries_in("/proc/self/task") - threads_before;
    fds = entries_in("/proc/self/fd") - fds_before;
    rss = rss_mib() - rss_before;
    auto stopping = Clock::now();
    fleet->reset();
    stop = seconds_since(stopping);
    state.SetIterationTime(ready + stop);
  }
  state.counters["hosts"] = n;
  state.counters["sandboxed"] = static_cast<double>(state.range(1));
  state.counters["ready_s"] = ready;
  state.counters["stop_s"] = stop;
  state.counters["threads"] = threads;
  state.counters["fds"] = fds;
  state.counters["rss_MiB"] = rss;
  state.counters["ready_ms_per_host"] = ready * 1000 / n;
  state.counters["rss_KiB_per_host"] = rss * 1024 / n;
}
BENCHMARK(BM_FleetStartStop)
    ->Args({1000, 0})
    ->Args({10000, 0})
    ->Args({10000, 1})
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace opsreg::bench

BENCHMARK_MAIN();
