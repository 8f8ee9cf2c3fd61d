// Running scenarios: one in its own world (run_scenario), many in parallel on a small pool of
// threads (run_scenarios), each result with its time and, when it failed, the reason.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios {

struct RunOptions {
  std::string opsreg_bin;  // the agent the hosts run (empty: this executable)
  int jobs = 0;            // parallel scenarios; 0: the number of processors
};

struct ScenarioResult {
  std::string file;
  std::string name;  // the file's "name" (the file's stem when it could not be loaded)
  std::string proves;
  bool passed = false;
  bool bad_file = false;  // the file could not be loaded (exit 2)
  double seconds = 0;     // wall time (loading, world start, steps)
  std::string reason;     // why it failed ("" when passed)
};

// Runs a loaded scenario in a fresh world; stops at the first failed step.
ScenarioResult run_scenario(const Scenario& scenario, const RunOptions& options);

// The name a file's result carries: its scenario's "name", or the file's stem when it cannot be
// loaded (what run_scenarios reports; the key of the timings, scenarios/engine/timings.h).
std::string result_name(const std::filesystem::path& file);

// Loads and runs each file, `options.jobs` at a time; results in the files' order.
std::vector<ScenarioResult> run_scenarios(const std::vector<std::filesystem::path>& files,
                                          const RunOptions& options);

}  // namespace opsreg::scenarios
