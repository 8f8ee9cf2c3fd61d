// An IAM policy document, parsed once when it is stored (inline, managed or from a world
// file) and evaluated on every request by evaluator.h.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace opsreg::mocks::policy {

struct Statement {
  std::string sid;
  bool allow = false;                // Effect: Allow / Deny
  std::vector<std::string> actions;  // Action or NotAction patterns, e.g. "iam:Get*"
  bool not_action = false;
  std::vector<std::string> resources;  // Resource or NotResource ARN patterns
  bool not_resource = false;
  nlohmann::json condition;  // {"DateLessThan": {"aws:CurrentTime": "..."}}, or null
};

struct Policy {
  std::string version;
  std::vector<Statement> statements;
};

using PolicyPtr = std::shared_ptr<const Policy>;

// Parses a policy document as IAM does on PutUserPolicy/CreatePolicy. Errors are
// MalformedPolicyDocument with IAM's message.
Result<PolicyPtr> parse_policy(std::string_view document);

}  // namespace opsreg::mocks::policy
