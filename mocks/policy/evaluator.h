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

Decision evaluate(std::span<const PolicyPtr> policies, const AuthzRequest& request);

}  // namespace opsreg::mocks::policy
