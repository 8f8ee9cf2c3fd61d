// The register procedure's order of steps (docs/register.md §2): stack and provisioning
// parameters (and the EC2 instance, ec2_instance.cc), hostname uniqueness, names and address,
// IAM (iam_entities.cc), the script on the target, and the lookup of the instance the agent
// registered.
#include "core/register/procedure.h"

#include <unistd.h>

#include <algorithm>

#include "core/register/preconfig.h"
#include "core/register/remote_script.h"
#include "core/register/run_context.h"

namespace opsreg::registration {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string system_hostname() {
  char buf[256] = {};
  return gethostname(buf, sizeof buf - 1) == 0 ? std::string(buf) : std::string();
}

// Steps 1 and 2: the stack and its provisioning parameters.
bool retrieve_stack(RunContext& run) {
  clients::OpsWorksClient& ow = *run.deps.opsworks;
  run.begin("describe-stack");
  auto stacks = ow.describe_stacks({run.args.stack_id});
  if (!stacks.ok()) {
    run.fail(stacks.error());
    return false;
  }
  if (stacks->empty()) {
    run.fail(aws::make_error("ResourceNotFoundException",
                             "Unable to find stack with ID " + run.args.stack_id, 400));
    return false;
  }
  run.stack = stacks->front();
  run.report.outcome.stack_id = run.stack.stack_id;
  run.report.outcome.stack_name = run.stack.name;
  run.finish(run.stack.name + " (" + run.stack.stack_id + ") in " + run.stack.region);

  run.begin("describe-provisioning-parameters");
  auto params = ow.describe_stack_provisioning_parameters(run.stack.stack_id);
  if (!params.ok()) {
    run.fail(params.error());
    return false;
  }
  run.provisioning = *params;
  run.finish("agent installer " + run.provisioning.agent_installer_url);
  if (run.args.ec2() && !run.args.local) return find_ec2_instance(run);
  return true;
}

// Steps 4 and 5: the override hostname must be new in the stack.
bool validate_with_stack(RunContext& run) {
  if (run.args.override_hostname) {
    run.begin("check-hostname");
    clients::DescribeInstancesFilter filter;
    filter.stack_id = run.stack.stack_id;
    auto instances = run.deps.opsworks->describe_instances(filter);
    if (!instances.ok()) {
      run.fail(instances.error());
      return false;
    }
    std::string wanted = lower(*run.args.override_hostname);
    for (const auto& i : *instances) {
      if (lower(i.hostname) == wanted) {
        run.fail(aws::make_error("HostnameInUse",
                                 "Invalid hostname: '" + *run.args.override_hostname +
                                     "'. Hostnames must be unique within a stack.",
                                 0),
                 "choose another --override-hostname");
        return false;
      }
    }
    run.finish(*run.args.override_hostname + " is free in the stack");
  }
  if (run.args.ec2() && run.args.local) return check_instance_region(run);
  return true;
}

// Step 6: where to connect and the name the IAM user carries.
bool determine_details(RunContext& run) {
  if (run.args.ec2() && !run.args.local) {
    if (!choose_ec2_address(run)) return false;
  } else if (!run.args.local) {
    run.address = run.args.target.value_or("");
  }
  run.report.outcome.address = run.address;
  if (run.args.override_hostname) {
    run.use_hostname = *run.args.override_hostname;
    run.name_for_iam = *run.args.override_hostname;
  } else if (run.args.local) {
    run.name_for_iam = run.deps.local_hostname ? run.deps.local_hostname() : system_hostname();
  } else {
    run.name_for_iam = run.args.target.value_or("");
  }
  return true;
}

// Step 8: the script with the preconfig, on the target.
bool setup_target(RunContext& run) {
  PreconfigInput in;
  in.stack_id = run.stack.stack_id;
  in.parameters = run.provisioning.parameters;
  if (!run.report.outcome.access_key_id.empty()) {
    in.access_key_id = run.report.outcome.access_key_id;
    in.secret_access_key = run.secret_access_key;
  }
  if (!run.use_hostname.empty()) in.hostname = run.use_hostname;
  in.private_ip = run.args.override_private_ip;
  in.public_ip = run.args.override_public_ip;
  in.import = run.args.ec2();
  PreconfigValues values = preconfig_values(in);
  RemoteScriptInput script;
  script.agent_installer_url = run.provisioning.agent_installer_url;
  script.preconfig = render_preconfig(values);
  auto bucket = run.provisioning.parameters.find("assets_download_bucket");
  script.assets_download_bucket = bucket == run.provisioning.parameters.end() ? "" : bucket->second;
  run.debug("Using pre-config: " + render_preconfig(redacted(values)));

  run.begin("setup-target");
  auto runner = run.deps.target(run.address);
  if (!runner.ok()) {
    run.fail(runner.error());
    return false;
  }
  run.debug("Running the installer through " + (*runner)->describe() + ":\n" +
            redacted_script(script));
  auto status = (*runner)->run(render_remote_script(script));
  if (!status.ok()) {
    run.fail(status.error());
    return false;
  }
  if (*status != 0) {
    run.fail(aws::make_error("RemoteScriptFailed",
                             "the registration script exited with status " +
                                 std::to_string(*status) + " on " + (*runner)->describe(),
                             0),
             "see the output above and the agent's log on the target "
             "(/var/log/aws/opsworks/opsworks-agent.log)");
    return false;
  }
  run.finish((*runner)->describe() + ": installer ran, exit status 0");
  return true;
}

// After the script: the instance the agent registered (RegisteredBy = our user, or the
// override hostname). Being unable to look is a warning, not a failure.
bool find_instance(RunContext& run) {
  Outcome& out = run.report.outcome;
  run.begin("find-instance");
  clients::DescribeInstancesFilter filter;
  filter.stack_id = run.stack.stack_id;
  auto instances = run.deps.opsworks->describe_instances(filter);
  if (!instances.ok()) {
    out.warnings.push_back("could not look up the registered instance: " + instances.error().code +
                           ": " + instances.error().message);
    run.finish("not looked up (" + instances.error().code + ")");
    return true;
  }
  const clients::Instance* found = nullptr;
  for (const auto& i : *instances) {
    bool by_user = !out.iam_user_arn.empty() && i.registered_by == out.iam_user_arn;
    bool by_name = !run.use_hostname.empty() && lower(i.hostname) == lower(run.use_hostname);
    bool by_ec2 = !out.ec2_instance_id.empty() && i.ec2_instance_id == out.ec2_instance_id;
    if (by_user || by_ec2 || (out.iam_user_arn.empty() && by_name)) found = &i;
  }
  if (!found) {
    run.fail(
        aws::make_error("InstanceNotRegistered",
                        "the installer finished but stack " + run.stack.stack_id +
                            " has no instance registered by " +
                            (!out.iam_user_arn.empty()      ? out.iam_user_arn
                             : !out.ec2_instance_id.empty() ? "EC2 instance " + out.ec2_instance_id
                                                            : run.use_hostname),
                        0),
        "see the agent's log on the target (/var/log/aws/opsworks/opsworks-agent.log)");
    return false;
  }
  out.instance_id = found->instance_id;
  out.hostname = found->hostname;
  run.finish(out.instance_id + " " + out.hostname + " " + found->status);
  return true;
}

}  // namespace

