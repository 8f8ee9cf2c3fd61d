// The OpsWorks wire folder's own header: one add_<entity>_operations per entity file, and what
// the handlers share. Each handler reads its request, authorizes "opsworks:<Operation>" on the
// stack's ARN (or "*" when no stack is named) and renders its result in the model's shapes.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "mocks/services/json_service.h"

namespace opsreg::mocks::opsworks {

using Json = nlohmann::json;

// Each registers its entity's handlers under their AWS operation names.
void add_stack_operations(JsonOperations& ops);          // stacks.cc
void add_layer_operations(JsonOperations& ops);          // layers.cc
void add_instance_operations(JsonOperations& ops);       // instances.cc
void add_volume_operations(JsonOperations& ops);         // volumes.cc
void add_elastic_ip_operations(JsonOperations& ops);     // elastic_ips.cc
void add_service_error_operations(JsonOperations& ops);  // service_errors.cc
void add_agent_operations(JsonOperations& ops);          // agent.cc (never policy-checked)

// Authorizes `action` on the ARN of stack `stack_id` (ResourceNotFoundException first when
// the stack does not exist).
Status authorize_on_stack(CallContext& ctx, std::string_view action, std::string_view stack_id);

}  // namespace opsreg::mocks::opsworks
