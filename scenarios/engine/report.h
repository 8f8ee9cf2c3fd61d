// The runner's reports: a table for the terminal (name, result, time, reason) ending in
// "N passed, N failed", the same as JSON, and JUnit XML for CI systems.
#pragma once

#include <string>
#include <vector>

#include "scenarios/engine/runner.h"

namespace opsreg::scenarios {

// One line per scenario, then exactly "N passed, N failed" as the last line.
std::string table_report(const std::vector<ScenarioResult>& results);
// {"scenarios": [{"name","file","proves","result":"passed"|"failed"|"bad file","seconds",
//  "reason"}], "passed": N, "failed": N, "seconds": total}
std::string json_report(const std::vector<ScenarioResult>& results);
// <testsuites><testsuite name="opsreg scenarios" tests= failures= errors= time=>
//   <testcase classname="scenarios" name= file= time=>[<failure|error message=>]</testcase>
std::string junit_report(const std::vector<ScenarioResult>& results);

}  // namespace opsreg::scenarios
