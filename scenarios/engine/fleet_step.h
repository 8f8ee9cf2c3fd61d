// The register_fleet step (scenarios/README.md): many world hosts registered with the same
// register flags, `concurrency` at a time. Its outcome: exit 0 when every host registered, else
// 1 with the first failure's error code; saved (as "fleet" unless save_as says otherwise) as
// {"targets", "registered", "failed", "errors": {CODE: N}, "instances": {HOST: ID},
// "failures": {HOST: "CODE: message"}}, which `result` expectations read ("fleet.registered").
// The loader's checks of its body: scenario_checks.h.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/util/result.h"
#include "scenarios/engine/scenario_world.h"
#include "scenarios/engine/steps.h"

namespace opsreg::scenarios {

// Runs the step in `w`; `last` gets its outcome. An error is a step that could not run at all
// (no host matches, an unknown identity).
Status run_register_fleet(ScenarioWorld& w, const Step& step, StepOutcome* last);

}  // namespace opsreg::scenarios
