// The conformance run's counts, table and JSON.
#include "scenarios/conform/conform_report.h"

#include <cstdio>

namespace opsreg::scenarios::conform {

Totals totals(const std::vector<CaseResult>& results) {
  Totals t;
  for (const CaseResult& r : results) {
    t.different += r.differing();
    for (const CallResult& c : r.calls) {
      (c.compared ? t.calls : t.unchecked) += 1;
      t.same += c.compared && c.differences.empty() ? 1 : 0;
    }
  }
  return t;
}

namespace {

std::string reference_of(const std::vector<CaseResult>& results) {
  return results.empty() || results[0].reference.empty() ? "target" : results[0].reference;
}

}  // namespace

std::string render_table(const std::vector<CaseResult>& results) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%-26s %-4s %-30s %-34s %-34s %s\n", "case", "step", "call",
                "fakes", reference_of(results).c_str(), "result");
  out += line;
  for (const CaseResult& r : results) {
    if (!r.error.empty()) out += r.name + ": " + r.error + "\n";
    for (const CallResult& c : r.calls) {
      const char* result = !c.compared ? "-" : c.differences.empty() ? "same" : "DIFFERENT";
      std::snprintf(line, sizeof line, "%-26s %-4zu %-30s %-34s %-34s %s\n", r.name.c_str(),
                    c.index, c.call.c_str(), c.fakes.c_str(), c.target.c_str(), result);
      out += line;
      for (const std::string& d : c.differences) out += "    " + d + "\n";
    }
    for (const std::string& n : r.cleanup_notes) out += "    note: " + n + "\n";
  }
  Totals t = totals(results);
  out += std::to_string(t.calls) + " calls, " + std::to_string(t.same) + " the same, " +
         std::to_string(t.different) + " different (" + std::to_string(results.size()) + " cases)";
  if (t.unchecked > 0) out += "; " + std::to_string(t.unchecked) + " made on the fakes only";
  out += "\n";
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
                      {"compared", c.compared},
                      {"differences", c.differences}});
    cases.push_back({{"file", r.file},
                     {"name", r.name},
                     {"proves", r.proves},
                     {"error", r.error},
                     {"calls", list},
                     {"cleanup_notes", r.cleanup_notes}});
  }
  Totals t = totals(results);
  return {{"reference", reference_of(results)},
          {"cases", cases},
          {"calls", t.calls},
          {"different", t.different},
          {"unchecked", t.unchecked}};
}

}  // namespace opsreg::scenarios::conform
