// Registering a fleet of on-premises hosts as a scenario does it (the register_fleet step: the
// real procedure per host, each through its own SSH session, the world's agent key pool): one at
// a time, then several at once, and a 1000-host fleet. Reports registrations per second, the
// process's peak RSS, and the speed-up over one at a time measured in the same run.
// Args: hosts, concurrency.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <string>

#include "scenarios/engine/runner.h"

namespace opsreg::bench {
namespace {

constexpr char kStack[] = "2f18b4cb-4de5-4429-a149-ff7da9f0d8ee";

// A scenario whose world adds `n` on-premises hosts (node-1 …) to the default world and whose
// one action registers all of them, `concurrency` at a time, expecting every one registered.
scenarios::Scenario fleet_scenario(int n, int concurrency) {
  nlohmann::json hosts = nlohmann::json::array();
  for (int i = 1; i <= n; ++i)
    hosts.push_back(
        {{"name", "node-" + std::to_string(i)},
         {"private_ip", "10.100." + std::to_string(i / 250) + "." + std::to_string(1 + i % 250)},
         {"users", {{{"name", "ubuntu"}, {"authorized_keys", {"ssh/user_ed25519.pub"}}}}}});
  nlohmann::json j = {{"name", "fleet"},
                      {"proves", "bench"},
                      {"world", {{"changes", {{"hosts", hosts}}}}},
                      {"steps",
                       {{{"register_fleet",
                          {{"hosts", "node-*"},
                           {"concurrency", concurrency},
                           {"stack_id", kStack},
                           {"infrastructure_class", "on-premises"}}}},
                        {{"expect", {{"exit", 0}, {"result", {{"fleet.registered", n}}}}}}}}};
  auto s = scenarios::parse_scenario(j, "fleet-bench.json");
  if (!s.ok()) std::abort();
  return *s;
}

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return double(u.ru_maxrss) / 1024.0;
}

double& one_at_a_time_rate() {
  static double rate = 0;
  return rate;
}

void BM_FleetRegister(benchmark::State& state) {
  const int n = int(state.range(0)), concurrency = int(state.range(1));
  scenarios::Scenario s = fleet_scenario(n, concurrency);
  double registrations = 0, seconds = 0;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    auto r = scenarios::run_scenario(s, {OPSREG_BINARY, 1});
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!r.passed) state.SkipWithError(r.reason.c_str());
    registrations += n;
  }
  const double rate = registrations / seconds;  // the world's start and stop included
  if (concurrency == 1) one_at_a_time_rate() = rate;
  state.counters["registrations_per_s"] = rate;
  state.counters["peak_rss_MiB"] = peak_rss_mib();
  if (one_at_a_time_rate() > 0) state.counters["x_one_at_a_time"] = rate / one_at_a_time_rate();
}

BENCHMARK(BM_FleetRegister)
    ->Args({100, 1})
    ->Args({100, 4})
    ->Args({100, 8})
    ->Args({1000, 8})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace
}  // namespace opsreg::bench

BENCHMARK_MAIN();
