// Rendering results: the terminal table, JSON and JUnit XML.
#include "scenarios/engine/report.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace opsreg::scenarios {

namespace {

std::string result_word(const ScenarioResult& r) {
  return r.passed ? "passed" : r.bad_file ? "bad file" : "failed";
}

std::string seconds_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", s);
  return buf;
}

int count_passed(const std::vector<ScenarioResult>& results) {
  int n = 0;
  for (const auto& r : results) n += r.passed;
  return n;
}

std::string pad(std::string s, size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

}  // namespace

std::string table_report(const std::vector<ScenarioResult>& results) {
  size_t width = 8;
  for (const auto& r : results) width = std::max(width, r.name.size());
  std::ostringstream out;
  out << pad("scenario", width) << "  " << pad("result", 8) << "  " << pad("time", 8)
      << "  reason\n";
  for (const auto& r : results) {
    std::string reason = r.reason;
    for (char& c : reason)
      if (c == '\n') c = ' ';
    out << pad(r.name, width) << "  " << pad(result_word(r), 8) << "  "
        << pad(seconds_text(r.seconds) + "s", 8) << "  " << reason << "\n";
  }
  int passed = count_passed(results);
  out << passed << " passed, " << results.size() - passed << " failed\n";
  return out.str();
}

std::string json_report(const std::vector<ScenarioResult>& results) {
  nlohmann::json j;
  j["scenarios"] = nlohmann::json::array();
  double total = 0;
  for (const auto& r : results) {
    j["scenarios"].push_back({{"name", r.name},
                              {"file", r.file},
                              {"proves", r.proves},
                              {"result", result_word(r)},
                              {"seconds", r.seconds},
                              {"reason", r.reason}});
    total += r.seconds;
  }
  int passed = count_passed(results);
  j["passed"] = passed;
  j["failed"] = static_cast<int>(results.size()) - passed;
  j["seconds"] = total;
  return j.dump(2) + "\n";
}

void set_junit_counts(pugi::xml_node node, const JunitCounts& counts) {
  node.append_attribute("tests") = counts.tests;
  node.append_attribute("failures") = counts.failures;
  node.append_attribute("errors") = counts.errors;
  node.append_attribute("skipped") = counts.skipped;
  node.append_attribute("time") = seconds_text(counts.seconds).c_str();
}

std::string junit_report(const std::vector<ScenarioResult>& results,
                         const std::optional<Shard>& shard) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  auto suite = suites.append_child("testsuite");
  suite.append_attribute("name") = kJunitSuiteName;
  if (shard) {
    auto property = suite.append_child("properties").append_child("property");
    property.append_attribute("name") = kJunitShardProperty;
    property.append_attribute("value") = shard->text().c_str();
  }
  JunitCounts counts;
  counts.tests = static_cast<int>(results.size());
  for (const auto& r : results) {
    auto tc = suite.append_child("testcase");
    tc.append_attribute("classname") = "scenarios";
    tc.append_attribute("name") = r.name.c_str();
    tc.append_attribute("file") = r.file.c_str();
    tc.append_attribute("time") = seconds_text(r.seconds).c_str();
    counts.seconds += r.seconds;
    if (!r.passed) {
      auto f = tc.append_child(r.bad_file ? "error" : "failure");
      f.append_attribute("message") = r.reason.c_str();
      f.append_child(pugi::node_pcdata).set_value(r.reason.c_str());
      (r.bad_file ? counts.errors : counts.failures)++;
    }
    if (!r.proves.empty())
      tc.append_child("system-out").append_child(pugi::node_pcdata).set_value(r.proves.c_str());
  }
  set_junit_counts(suites, counts);
  set_junit_counts(suite, counts);
  std::ostringstream out;
  doc.save(out, "  ");
  return out.str();
}

}  // namespace opsreg::scenarios
