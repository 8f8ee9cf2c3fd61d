// AgentContact: the simulated agent's periodic contact, recorded without an IAM policy check.
#include "mocks/services/opsworks/agent_contact.h"

#include "mocks/services/json_service.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

Result<nlohmann::json> agent_contact(const nlohmann::json& in, CallContext& ctx) {
  auto id = json_input::required_string(in, "InstanceId");
  if (!id.ok()) return id.error();
  // No ctx.authorize: valid credentials (checked by the edge) are all a contact needs.
  Result<Instance> inst = ctx.world().opsworks().record_agent_contact(*id);
  if (!inst.ok()) return inst.error();
  return nlohmann::json{{"Status", inst->status}};
}

}  // namespace opsreg::mocks::opsworks
