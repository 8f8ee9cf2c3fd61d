// IAM's checks on a policy document after its JSON syntax is known good, in IAM's order:
// version, legacy parsing (Effect case, Date values, resource shapes), Sids, presence of
// actions and resources, resource ARN formats, action vendor prefixes.
#pragma once

#include <string>
#include <vector>

#include "core/util/result.h"
#include "mocks/policy/policy.h"

namespace opsreg::mocks::policy {

// A statement as parsed, with what the checks need beyond the Statement itself.
struct ParsedStatement {
  Statement statement;
  std::string effect;  // as written; syntax already ensured it is Allow or Deny in some case
};

// The first problem IAM would report, as MalformedPolicyDocument, or ok.
Status check_policy(const Policy& policy, const std::vector<ParsedStatement>& statements,
                    PolicyKind kind);

aws::Error malformed(std::string message);

}  // namespace opsreg::mocks::policy
