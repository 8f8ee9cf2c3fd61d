// The world's injected faults: rules for the fake AWS services (matched per service and
// operation, deterministic for the world's seed) and each simulated host's SSH faults. The edge
// asks it about every request; the admin API, world file and scenarios change it.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "mocks/base/host_settings.h"
#include "mocks/faults/fault_rule.h"

namespace opsreg::mocks::faults {

// What the edge does to one request.
struct FaultDecision {
  // Answer as if the request took this long: the edge moves the world clock by it first.
  std::chrono::microseconds latency{0};
  std::optional<aws::Error> error;  // answer with this error instead of calling the service
  bool drop_connection = false;     // answer nothing; the HTTP server closes the connection
  int bare_status = 0;  // answer this HTTP status with an empty body (no AWS error document)
  bool any() const { return latency.count() > 0 || error || drop_connection || bare_status; }
};

// Thread-safe. Semantics of one request (service S, operation O):
//  - the rules are walked in the order they were added; a rule matches when its service is S
//    and its operation is O or "*";
//  - each matching rule counts the request (its `seen`); it fires when more than `after`
//    requests have been seen, fewer than `count` have fired (if a count is set), and — with a
//    probability p — when the n-th matching request draws under p, the draw being a pure
//    function of (world seed, rule id, n): the same seed and rules give the same hits whatever
//    the timing or the other traffic;
//  - a latency rule that fires adds its latency and the walk goes on; an error or drop rule
//    that fires ends the walk (later rules do not see the request).
class FaultPlan {
 public:
  explicit FaultPlan(std::uint64_t seed) : seed_(seed) {}
  FaultPlan(const FaultPlan&) = delete;
  FaultPlan& operator=(const FaultPlan&) = delete;

  // Adds a rule after the others; returns its id (1, 2, … ; restarts after clear()).
  int add(FaultRule rule);
  // Adds rules from JSON: one entry or an array of entries. An entry with "host" is an SSH
  // fault (set_host_faults merged with that host's current faults, see parse_host_faults);
  // any other is a FaultRule (parse_fault_rule). All or nothing: on error nothing is added.
  // When `hosts` is given, an SSH fault must name one of them.
  Status add_json(const nlohmann::json& rules, const std::vector<std::string>* hosts = nullptr);

  // Walks the rules for one request (see above) and counts it.
  FaultDecision decide(std::string_view service, std::string_view operation);

  // The SSH faults of the host named `host` (its world file name); none by default.
  ssh::HostFaults host_faults(const std::string& host) const;
  void set_host_faults(const std::string& host, const ssh::HostFaults& faults);

  // Removes every rule and every host's SSH faults.
  void clear();

  // {"seed": N, "rules": [rule + {"id", "seen", "hits", "remaining"}], "ssh": {host: {...}}}
  // where "remaining" is count - hits (null without a count).
  nlohmann::json to_json() const;

 private:
  struct Entry {
    int id;
    FaultRule rule;
    std::uint64_t seen = 0;  // matching requests
    std::uint64_t hits = 0;  // times it fired
  };
  bool fires(Entry& e) const;

  const std::uint64_t seed_;
  mutable std::mutex mu_;
  std::vector<Entry> rules_;                      // guarded by mu_
  std::map<std::string, ssh::HostFaults> hosts_;  // guarded by mu_
  int next_id_ = 1;                               // guarded by mu_
};

// Parses an SSH fault entry onto `faults`: {"host": NAME, "refuse": "connection" | "auth" |
// false, "disconnect_after_bytes": N | null, "slow": DURATION}. Errors: ValidationError.
Status parse_host_faults(const nlohmann::json& entry, ssh::HostFaults& faults);
nlohmann::json to_json(const ssh::HostFaults& faults);

}  // namespace opsreg::mocks::faults
