// The runner's reports: a table for the terminal (name, result, time, reason) ending in
// "N passed, N failed", the same as JSON, and JUnit XML for CI systems.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "scenarios/engine/runner.h"
#include "scenarios/engine/shard.h"

namespace opsreg::scenarios {

// One line per scenario, then exactly "N passed, N failed" as the last line.
std::string table_report(const std::vector<ScenarioResult>& results);
// {"scenarios": [{"name","file","proves","result":"passed"|"failed"|"bad file","seconds",
//  "reason"}], "passed": N, "failed": N, "seconds": total}
std::string json_report(const std::vector<ScenarioResult>& results);
// The testsuite's name and the property a shard's report carries.
inline constexpr const char* kJunitSuiteName = "opsreg scenarios";
inline constexpr const char* kJunitShardProperty = "shard";

// A suite's (or all suites') counts, and how junit_report writes them: tests= failures= errors=
// skipped= time= (seconds, three decimals), in that order.
struct JunitCounts {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  double seconds = 0;
};
void set_junit_counts(pugi::xml_node node, const JunitCounts& counts);

// <testsuites><testsuite name="opsreg scenarios" tests= failures= errors= skipped= time=>
//   <testcase classname="scenarios" name= file= time=>[<failure|error message=>]</testcase>
// A shard's report also holds <properties><property name="shard" value="K/N"/></properties>
// in its testsuite, which `opsreg scenario merge-junit` checks and leaves out
// (scenarios/engine/junit_merge.h).
std::string junit_report(const std::vector<ScenarioResult>& results,
                         const std::optional<Shard>& shard = std::nullopt);

}  // namespace opsreg::scenarios
