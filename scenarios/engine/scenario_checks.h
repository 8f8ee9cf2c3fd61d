// Checks of a scenario step's contents against what opsreg knows, made when the file loads so
// that a typo fails at once with the likely fix: a register step's members (the CLI's flags),
// a call's, a fault's or a requests count's operation (those the service's fake implements),
// an expected instance status (OpsWorks' statuses). Each error ("BadScenario") is the part after
// "step N (KIND): ".
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "scenarios/engine/scenario.h"

namespace opsreg::scenarios {

// The checks below that apply to `step`'s kind; a body of the wrong shape passes (the shape
// is checked apart, in scenario.cc).
Status check_step_names(const Step& step);

// The members a register step takes: the CLI's flags in snake case ("stack_id"), "target",
// and the scenario's own "on_host" and "ssh_password".
std::vector<std::string> register_members();

// `unknown member "host" (known: stack_id, …)` for a member that is not one of them (with
// `fleet`, a register_fleet body: "hosts" and "concurrency" are known too).
Status check_register_members(const nlohmann::json& register_body, bool fleet);

// What is wrong with a register_fleet body, "" when nothing is (the register flags among its
// members are checked as the register step's are).
std::string check_register_fleet(const nlohmann::json& body);

// A register_fleet body's register flags: every member but hosts, concurrency and ssh_password.
nlohmann::json register_fleet_flags(const nlohmann::json& body);

// `opsworks has no operation DescribeInstance in opsreg's fakes (did you mean
// 'DescribeInstances'?)` for a call to an operation the service's fake does not implement.
// S3 calls are checked against the S3 client instead (s3_call.h).
Status check_call_operation(const std::string& service, const std::string& operation);

// An expect step's instance status that is not an OpsWorks instance status, listing them.
Status check_instance_expectation(const nlohmann::json& instance);

// An expect step's requests count naming an operation the service's fake does not implement
// (it could never be counted).
Status check_requests_expectation(const nlohmann::json& requests);

// AWS fault rules (objects with "service"): an operation other than "*" that the service's fake
// does not implement.
Status check_fault_operations(const nlohmann::json& rules);

}  // namespace opsreg::scenarios
