// One scenario in its own world, step by step; many at once on a pool of threads.
#include "scenarios/engine/runner.h"

#include <atomic>
#include <chrono>
#include <thread>

#include "scenarios/engine/exec_step.h"
#include "scenarios/engine/scenario_world.h"
#include "scenarios/engine/steps.h"

namespace opsreg::scenarios {

namespace {

double since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

ScenarioResult run_scenario(const Scenario& scenario, const RunOptions& options) {
  auto start = std::chrono::steady_clock::now();
  ScenarioResult r;
  r.file = scenario.file;
  r.name = scenario.name;
  r.proves = scenario.proves;
  // Real processes sign with the machine's clock: their world starts at the real time.
  auto world =
      ScenarioWorld::start(has_exec(scenario) ? world_on_real_time(scenario.world) : scenario.world,
                           {options.opsreg_bin});
  if (!world.ok()) {
    r.reason = "the world did not start: " + world.error().code + ": " + world.error().message;
    r.seconds = since(start);
    return r;
  }
  StepOutcome last;
  for (const Step& step : scenario.steps) {
    Status s = [&]() -> Status {
      try {
        return step.kind == "expect" ? check_expect(**world, step, last)
                                     : run_action(**world, step, &last);
      } catch (const std::exception& e) {
        return aws::make_error(
            "ScenarioStepFailed",
            "step " + std::to_string(step.index) + " (" + step.kind + "): " + e.what(), 0);
      }
    }();
    if (!s.ok()) {
      r.reason = s.error().message;
      r.seconds = since(start);
      return r;
    }
  }
  r.passed = true;
  r.seconds = since(start);
  return r;
}

std::string result_name(const std::filesystem::path& file) {
  auto loaded = load_scenario(file);
  return loaded.ok() ? loaded->name : file.stem().string();
}

std::vector<ScenarioResult> run_scenarios(const std::vector<std::filesystem::path>& files,
                                          const RunOptions& options) {
  std::vector<ScenarioResult> results(files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      auto start = std::chrono::steady_clock::now();
      auto loaded = load_scenario(files[i]);
      if (!loaded.ok()) {
        results[i].file = files[i].string();
        results[i].name = files[i].stem().string();
        results[i].bad_file = true;
        results[i].reason = loaded.error().message;
        results[i].seconds = since(start);
        continue;
      }
      results[i] = run_scenario(*loaded, options);
      results[i].seconds = since(start);  // loading included
    }
  };
  int jobs = options.jobs > 0 ? options.jobs
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min<int>(jobs, std::max<size_t>(1, files.size()));
  std::vector<std::thread> pool;
  for (int j = 1; j < jobs; ++j) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return results;
}

}  // namespace opsreg::scenarios
