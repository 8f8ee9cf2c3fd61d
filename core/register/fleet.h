// Registering a fleet: the same `register` arguments run against many targets, a fixed number at
// a time (as that many operators, or one orchestrator, would), each target through the whole
// procedure and its own SSH session. The outcomes are kept in target order; a summary counts
// them by result and error code.
#pragma once

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/register/command.h"

namespace opsreg::registration {

// What registering one target came to.
struct FleetMember {
  std::string target;
  bool ok = false;
  std::string instance_id;  // when ok
  std::string error_code;   // when not ok
  std::string message;      // when not ok: the failure (step, error, what was left behind)
};

struct FleetReport {
  std::vector<FleetMember> members;  // in the order the targets were given

  size_t registered() const;
  size_t failed() const;
  // Failures by error code: {"LimitExceeded": 3}.
  std::map<std::string, size_t> errors() const;
  // {"targets": N, "registered": N, "failed": N, "errors": {CODE: N}, "instances": {TARGET:
  // ID}, "failures": {TARGET: "CODE: message"}}.
  nlohmann::json to_json() const;
};

struct FleetOptions {
  size_t concurrency = 4;  // registrations in flight at once (at least 1)
  // The context one target's registration runs in (its environment, clients, SSH io); called
  // on the worker thread that registers it.
  std::function<CommandContext(const std::string& target)> context_for;
  // After each target: how many are done and how many of those failed. Called from the worker
  // threads, one at a time; may be empty.
  std::function<void(size_t done, size_t failed, size_t total)> progress;
};

// A progress line on stderr, updated in place ("registering: 412/1000 (3 failed)") when stderr
// is a terminal, nothing otherwise; erased when it goes. For FleetOptions::progress.
class FleetProgressLine {
 public:
  FleetProgressLine();
  ~FleetProgressLine();
  FleetProgressLine(const FleetProgressLine&) = delete;
  FleetProgressLine& operator=(const FleetProgressLine&) = delete;
  void show(size_t done, size_t failed, size_t total);

 private:
  bool on_;
};

// Registers each of `targets` with `args` (its target replaced by each in turn; it must pass
// validate() with any of them). Never fails as a whole: each target's outcome is in the report.
FleetReport register_fleet(const Arguments& args, const std::vector<std::string>& targets,
                           const FleetOptions& options);

}  // namespace opsreg::registration
