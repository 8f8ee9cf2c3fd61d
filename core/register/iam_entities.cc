// Step 7 of the procedure: the stack's IAM group, the instance's user under /AWS/OpsWorks/
// with its +N alternatives, membership, the registration policy (or the 15-minute inline
// policy when attaching is denied) and the agent's access key.
#include "core/clock/time_format.h"
#include "core/register/naming.h"
#include "core/register/run_context.h"

namespace opsreg::registration {

std::string inline_policy_document(const std::string& stack_arn, TimePoint valid_until) {
  nlohmann::json arn = stack_arn;
  nlohmann::json until = format_iso8601(valid_until);
  // json.dumps of the reference's dicts: its key order and ", " / ": " separators.
  return "{\"Statement\": [{\"Action\": \"opsworks:RegisterInstance\", \"Effect\": \"Allow\", "
         "\"Resource\": " +
         arn.dump() + ", \"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": " + until.dump() +
         "}}}], \"Version\": \"2012-10-17\"}";
}

bool create_iam_entities(RunContext& run) {
  Outcome& out = run.report.outcome;
  clients::IamClient& iam = *run.deps.iam;
  const std::string path(kIamPath);

  out.iam_group = group_name(run.stack.stack_id);
  run.begin("iam-create-group");
  auto group = iam.create_group(out.iam_group, path);
  if (!group.ok() && !group.error().is("EntityAlreadyExists")) {
    run.fail(group.error());
    return false;
  }
  run.group_created = group.ok();
  run.finish(out.iam_group + (group.ok() ? " created" : " exists"));

  run.begin("iam-create-user");
  std::string base = base_user_name(run.stack.name, run.name_for_iam);
  for (int attempt = 0;; ++attempt) {
    if (attempt == kUserNameTries) {
      run.fail(aws::make_error("EntityAlreadyExists", std::string(kNoUnusedUserName), 409));
      return false;
    }
    std::string name = user_name_attempt(base, attempt);
    auto user = iam.create_user(name, path);
    if (user.ok()) {
      out.iam_user_name = user->user_name;
      out.iam_user_arn = user->arn;
      run.user_created = true;
      break;
    }
    if (!user.error().is("EntityAlreadyExists")) {
      run.fail(user.error());
      return false;
    }
    run.debug("IAM user " + name + " already exists, trying another name");
  }
  run.finish(out.iam_user_arn);

  run.begin("iam-add-user-to-group");
  if (Status s = iam.add_user_to_group(out.iam_group, out.iam_user_name); !s.ok()) {
    run.fail(s.error());
    return false;
  }
  run.in_group = true;
  run.finish(out.iam_user_name + " in " + out.iam_group);

  run.begin("iam-attach-policy");
  Status attached = iam.attach_user_policy(out.iam_user_name, std::string(kIamPolicyArn));
  if (attached.ok()) {
    run.policy = "managed policy " + std::string(kIamPolicyArn);
    run.finish(std::string(kIamPolicyArn));
  } else if (attached.error().is("AccessDenied")) {
    run.debug("Unauthorized to attach policy " + std::string(kIamPolicyArn) + " to user " +
              out.iam_user_name + ". Trying to put user policy");
    TimePoint now = run.deps.clock ? run.deps.clock->now() : std::chrono::system_clock::now();
    TimePoint until = now + std::chrono::minutes(15);
    Status put = iam.put_user_policy(out.iam_user_name, std::string(kIamUserPolicyName),
                                     inline_policy_document(run.stack.arn, until));
    if (!put.ok()) {
      run.fail(put.error());
      return false;
    }
    run.policy = "inline policy " + std::string(kIamUserPolicyName);
    out.inline_policy = true;
    run.finish("AttachUserPolicy denied; inline policy " + std::string(kIamUserPolicyName) +
               " allows RegisterInstance until " + format_iso8601(until));
  } else {
    run.fail(attached.error());
    return false;
  }

  run.begin("iam-create-access-key");
  auto key = iam.create_access_key(out.iam_user_name);
  if (!key.ok()) {
    run.fail(key.error());
    return false;
  }
  out.access_key_id = key->access_key_id;
  run.secret_access_key = key->secret_access_key;
  run.finish(out.access_key_id);
  return true;
}

}  // namespace opsreg::registration
