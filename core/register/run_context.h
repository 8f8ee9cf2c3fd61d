// Internal to the procedure: the state one registration run carries between its steps (what
// it learnt, what IAM entities it made) and the timed progress line of each step.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/clients/opsworks_client.h"
#include "core/register/procedure.h"

namespace opsreg::registration {

class RunContext {
 public:
  RunContext(const Arguments& args, const ProcedureDeps& deps) : args(args), deps(deps) {}

  const Arguments& args;
  const ProcedureDeps& deps;
  Report report;

  clients::Stack stack;
  clients::ProvisioningParameters provisioning;
  std::string address;       // where to connect (on-premises: TARGET)
  std::string use_hostname;  // the override hostname, or ""
  std::string name_for_iam;
  std::string secret_access_key;  // from CreateAccessKey; only ever put in the preconfig
  std::optional<clients::Ec2Instance> ec2_instance;  // EC2 without --local: TARGET's instance

  // What this run created in IAM, for the "left behind" list of a failure.
  bool group_created = false;
  bool user_created = false;
  bool in_group = false;
  std::string policy;  // "managed policy ARN" or "inline policy NAME" once put

  // Starts timing a step; finish() prints "name: detail (N ms)"; fail() records the failure.
  void begin(std::string step);
  void finish(const std::string& detail);
  void fail(const aws::Error& error, std::string hint = "");
  void debug(const std::string& line) const {
    if (deps.debug) deps.debug(line);
  }
  bool failed() const { return report.failure.has_value(); }

 private:
  std::vector<std::string> left_behind() const;
  std::string step_;
  std::chrono::steady_clock::time_point started_;
};

// Step 3 (EC2, not --local): DescribeInstances in the stack's region with the VPC rule, then
// exactly one instance matching TARGET (id, private or public IPv4, Name tag). Sets
// `ec2_instance` (and `address` when TARGET is an IP). Returns false after recording a failure.
bool find_ec2_instance(RunContext& run);

// Step 5 (EC2 with --local): the identity document's region must be the stack's.
bool check_instance_region(RunContext& run);

// Step 6 for EC2 without --local: TARGET's IP when it was one, else the public IP, else the
// private IP (with the reference's warning). Returns false after recording a failure.
bool choose_ec2_address(RunContext& run);

// Step 7: the IAM group, user (+N), membership, policy (with the inline fallback) and key.
// Returns false after recording a failure.
bool create_iam_entities(RunContext& run);

}  // namespace opsreg::registration
