// Running conformance cases: each call made against the fakes, then judged by the reference
// (reference.h: a live target, a snapshot, or AWS's documented outcomes); the cleanup run on
// the fakes and on a live target whatever happened.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenarios/conform/conform_case.h"
#include "scenarios/conform/conform_sides.h"
#include "scenarios/conform/reference.h"

namespace opsreg::scenarios::conform {

struct CallResult {
  size_t index = 0;
  std::string call;  // "iam CreateUser"
  std::string fakes;
  std::string target;  // Outcome::summary() of each side; "-" when the reference has no answer
  bool compared = true;
  std::vector<std::string> differences;
};

struct CaseResult {
  std::string file;
  std::string name;
  std::string proves;
  std::string reference;  // what the fakes were compared with: "target", "snapshot", "documented"
  std::string error;      // the case could not run (the fakes did not start, a reference failed)
  std::vector<CallResult> calls;
  std::vector<std::string> cleanup_notes;  // cleanup calls that failed, per side
  size_t differing() const;
};

struct ConformOptions {
  nlohmann::json world;  // the fakes' world (fixtures/worlds/default.json by default)
  // Opens the live target; called once per run. Empty: the fakes are checked against
  // `reference` instead.
  std::function<Result<std::unique_ptr<Side>>()> open_target;
  // Sees the live target's answers (a snapshot recorder); may be null.
  AnswerObserver* observer = nullptr;
  // Without a live target: a snapshot or the documented outcomes.
  Reference* reference = nullptr;
  std::string run;  // the run's name prefix for "${run}"; empty: "opsreg-conform-" + 8 hex digits
};

// A fresh name prefix for a run: "opsreg-conform-" and 8 random hex digits.
std::string new_run_name();

// Runs one case on a fresh fakes world, judged by `reference`.
CaseResult run_case(const ConformCase& c, Reference& reference, const ConformOptions& options,
                    const std::string& run);

// Loads and runs every case file, one after the other (the target is shared; names carry the
// run's prefix). Errors: a file that cannot be loaded ("BadConformanceCase"), a target that
// cannot be opened, or reached ("TargetUnreachable": STS GetCallerIdentity got no answer).
Result<std::vector<CaseResult>> run_cases(const std::vector<std::filesystem::path>& files,
                                          const ConformOptions& options);

}  // namespace opsreg::scenarios::conform
