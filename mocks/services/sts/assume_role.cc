// STS AssumeRole on the wire: parameter checks, the trust decision (the role's trust policy,
// then the caller's own policies), and the issued session's credentials.
#include <charconv>

#include "core/aws/xml_writer.h"
#include "core/clock/time_format.h"
#include "mocks/iam/errors.h"
#include "mocks/iam/trust_policy.h"
#include "mocks/services/query_service.h"
#include "mocks/services/sts/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::sts {

namespace {

constexpr int kMinDuration = 900;
constexpr int kMaxDuration = 43200;
constexpr int kRoleChainingMax = 3600;

using iam::validation_error;

Result<int> duration_seconds(const aws::QueryParams& params) {
  auto text = params.get("DurationSeconds");
  if (!text) return 3600;
  int n = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || end != text->data() + text->size() || text->empty())
    return validation_error(
        "1 validation error detected: Value '" + *text +
        "' at 'durationSeconds' failed to satisfy constraint: Member must be an "
        "integer");
  std::string bound;
  if (n < kMinDuration) bound = "greater than or equal to " + std::to_string(kMinDuration);
  if (n > kMaxDuration) bound = "less than or equal to " + std::to_string(kMaxDuration);
  if (!bound.empty())
    return validation_error("1 validation error detected: Value '" + *text +
                            "' at 'durationSeconds' failed to satisfy constraint: Member must have "
                            "value " +
                            bound);
  return n;
}

aws::Error not_authorized(const Principal& caller, std::string_view role_arn) {
  return aws::make_error(
      "AccessDenied",
      "User: " + caller.arn +
          " is not authorized to perform: sts:AssumeRole on resource: " + std::string(role_arn),
      403);
}

// The role an ARN of this account names (arn:aws:iam::ACCOUNT:role/PATH/NAME), if it exists.
std::optional<iam::Role> role_named_by(iam::IamModel& iam, std::string_view arn) {
  std::string prefix = "arn:aws:iam::" + iam.account_id() + ":role/";
  if (!arn.starts_with(prefix)) return std::nullopt;
  std::string_view name = arn.substr(arn.rfind('/') + 1);
  auto role = iam.get_role(name);
  if (!role.ok() || role->arn != arn) return std::nullopt;
  return *role;
}

// Returns the inner XML of <AssumeRoleResult>: the session's credentials and assumed role.
Result<std::string> assume_role(const aws::QueryParams& params, CallContext& ctx) {
  auto arn = required_param(params, "RoleArn");
  if (!arn.ok()) return arn.error();
  auto session_name = required_param(params, "RoleSessionName");
  if (!session_name.ok()) return session_name.error();
  if (arn->size() < 20)
    return validation_error("1 validation error detected: Value '" + *arn +
                            "' at 'roleArn' failed to satisfy constraint: Member must have length "
                            "greater than or equal to 20");
  auto duration = duration_seconds(params);
  if (!duration.ok()) return duration.error();
  const Principal& caller = ctx.caller().principal;
  if (caller.root)
    return aws::make_error("AccessDenied", "Roles may not be assumed by root accounts.", 403);

  iam::IamModel& iam = ctx.world().iam();
  std::optional<iam::Role> role = role_named_by(iam, *arn);
  if (!role) return not_authorized(caller, *arn);
  std::vector<std::string> caller_arns = {caller.arn};
  if (caller.is_role_session()) caller_arns.push_back(iam.role_arn_for(caller.role_name));
  switch (iam::evaluate_trust(role->assume_role_policy_document, "sts:AssumeRole", iam.account_id(),
                              caller_arns)) {
    case iam::TrustDecision::kNone:
    case iam::TrustDecision::kDenied:
      return not_authorized(caller, *arn);
    case iam::TrustDecision::kAccount:
      if (!ctx.authorize("sts:AssumeRole", role->arn).ok()) return not_authorized(caller, *arn);
      break;
    case iam::TrustDecision::kPrincipal:
      break;
  }
  if (caller.is_role_session() && *duration > kRoleChainingMax)
    return validation_error(
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role "
        "chaining.");
  if (*duration > role->max_session_duration)
    return validation_error(
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");

  auto session = iam.issue_role_session(role->role_name, *session_name, ctx.world().now(),
                                        std::chrono::seconds(*duration));
  if (!session.ok()) return session.error();
  aws::XmlWriter w(false);
  w.open("Credentials")
      .leaf("AccessKeyId", session->credentials.access_key_id)
      .leaf("SecretAccessKey", session->credentials.secret_access_key)
      .leaf("SessionToken", session->credentials.session_token)
      .leaf("Expiration", format_iso8601(session->expiration))
      .close();
  w.open("AssumedRoleUser")
      .leaf("AssumedRoleId", session->assumed_role_id)
      .leaf("Arn", session->assumed_role_arn)
      .close();
  return w.str();
}

}  // namespace

void add_assume_role_operations(QueryOperations& ops) { ops.add("AssumeRole", assume_role); }

}  // namespace opsreg::mocks::sts
