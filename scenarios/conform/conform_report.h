// Reporting a conformance run: the counts, the terminal table and the JSON document.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "scenarios/conform/conform_runner.h"

namespace opsreg::scenarios::conform {

struct Totals {
  size_t calls = 0;      // calls compared with the reference
  size_t unchecked = 0;  // calls made on the fakes alone (the reference has no answer for them)
  size_t same = 0;       // calls whose answers agree
  size_t different = 0;  // calls that differ, plus cases that could not run
};
Totals totals(const std::vector<CaseResult>& results);

// The table (case, step, call, fakes, the reference's answer, result and each difference), then
// "N calls, N the same, N different (N cases)" and, when some were not compared, "; N made on
// the fakes only".
std::string render_table(const std::vector<CaseResult>& results);
// {"reference": "target"|"snapshot"|"documented", "cases": [{file, name, proves, error, calls:
// [{step, call, fakes, target, compared, differences}], cleanup_notes}], "calls": N,
// "different": N, "unchecked": N}.
nlohmann::json render_json(const std::vector<CaseResult>& results);

}  // namespace opsreg::scenarios::conform
