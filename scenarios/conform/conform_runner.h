// Running conformance cases: each call made against the fakes and the target in turn, the
// answers compared (compare.h), the cleanup run on both sides whatever happened.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenarios/conform/conform_case.h"
#include "scenarios/conform/conform_sides.h"

namespace opsreg::scenarios::conform {

struct CallResult {
  size_t index = 0;
  std::string call;  // "iam CreateUser"
  std::string fakes;
  std::string target;  // Outcome::summary() of each side
  std::vector<std::string> differences;
};

struct CaseResult {
  std::string file;
  std::string name;
  std::string proves;
  std::string error;  // the case could not run (the fakes did not start, a reference failed)
  std::vector<CallResult> calls;
  std::vector<std::string> cleanup_notes;  // cleanup calls that failed, per side
  size_t differing() const;
};

struct ConformOptions {
  nlohmann::json world;  // the fakes' world (fixtures/worlds/default.json by default)
  // Opens the target; called once per run.
  std::function<Result<std::unique_ptr<Side>>()> open_target;
  std::string run;  // the run's name prefix for "${run}"; empty: "opsreg-conform-" + 8 hex digits
};

// A fresh name prefix for a run: "opsreg-conform-" and 8 random hex digits.
std::string new_run_name();

// Runs one case against a fresh fakes world and `target`.
CaseResult run_case(const ConformCase& c, Side& target, const ConformOptions& options,
                    const std::string& run);

// Loads and runs every case file, one after the other (the target is shared; names carry the
// run's prefix). Errors: a file that cannot be loaded ("BadConformanceCase"), a target that
// cannot be opened, or reached ("TargetUnreachable": STS GetCallerIdentity got no answer).
Result<std::vector<CaseResult>> run_cases(const std::vector<std::filesystem::path>& files,
                                          const ConformOptions& options);

}  // namespace opsreg::scenarios::conform
