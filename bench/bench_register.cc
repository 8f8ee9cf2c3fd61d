// One whole on-premises registration in-process (register procedure → edge on loopback → IAM and
// OpsWorks fakes; SSH to a FakeSshHost → curl/tar of the installer → the real opsreg agent),
// with a fresh RSA-2048 key per registration, with the world's key pool, and with the key pool on a
// sandboxed host; median, the share of each step, and ratios to the fresh-key run, to the
// unsandboxed host and to the AWS CLI's own start-up, in one run.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>

#include "bench/support/register_rig.h"
#include "bench/support/step_table.h"

extern char** environ;

namespace opsreg::bench {
namespace {

constexpr char kFresh[] = "Register/fresh_key";
constexpr char kPool[] = "Register/key_pool";
constexpr char kSandboxed[] = "Register/key_pool_sandboxed";
constexpr char kAwsCli[] = "AwsCli/version";

StepTable& steps() {
  static StepTable table;
  return table;
}

// Rigs start on first use, so that one variant's servers sit idle while the others run.
RegisterRig& rig(const char* variant, bool pool, bool sandbox) {
  static std::map<std::string, std::unique_ptr<RegisterRig>> rigs;
  auto& r = rigs[variant];
  if (!r) r = std::make_unique<RegisterRig>(pool ? 8 : 0, sandbox);
  return *r;
}

void register_once(benchmark::State& state, const char* variant, bool pool, bool sandbox) {
  RegisterRig& r = rig(variant, pool, sandbox);
  // A first registration outside the measurement: it creates the stack's IAM group (which later
  // registrations find in place, as in a real stack) and checks which key the agent used.
  static std::map<std::string, bool> warmed;
  if (!warmed[variant]) {
    auto report = r.run(nullptr);
    if (!report.ok()) {
      state.SkipWithError((report.failure->message() + "\n" + r.output()).c_str());
      return;
    }
    r.clean_up(report.outcome);
    bool pooled = r.agent_log().find("Took an RSA key pair from") != std::string::npos;
    if (pooled != pool) {
      state.SkipWithError("the agent did not use the key source this variant measures");
      return;
    }
    warmed[variant] = true;
  }
  for (auto _ : state) {
    std::vector<std::pair<std::string, double>> timings;
    auto started = std::chrono::steady_clock::now();
    auto report = r.run([&](const std::string& step, std::chrono::nanoseconds took) {
      timings.emplace_back(step, std::chrono::duration<double, std::milli>(took).count());
    });
    double total =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    state.PauseTiming();
    if (!report.ok()) {
      state.SkipWithError((report.failure->message() + "\n" + r.output()).c_str());
      state.ResumeTiming();
      break;
    }
    r.clean_up(report.outcome);
    steps().add(variant, total, timings);
    state.ResumeTiming();
  }
}

// The baseline the issue names: the AWS CLI merely starting (`aws --version`).
void aws_cli_version(benchmark::State& state) {
  char aws[] = "aws", version[] = "--version";
  char* argv[] = {aws, version, nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  for (auto _ : state) {
    pid_t pid;
    int status = 0;
    if (posix_spawnp(&pid, "aws", &actions, nullptr, argv, environ) != 0 ||
        waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      state.SkipWithError("`aws --version` did not run (is the AWS CLI installed?)");
      break;
    }
  }
  posix_spawn_file_actions_destroy(&actions);
}

// Console output, then the step table and the ratios of the medians measured in this run.
class RegisterReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const auto& run : runs)
      if (run.aggregate_name == "median" && !run.error_occurred)
        median_ms_[run.run_name.function_name] = run.GetAdjustedRealTime();  // all in ms
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    steps().print();
    double fresh = get(kFresh), pool = get(kPool), cli = get(kAwsCli);
    std::printf("\nratios of medians (same run):\n");
    if (fresh > 0 && pool > 0)
      std::printf("  %-22s %8.1f ms vs %-20s %8.1f ms: %.1fx faster with the key pool\n", kPool,
                  pool, kFresh, fresh, fresh / pool);
    if (double sandboxed = get(kSandboxed); sandboxed > 0 && pool > 0)
      std::printf("  %-22s %8.1f ms vs %-20s %8.1f ms: %.2fx (the sandbox adds %.1f ms)\n",
                  kSandboxed, sandboxed, kPool, pool, sandboxed / pool, sandboxed - pool);
    for (const char* name : {kFresh, kPool}) {
      double t = get(name);
      if (t > 0 && cli > 0)
        std::printf(
            "  %-22s %8.1f ms vs `aws --version` %8.1f ms: %.2fx (the CLI alone takes "
            "%.1fx as long just to start)\n",
            name, t, cli, t / cli, cli / t);
      if (t > 0)
        std::printf(
            "  %-22s %8.1f ms vs the reference flow against real AWS (~5 minutes, not "
            "measured): ~%.0fx faster\n",
            name, t, 300000.0 / t);
    }
    auto aim = [](double ms, double limit) {
      return ms <= 0 ? "not run" : ms < limit ? "met" : "NOT met";
    };
    std::printf("time budgets: %s < 500 ms: %s; %s < 50 ms: %s\n", kFresh, aim(fresh, 500), kPool,
                aim(pool, 50));
  }

 private:
  double get(const std::string& name) const {
    auto it = median_ms_.find(name);
    return it == median_ms_.end() ? 0 : it->second;
  }
  std::map<std::string, double> median_ms_;
};

void register_all() {
  benchmark::RegisterBenchmark(kFresh,
                               [](benchmark::State& s) { register_once(s, kFresh, false, false); })
      ->Iterations(1)
      ->Repetitions(15)
      ->ReportAggregatesOnly(true)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(kPool,
                               [](benchmark::State& s) { register_once(s, kPool, true, false); })
      ->Iterations(1)
      ->Repetitions(40)
      ->ReportAggregatesOnly(true)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(
      kSandboxed, [](benchmark::State& s) { register_once(s, kSandboxed, true, true); })
      ->Iterations(1)
      ->Repetitions(40)
      ->ReportAggregatesOnly(true)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark(kAwsCli, aws_cli_version)
      ->Iterations(1)
      ->Repetitions(5)
      ->ReportAggregatesOnly(true)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
}

}  // namespace
}  // namespace opsreg::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  opsreg::bench::register_all();
  opsreg::bench::RegisterReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
