// Load-time checks of what a step names: register members, operations, instance statuses.
#include "scenarios/engine/scenario_checks.h"

#include <algorithm>

#include "core/register/arguments.h"
#include "core/util/nearest.h"
#include "mocks/edge/edge.h"
#include "mocks/opsworks/instance_status.h"

namespace opsreg::scenarios {

namespace {

aws::Error bad(const std::string& what) { return aws::make_error("BadScenario", what, 0); }

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The operation check shared by call steps and fault rules.
Status check_operation(const std::string& service, const std::string& operation) {
  const std::vector<std::string>& known = mocks::operation_names(service);
  if (known.empty() || contains(known, operation)) return {};
  std::string hint = did_you_mean(operation, known);
  return bad(service + " has no operation " + operation + " in opsreg's fakes" +
             (hint.empty() ? " (known: " + join_words(known) + ")" : hint));
}

}  // namespace

std::vector<std::string> register_members() {
  std::vector<std::string> members;
  for (std::string flag : registration::flag_names()) {
    if (flag == "--mock") continue;  // a scenario always runs against its world's fakes
    flag = flag.substr(2);
    std::replace(flag.begin(), flag.end(), '-', '_');
    members.push_back(flag);
  }
  for (const char* own : {"target", "on_host", "ssh_password"}) members.push_back(own);
  return members;
}

Status check_register_members(const nlohmann::json& register_body, bool fleet) {
  if (!register_body.is_object()) return {};
  std::vector<std::string> known = register_members();
  if (fleet) known.insert(known.end(), {"hosts", "concurrency"});
  for (auto& [member, value] : register_body.items())
    if (!contains(known, member))
      return bad("unknown member \"" + member + "\"" + did_you_mean(member, known) +
                 " (known: " + join_words(known) + ")");
  return {};
}

namespace {
// The register_fleet step's own members; every other one is a register flag.
constexpr const char* kFleetKeys[] = {"hosts", "concurrency", "ssh_password"};
constexpr int kMaxConcurrency = 64;
}  // namespace

nlohmann::json register_fleet_flags(const nlohmann::json& body) {
  nlohmann::json flags = body;
  for (const char* k : kFleetKeys) flags.erase(k);
  return flags;
}

std::string check_register_fleet(const nlohmann::json& b) {
  if (!b.is_object())
    return "register_fleet needs an object: hosts, concurrency and register flags";
  if (!b.contains("hosts")) return "register_fleet needs \"hosts\": names, patterns or a kind";
  const nlohmann::json& h = b["hosts"];
  bool names =
      h.is_string() ||
      (h.is_array() && !h.empty() &&
       std::all_of(h.begin(), h.end(), [](const nlohmann::json& x) { return x.is_string(); }));
  bool kind = h.is_object() && h.size() == 1 && h.contains("infrastructure") &&
              (h["infrastructure"] == "on-premises" || h["infrastructure"] == "ec2");
  if (!names && !kind)
    return "hosts must be a name or pattern (\"node-*\"), a list of them, or "
           "{\"infrastructure\": \"on-premises\" | \"ec2\"}";
  if (b.contains("concurrency") &&
      !(b["concurrency"].is_number_integer() && b["concurrency"].get<int>() >= 1 &&
        b["concurrency"].get<int>() <= kMaxConcurrency))
    return "concurrency must be an integer from 1 to " + std::to_string(kMaxConcurrency);
  if (b.contains("ssh_password") && !b["ssh_password"].is_string())
    return "ssh_password must be a string";
  for (const char* k : {"target", "local", "on_host"})
    if (b.contains(k)) return std::string(k) + " is not for register_fleet (hosts names them)";
  return "";
}

Status check_call_operation(const std::string& service, const std::string& operation) {
  if (service == "s3") return {};
  return check_operation(service, operation);
}

Status check_instance_expectation(const nlohmann::json& instance) {
  if (!instance.is_object() || !instance.contains("status")) return {};
  const nlohmann::json& status = instance["status"];
  if (status.is_string() && mocks::opsworks::is_instance_status(status.get<std::string>()))
    return {};
  const auto& known = mocks::opsworks::instance_statuses();
  std::string shown = status.is_string() ? status.get<std::string>() : status.dump();
  return bad("instance status \"" + shown + "\" is not an OpsWorks instance status" +
             did_you_mean(shown, known) + " (one of " + join_words(known) + ")");
}

Status check_requests_expectation(const nlohmann::json& requests) {
  if (!requests.is_object() || !requests.contains("service") || !requests.contains("operation"))
    return {};
  if (!requests["service"].is_string() || !requests["operation"].is_string()) return {};
  if (Status s = check_operation(requests["service"].get<std::string>(),
                                 requests["operation"].get<std::string>());
      !s.ok())
    return bad("requests: " + s.error().message);
  return {};
}

Status check_fault_operations(const nlohmann::json& rules) {
  for (const auto& rule : rules.is_array() ? rules : nlohmann::json::array({rules})) {
    if (!rule.is_object() || !rule.contains("service") || !rule.contains("operation")) continue;
    if (!rule["service"].is_string() || !rule["operation"].is_string()) continue;
    const std::string operation = rule["operation"].get<std::string>();
    if (operation == "*") continue;
    if (Status s = check_operation(rule["service"].get<std::string>(), operation); !s.ok())
      return bad("fault rule: " + s.error().message);
  }
  return {};
}

Status check_step_names(const Step& step) {
  const nlohmann::json& b = step.body;
  if (step.kind == "register") return check_register_members(b, false);
  if (step.kind == "register_fleet") return check_register_members(b, true);
  if (step.kind == "fault") return check_fault_operations(b);
  if (!b.is_object()) return {};
  if (step.kind == "call" && b.contains("service") && b["service"].is_string() &&
      b.contains("operation") && b["operation"].is_string())
    return check_call_operation(b["service"].get<std::string>(), b["operation"].get<std::string>());
  if (step.kind == "expect" && b.contains("instance"))
    if (Status s = check_instance_expectation(b["instance"]); !s.ok()) return s;
  if (step.kind == "expect" && b.contains("requests"))
    return check_requests_expectation(b["requests"]);
  return {};
}

}  // namespace opsreg::scenarios
