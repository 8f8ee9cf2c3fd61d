// The scenario runner: one 90-day scenario against the same scenario advancing one minute
// (their ratio should be about 1: advancing costs only the deciding ticks), and the whole
// library's wall time and scenarios per second, one at a time and in parallel, in one run.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <thread>

#include "core/util/data_dir.h"
#include "scenarios/engine/runner.h"

namespace opsreg::bench {
namespace {

namespace fs = std::filesystem;

fs::path library() { return opsreg::data_dir() / "scenarios/library"; }

scenarios::Scenario key_rotation(const std::string& advance) {
  auto s = scenarios::load_scenario(library() / "key-rotation-old-key.json");
  if (!s.ok()) std::abort();
  for (auto& step : s->steps)
    if (step.kind == "advance" && step.body == "90d") step.body = advance;
  return *s;
}

void run_one(benchmark::State& state, const std::string& advance) {
  scenarios::Scenario s = key_rotation(advance);
  for (auto _ : state) {
    auto r = scenarios::run_scenario(s, {OPSREG_BINARY, 1});
    if (!r.passed) state.SkipWithError(r.reason.c_str());
  }
}

void BM_Scenario_90Days(benchmark::State& state) { run_one(state, "90d"); }
void BM_Scenario_1Minute(benchmark::State& state) { run_one(state, "1m"); }

void BM_Library(benchmark::State& state) {
  auto files = scenarios::scenario_files({library().string()});
  if (!files.ok()) std::abort();
  size_t n = 0;
  for (auto _ : state) {
    auto results = scenarios::run_scenarios(*files, {OPSREG_BINARY, int(state.range(0))});
    for (const auto& r : results)
      if (!r.passed) state.SkipWithError((r.name + ": " + r.reason).c_str());
    n += results.size();
  }
  state.counters["scenarios"] = double(files->size());
  state.counters["scenarios_per_s"] = benchmark::Counter(double(n), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_Scenario_90Days)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);
BENCHMARK(BM_Scenario_1Minute)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2);
BENCHMARK(BM_Library)
    ->Arg(1)
    ->Arg(int(std::max(1u, std::thread::hardware_concurrency())))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

}  // namespace
}  // namespace opsreg::bench

BENCHMARK_MAIN();
