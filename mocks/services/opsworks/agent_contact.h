// The AgentContact operation (our model of the agent's periodic call, docs/agent.md): the
// simulated agent's "I am alive", which keeps its instance from reading as connection_lost.
#pragma once

#include <nlohmann/json.hpp>

#include "mocks/services/service.h"

namespace opsreg::mocks::opsworks {

// {"InstanceId"} -> {"Status"}: records a good contact for the instance and returns its status
// as it now reads. The edge has already checked the signature and the credentials (unknown,
// deleted or inactive key: refused there, so no contact is recorded); unlike every other
// operation no IAM policy is evaluated (docs/agent.md, Contacts: a contact needs valid
// credentials only). Errors: ValidationException (no InstanceId), ResourceNotFoundException.
Result<nlohmann::json> agent_contact(const nlohmann::json& in, CallContext& ctx);

}  // namespace opsreg::mocks::opsworks
