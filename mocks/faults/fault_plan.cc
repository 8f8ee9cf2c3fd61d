// The fault plan: matching, counting and the seeded draws; SSH faults per host.
#include "mocks/faults/fault_plan.h"

#include <algorithm>

#include "core/clock/time_format.h"

namespace opsreg::mocks::faults {

namespace {

aws::Error invalid(const std::string& what) {
  return aws::make_error("ValidationError", "fault rule: " + what);
}

// The error of the entry at `where` ("faults[2]: "): "faults[2]: fault rule: ...".
aws::Error at(const std::string& where, const aws::Error& e) {
  return aws::make_error(e.code, where + e.message);
}

// SplitMix64's finaliser: a well-mixed 64-bit value from any input.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A uniform draw in [0, 1) for the n-th matching request of rule `id` under `seed`.
double draw(std::uint64_t seed, int id, std::uint64_t n) {
  std::uint64_t bits = mix(mix(mix(seed) ^ static_cast<std::uint64_t>(id)) ^ n);
  return static_cast<double>(bits >> 11) * 0x1.0p-53;
}

}  // namespace

int FaultPlan::add(FaultRule rule) {
  std::lock_guard lock(mu_);
  int id = next_id_++;
  rules_.push_back({id, std::move(rule)});
  return id;
}

Status FaultPlan::add_json(const nlohmann::json& rules, const std::vector<std::string>* known) {
  nlohmann::json list = rules.is_array() ? rules : nlohmann::json::array({rules});
  std::vector<FaultRule> parsed;
  std::map<std::string, ssh::HostFaults> hosts;
  {
    std::lock_guard lock(mu_);
    hosts = hosts_;
  }
  for (size_t i = 0; i < list.size(); ++i) {
    const nlohmann::json& entry = list[i];
    std::string where = "faults[" + std::to_string(i) + "]: ";
    if (entry.is_object() && entry.contains("host")) {
      if (!entry["host"].is_string() || entry["host"].get<std::string>().empty())
        return at(where, invalid("\"host\" must be a host name"));
      if (known &&
          std::find(known->begin(), known->end(), entry["host"].get<std::string>()) == known->end())
        return at(where, invalid("no host named \"" + entry["host"].get<std::string>() +
                                 "\" in the world"));
      if (Status s = parse_host_faults(entry, hosts[entry["host"].get<std::string>()]); !s.ok())
        return at(where, s.error());
      continue;
    }
    Result<FaultRule> rule = parse_fault_rule(entry);
    if (!rule.ok()) return at(where, rule.error());
    parsed.push_back(std::move(rule).value());
  }
  std::lock_guard lock(mu_);
  hosts_ = std::move(hosts);
  for (FaultRule& r : parsed) rules_.push_back({next_id_++, std::move(r)});
  return {};
}

bool FaultPlan::fires(Entry& e) const {
  std::uint64_t n = ++e.seen;
  if (n <= e.rule.after) return false;
  if (e.rule.count && e.hits >= *e.rule.count) return false;
  if (e.rule.probability && draw(seed_, e.id, n) >= *e.rule.probability) return false;
  ++e.hits;
  return true;
}

FaultDecision FaultPlan::decide(std::string_view service, std::string_view operation) {
  FaultDecision d;
  std::lock_guard lock(mu_);
  for (Entry& e : rules_) {
    if (e.rule.service != service) continue;
    if (e.rule.operation != "*" && e.rule.operation != operation) continue;
    if (!fires(e)) continue;
    switch (e.rule.action) {
      case FaultAction::kLatency:
        d.latency += e.rule.latency;
        continue;
      case FaultAction::kAwsError:
        d.error = e.rule.error;
        return d;
      case FaultAction::kDropConnection:
        d.drop_connection = true;
        return d;
      case FaultAction::kBareStatus:
        d.bare_status = e.rule.status;
        return d;
    }
  }
  return d;
}

ssh::HostFaults FaultPlan::host_faults(const std::string& host) const {
  std::lock_guard lock(mu_);
  auto it = hosts_.find(host);
  return it == hosts_.end() ? ssh::HostFaults{} : it->second;
}

void FaultPlan::set_host_faults(const std::string& host, const ssh::HostFaults& faults) {
  std::lock_guard lock(mu_);
  hosts_[host] = faults;
}

void FaultPlan::clear() {
  std::lock_guard lock(mu_);
  rules_.clear();
  hosts_.clear();
  next_id_ = 1;
}

nlohmann::json FaultPlan::to_json() const {
  std::lock_guard lock(mu_);
  nlohmann::json rules = nlohmann::json::array();
  for (const Entry& e : rules_) {
    nlohmann::json j = faults::to_json(e.rule);
    j["id"] = e.id;
    j["seen"] = e.seen;
    j["hits"] = e.hits;
    j["remaining"] = e.rule.count ? nlohmann::json(*e.rule.count - e.hits) : nlohmann::json();
    rules.push_back(std::move(j));
  }
  nlohmann::json hosts = nlohmann::json::object();
  for (const auto& [name, f] : hosts_) hosts[name] = faults::to_json(f);
  return {{"seed", seed_}, {"rules", rules}, {"ssh", hosts}};
}

Status parse_host_faults(const nlohmann::json& entry, ssh::HostFaults& faults) {
  for (const auto& [key, value] : entry.items()) {
    if (key == "host") continue;
    if (key == "refuse") {
      if (value == "connection") {
        faults.refuse_connection = true;
      } else if (value == "auth") {
        faults.refuse_all_auth = true;
      } else if (value == false) {
        faults.refuse_connection = faults.refuse_all_auth = false;
      } else {
        return invalid("\"refuse\" must be \"connection\", \"auth\" or false");
      }
    } else if (key == "disconnect_after_bytes") {
      if (value.is_null()) {
        faults.disconnect_after_output_bytes.reset();
      } else if (is_whole_number(value)) {
        faults.disconnect_after_output_bytes = value.get<std::size_t>();
      } else {
        return invalid("\"disconnect_after_bytes\" must be a whole number or null");
      }
    } else if (key == "slow") {
      auto delay = value.is_string() ? parse_duration(value.get<std::string>()) : std::nullopt;
      if (!delay || *delay > kMaxFaultDelay)
        return invalid("\"slow\" must be a duration up to 1h such as \"30s\" (\"0s\": not slow)");
      faults.command_delay = *delay;
    } else {
      return invalid("unknown SSH fault member \"" + key +
                     "\" (refuse, disconnect_after_bytes, slow)");
    }
  }
  return {};
}

nlohmann::json to_json(const ssh::HostFaults& f) {
  nlohmann::json j = nlohmann::json::object();
  j["refuse"] = f.refuse_connection ? nlohmann::json("connection")
                : f.refuse_all_auth ? nlohmann::json("auth")
                                    : nlohmann::json(false);
  j["disconnect_after_bytes"] = f.disconnect_after_output_bytes
                                    ? nlohmann::json(*f.disconnect_after_output_bytes)
                                    : nlohmann::json();
  j["slow"] = std::to_string(f.command_delay.count() / 1000) + "ms";
  return j;
}

}  // namespace opsreg::mocks::faults
