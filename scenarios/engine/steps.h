// Running a scenario's steps in its world: the actions (register, call, advance, host, fault, exec)
// and the expectations that check what the previous action did and what the world holds.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "scenarios/engine/scenario.h"
#include "scenarios/engine/scenario_world.h"

namespace opsreg::scenarios {

// What the last action did, for expect's exit / error_code / message.
struct StepOutcome {
  bool any = false;  // an action has run
  size_t step = 0;
  std::string kind;
  int exit = 0;             // 0 ok, 1 failed (AWS / SSH error), 2 usage error (register)
  std::string error_code;   // the AWS error code when failed
  std::string message;      // failure message, or the success line; plus the output
  std::string stdout_text;  // exec: the process's stdout and stderr (each bounded)
  std::string stderr_text;
};

// Runs an action step; `last` gets its outcome. An error is a step that could not run at all
// (unknown identity or host, fault injection missing): the scenario fails with it.
Status run_action(ScenarioWorld& w, const Step& step, StepOutcome* last);

// Checks an expect step; the error's message says what differed ("expected instance web-1
// status connection_lost, got registered").
Status check_expect(ScenarioWorld& w, const Step& step, const StepOutcome& last);

// Checks one expect object (its references already resolved) against `w`, the previous
// action's exit / error_code / message against `last`; what differed, one message each. The
// expect step and `opsreg expect` (a running serve) both check through it.
std::vector<std::string> check_expectation(ExpectWorld& w, const nlohmann::json& expectation,
                                           const StepOutcome& last);

// Replaces "$NAME.Member" strings (whole values) and "${NAME.Member}" (inside strings) with
// saved results' members (any depth for a single member name). Errors: "UnresolvedReference".
Result<nlohmann::json> resolve(const nlohmann::json& value, const ScenarioWorld& w);
// The same over any set of saved results (the conformance cases keep one per target).
Result<nlohmann::json> resolve(const nlohmann::json& value, const SavedResults& saved);

}  // namespace opsreg::scenarios
