// IAM policy evaluation for identity-based policies: default deny, explicit deny wins,
// Action/NotAction and Resource/NotResource wildcards, and condition operators.
#pragma once

#include <map>
#include <span>
#include <string>

#include "core/clock/clock.h"
#include "mocks/policy/policy.h"

namespace opsreg::mocks::policy {

enum class Decision { kAllow, kImplicitDeny, kExplicitDeny };

struct AuthzRequest {
  std::string action;    // "iam:CreateUser"
  std::string resource;  // "arn:aws:iam::123456789012:user/x", or "*"
  TimePoint now;         // aws:CurrentTime (the world clock)
  // Other condition keys, lowercase names: "aws:username", "aws:userid",
  // "aws:principalarn", "aws:securetransport", "aws:sourceip", ...
  std::map<std::string, std::string> keys;
};

// The decision of the identity policies `policies` (null entries ignored) on `request`:
// kExplicitDeny when a matching Deny statement exists, else kAllow when a matching Allow
// exists, else kImplicitDeny. A statement matches when its Action/NotAction, its
// Resource/NotResource (policy variables expanded) and all its conditions do.
Decision evaluate(std::span<const PolicyPtr> policies, const AuthzRequest& request);

class RequestContext;
// Whether one statement matches (exposed for tests and the policy simulator).
bool statement_applies(const Statement& s, const RequestContext& ctx, bool expand_variables);

}  // namespace opsreg::mocks::policy
