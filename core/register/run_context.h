// Internal to the procedure: the state one registration run carries between its steps (what
// it learnt, what IAM entities it made) and the timed progress line of each step.
#pragma once

#include <chrono>
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

// Step 7: the IAM group, user (+N), membership, policy (with the inline fallback) and key.
// Returns false after recording a failure.
bool create_iam_entities(RunContext& run);

}  // namespace opsreg::registration
