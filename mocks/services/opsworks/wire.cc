// What the OpsWorks handlers share: authorization on a stack's ARN, which every operation
// that names a stack, layer or instance uses.
#include "mocks/services/opsworks/wire.h"

#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

Status authorize_on_stack(CallContext& ctx, std::string_view action, std::string_view stack_id) {
  Result<Stack> stack = ctx.world().opsworks().stack(stack_id);
  if (!stack.ok()) return stack.error();
  return ctx.authorize(action, stack->arn);
}

}  // namespace opsreg::mocks::opsworks
