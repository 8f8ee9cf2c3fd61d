// The exec step: a user's own command (their enrolment tool, the AWS CLI, ssh) run as a real
// process against the scenario's world, so that the expectations check what it did.
#pragma once

#include <nlohmann/json.hpp>

#include "core/util/result.h"
#include "scenarios/engine/scenario.h"
#include "scenarios/engine/steps.h"

namespace opsreg::scenarios {

// Runs an exec step (scenarios/README.md, "The exec step"). While the process runs the world's
// clock follows real time and the agents contact on their timer. Its exit status, stdout and
// stderr go into `last`; stdout is saved under the step's save_as (parsed when it is JSON). Step
// errors: a command not found or not executable, a missing cwd, a timeout.
Status run_exec(ScenarioWorld& w, const Step& step, StepOutcome* last);

// Whether a scenario runs real processes (has an exec step).
bool has_exec(const Scenario& scenario);

// The world a scenario with exec steps runs in: its clock starts at the machine's time, so a
// real tool's signatures (made with the system clock) are within the 15 minutes SigV4 allows.
nlohmann::json world_on_real_time(nlohmann::json world);

// The exec step's load-time check; an error names what is wrong ("exec needs \"argv\" or
// \"shell\"").
Status check_exec(const nlohmann::json& body);

}  // namespace opsreg::scenarios
