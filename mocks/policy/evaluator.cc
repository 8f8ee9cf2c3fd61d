// Policy evaluation (skeleton: filled in by the policy work).
#include "mocks/policy/evaluator.h"

namespace opsreg::mocks::policy {
Decision evaluate(std::span<const PolicyPtr>, const AuthzRequest&) {
  return Decision::kImplicitDeny;
}
}  // namespace opsreg::mocks::policy
