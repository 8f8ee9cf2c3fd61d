// Policy parsing (skeleton: filled in by the policy work).
#include "mocks/policy/policy.h"

namespace opsreg::mocks::policy {
Result<PolicyPtr> parse_policy(std::string_view) {
  return aws::make_error("MalformedPolicyDocument", "not implemented yet");
}
}  // namespace opsreg::mocks::policy
