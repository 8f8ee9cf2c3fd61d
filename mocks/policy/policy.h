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

// One `"Operator": {"key": values}` entry of a Condition block, flattened: a block with two
// keys becomes two Conditions. Evaluated by conditions.h.
struct Condition {
  std::string op;                   // as written: "ForAnyValue:StringLikeIfExists"
  std::string key;                  // lowercase: "aws:currenttime"
  std::vector<std::string> values;  // JSON numbers and booleans as their text
};

struct Statement {
  std::string sid;
  bool allow = false;                // Effect: Allow / Deny
  std::vector<std::string> actions;  // Action or NotAction patterns, e.g. "iam:Get*"
  bool not_action = false;
  std::vector<std::string> resources;  // Resource or NotResource ARN patterns
  bool not_resource = false;
  nlohmann::json condition;           // {"DateLessThan": {"aws:CurrentTime": "..."}}, or null
  std::vector<Condition> conditions;  // `condition`, flattened; all must hold
};

struct Policy {
  std::string version;  // "2012-10-17", "2008-10-17", or empty when absent
  std::vector<Statement> statements;
  // Policy variables (${aws:username}) are expanded only in version 2012-10-17 policies;
  // older ones treat them as literal text, as AWS does.
  bool expands_variables() const { return version == "2012-10-17"; }
};

using PolicyPtr = std::shared_ptr<const Policy>;

// Inline policies (PutUserPolicy, PutGroupPolicy) accept the legacy version 2008-10-17 or
// none; managed policies (CreatePolicy, CreatePolicyVersion) require 2012-10-17.
enum class PolicyKind { kInline, kManaged };

// Parses a policy document as IAM does on PutUserPolicy (kInline) or CreatePolicy
// (kManaged). Errors are MalformedPolicyDocument (HTTP 400) with IAM's message. Size limits
// are the caller's business.
Result<PolicyPtr> parse_policy(std::string_view document, PolicyKind kind = PolicyKind::kInline);

}  // namespace opsreg::mocks::policy
