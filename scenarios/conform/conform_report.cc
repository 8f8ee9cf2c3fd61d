// The conformance run's counts, table and JSON.
#include "scenarios/conform/conform_report.h"

#include <cstdio>

namespace opsreg::scenarios::conform {

Totals totals(const std::vector<CaseResult>& results) {
  Totals t;
  for (const CaseResult& r : results) {
    t.calls += r.calls.size();
    t.different += r.differing();
    for (const CallResult& c : r.calls) t.same += c.differences.empty() ? 1 : 0;
  }
  return t;
}

std::string render_table(const std::vector<CaseResult>& results) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%-26s %-4s %-30s %-34s %-34s %s\n", "case", "step", "call",
                "fakes", "target", "result");
  out += line;
  for (const CaseResult& r : results) {
    if (!r.error.empty()) out += r.name + ": " + r.error + "\n";
    for (const CallResult& c : r.calls) {
      bool same = c.differences.empty();
      std::snprintf(line, sizeof line, "%-26s %-4zu %-30s %-34s %-34s %s\n", r.name.c_str(),
                    c.index, c.call.c_str(), c.fakes.c_str(), c.target.c_str(),
                    same ? "same" : "DIFFERENT");
      out += line;
      for (const std::string& d : c.differences) out += "    " + d + "\n";
    }
    for (const std::string& n : r.cleanup_notes) out += "    note: " + n + "\n";
  }
  Totals t = totals(results);
  out += std::to_string(t.calls) + " calls, " + std::to_string(t.same) + " the same, " +
         std::to_string(t.different) + " different (" + std::to_string(results.size()) +
         " cases)\n";
  return out;
}

nlohmann::json render_json(const std::vector<CaseResult>& results) {
  nlohmann::json cases = nlohmann::json::array();
  for (const CaseResult& r : results) {
    nlohmann::json list = nlohmann::json::array();
    for (const CallResult& c : r.calls)
      list.push_back({{"step", c.index},
                      {"call", c.call},
                      {"fakes", c.fakes},
                      {"target", c.target},
                      {"differences", c.differences}});
    cases.push_back({{"file", r.file},
                     {"name", r.name},
                     {"proves", r.proves},
                     {"error", r.error},
                     {"calls", list},
                     {"cleanup_notes", r.cleanup_notes}});
  }
  Totals t = totals(results);
  return {{"cases", cases}, {"calls", t.calls}, {"different", t.different}};
}

}  // namespace opsreg::scenarios::conform