void RunContext::begin(std::string step) {
  step_ = std::move(step);
  started_ = std::chrono::steady_clock::now();
}

void RunContext::finish(const std::string& detail) {
  auto took = std::chrono::steady_clock::now() - started_;
  if (deps.step_timing) deps.step_timing(step_, took);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
  if (deps.progress) deps.progress(step_ + ": " + detail + " (" + std::to_string(ms) + " ms)");
}

void RunContext::fail(const aws::Error& error, std::string hint) {
  Failure f;
  f.step = step_;
  f.error = error;
  f.left_behind = left_behind();
  f.hint = std::move(hint);
  if (f.hint.empty() && !f.left_behind.empty())
    f.hint = "delete them (keys, policies and group membership first) or keep them for a retry";
  auto took = std::chrono::steady_clock::now() - started_;
  if (deps.step_timing) deps.step_timing(step_, took);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(took).count();
  if (deps.progress)
    deps.progress(step_ + ": FAILED " + error.code + " (" + std::to_string(ms) + " ms)");
  report.failure = std::move(f);
}

std::vector<std::string> RunContext::left_behind() const {
  std::vector<std::string> out;
  const Outcome& o = report.outcome;
  if (user_created) {
    std::string u = "IAM user " + o.iam_user_name + " (" + o.iam_user_arn + ")";
    if (in_group) u += ", member of " + o.iam_group;
    if (!policy.empty()) u += ", with " + policy;
    if (!o.access_key_id.empty()) u += ", with access key " + o.access_key_id;
    out.push_back(u);
  }
  if (group_created) out.push_back("IAM group " + o.iam_group + " (created by this run)");
  return out;
}

std::string Failure::message() const {
  std::string m = "step " + step + " failed: " + (error.code.empty() ? "Error" : error.code) +
                  ": " + error.message;
  if (!left_behind.empty()) {
    m += "\nIAM entities left behind:";
    for (const auto& e : left_behind) m += "\n  - " + e;
  } else {
    m += "\nNo IAM entities were left behind.";
  }
  if (!hint.empty()) m += "\nWhat to do: " + hint;
  return m;
}

nlohmann::json Outcome::to_json() const {
  nlohmann::json j = nlohmann::json::object();
  auto put = [&](const char* k, const std::string& v) {
    if (!v.empty()) j[k] = v;
  };
  put("InstanceId", instance_id);
  put("Hostname", hostname);
  put("StackId", stack_id);
  put("Ec2InstanceId", ec2_instance_id);
  put("IamUserName", iam_user_name);
  put("IamUserArn", iam_user_arn);
  put("IamGroupName", iam_group);
  put("AccessKeyId", access_key_id);
  if (!iam_user_name.empty())
    j["Policy"] = inline_policy ? "inline:OpsWorks-Instance"
                                : "arn:aws:iam::aws:policy/AWSOpsWorksInstanceRegistration";
  if (!warnings.empty()) j["Warnings"] = warnings;
  return j;
}

Report run_register(const Arguments& args, const ProcedureDeps& deps) {
  RunContext run(args, deps);
  if (!retrieve_stack(run) || !validate_with_stack(run)) return run.report;
  if (!determine_details(run)) return run.report;
  run.report.outcome.hostname = run.use_hostname;
  if (args.use_instance_profile) {
    run.debug("Skipping IAM entity creation");
  } else if (!create_iam_entities(run)) {
    return run.report;
  }
  if (!setup_target(run) || !find_instance(run)) return run.report;
  return run.report;
}

}  // namespace opsreg::registration
