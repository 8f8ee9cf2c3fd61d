// A role's trust policy (AssumeRolePolicyDocument): IAM's checks on CreateRole and the
// decision STS AssumeRole takes from it. Conditions are not evaluated (a statement with a
// Condition never grants), NotPrincipal never matches.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace opsreg::mocks::iam {

// IAM's quota on a trust policy: 2,048 characters, white space not counted.
inline constexpr size_t kTrustPolicyQuota = 2048;

// Checks `document` in IAM's order: JSON ("This policy contains invalid Json"), shape ("Syntax
// errors in policy."), each statement's fields ("Has prohibited field Resource", "Missing
// required field Principal", 'Invalid principal in policy: "AWS":"X"'), then the quota
// (LimitExceeded "Cannot exceed quota for ACLSizePerRole: 2048"). `principal_exists` says
// whether a user or role ARN of `account_id` named as an AWS principal exists (IAM refuses
// principals it cannot resolve).
Status check_trust_policy(std::string_view document, std::string_view account_id,
                          const std::function<bool(std::string_view arn)>& principal_exists);

enum class TrustDecision {
  kNone,       // no statement allows the caller
  kAccount,    // allowed because it trusts the caller's account: the caller's own identity
               // policies must also allow the action
  kPrincipal,  // allowed by name (or "*"): enough on its own
  kDenied,     // an explicit Deny matches
};

// What the trust policy `document` (already checked) says about `action` ("sts:AssumeRole")
// for a caller of `account_id` known by `caller_arns` (its ARN and, for a role session, the
// role's ARN).
TrustDecision evaluate_trust(std::string_view document, std::string_view action,
                             std::string_view account_id,
                             const std::vector<std::string>& caller_arns);

}  // namespace opsreg::mocks::iam
