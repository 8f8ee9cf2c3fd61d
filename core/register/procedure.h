// The `aws opsworks register` procedure (docs/register.md §2, steps 1–8) for on-premises and EC2
// targets and --local: look up the stack (and the EC2 instance), check the hostname (and the
// region), make the IAM entities, run the script on the target, then find the registered
// instance. One progress line per step with its time.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clients/ec2_client.h"
#include "core/clients/iam_client.h"
#include "core/clients/opsworks_client.h"
#include "core/clock/clock.h"
#include "core/config/instance_metadata.h"
#include "core/register/arguments.h"
#include "core/register/target.h"

namespace opsreg::registration {

// What a successful registration made.
struct Outcome {
  std::string stack_id;
  std::string stack_name;
  std::string hostname;         // the registered instance's (else the override, else "")
  std::string instance_id;      // "" when the instance could not be looked up
  std::string ec2_instance_id;  // EC2: the instance TARGET named (or --local's own)
  std::string address;          // where the script ran ("" with --local)
  std::string iam_user_name, iam_user_arn, iam_group;  // empty with --use-instance-profile
  std::string access_key_id;                           // the agent's key id (never the secret)
  bool inline_policy = false;  // AttachUserPolicy was denied: the 15-minute inline policy
  std::vector<std::string> warnings;

  // {"InstanceId", "Hostname", "StackId", "Ec2InstanceId", "IamUserName", "IamUserArn",
  // "IamGroupName",
  //  "AccessKeyId", "Policy"} — members with no value are left out.
  nlohmann::json to_json() const;
};

// A step that failed: which, the AWS (or SSH) error, and the IAM entities this run created
// that are still there.
struct Failure {
  std::string step;  // e.g. "iam-attach-policy"
  aws::Error error;
  std::vector<std::string> left_behind;  // "IAM user OpsWorks-S-h (arn:...)", ...
  std::string hint;                      // what to do, when there is something to say

  // "step iam-create-user failed: AccessDenied: User: ... is not authorized ...\n
  //  IAM entities left behind: ...". Never holds a secret.
  std::string message() const;
};

struct Report {
  Outcome outcome;  // filled as far as the run got
  std::optional<Failure> failure;
  bool ok() const { return !failure; }
};

struct ProcedureDeps {
  clients::OpsWorksClient* opsworks = nullptr;  // required
  clients::IamClient* iam = nullptr;            // required unless --use-instance-profile
  const Clock* clock = nullptr;  // the 15-minute policy's "now"; null: the system clock
  // The runner that reaches `address` (make_target_runner in production; tests inject).
  std::function<Result<std::unique_ptr<TargetRunner>>(const std::string& address)> target;
  std::function<void(const std::string& line)> progress;  // one line per step; may be empty
  std::function<void(const std::string& line)> debug;     // --debug lines; may be empty
  // Each step's name and exact time as it finishes or fails (benchmarks); may be empty.
  std::function<void(const std::string& step, std::chrono::nanoseconds took)> step_timing;
  // This machine's hostname (the IAM name with --local and no override); default gethostname.
  std::function<std::string()> local_hostname;
  // EC2 without --local: an EC2 client in `region` (the stack's region, as the AWS CLI makes
  // it: no --endpoint-url). Required then.
  std::function<Result<clients::Ec2Client>(const std::string& region)> ec2;
  // EC2 with --local: this machine's instance identity document. Default: the metadata
  // service of the process environment (AWS_EC2_METADATA_SERVICE_ENDPOINT, ...).
  std::function<Result<config::IdentityDocument>()> identity_document;
};

// Runs the whole procedure. `args` must have passed validate().
Report run_register(const Arguments& args, const ProcedureDeps& deps);

// The inline policy of the AccessDenied fallback: RegisterInstance on `stack_arn` until
// `valid_until` (DateLessThan aws:CurrentTime, "%Y-%m-%dT%H:%M:%SZ").
std::string inline_policy_document(const std::string& stack_arn, TimePoint valid_until);

}  // namespace opsreg::registration
