// One function per OpsWorks operation, grouped by entity in handlers_{stacks,layers,instances,
// volumes,elastic_ips,service_errors}.cc and agent_*.cc; handlers.cc registers them. Each
// reads its request, authorizes "opsworks:<Operation>" on the stack's ARN (or "*" when no
// stack is named) and renders its result in the model's shapes.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "mocks/services/service.h"

namespace opsreg::mocks::opsworks {

using Json = nlohmann::json;

// Authorizes `action` on the ARN of stack `stack_id` (ResourceNotFoundException first when
// the stack does not exist).
Status authorize_on_stack(CallContext& ctx, std::string_view action, std::string_view stack_id);

Result<Json> create_stack(const Json& in, CallContext& ctx);
Result<Json> describe_stacks(const Json& in, CallContext& ctx);
Result<Json> delete_stack(const Json& in, CallContext& ctx);
Result<Json> describe_stack_provisioning_parameters(const Json& in, CallContext& ctx);

Result<Json> create_layer(const Json& in, CallContext& ctx);
Result<Json> describe_layers(const Json& in, CallContext& ctx);
Result<Json> delete_layer(const Json& in, CallContext& ctx);

Result<Json> register_instance(const Json& in, CallContext& ctx);
Result<Json> describe_instances(const Json& in, CallContext& ctx);
Result<Json> assign_instance(const Json& in, CallContext& ctx);
Result<Json> unassign_instance(const Json& in, CallContext& ctx);
Result<Json> deregister_instance(const Json& in, CallContext& ctx);
Result<Json> describe_commands(const Json& in, CallContext& ctx);

Result<Json> register_volume(const Json& in, CallContext& ctx);
Result<Json> deregister_volume(const Json& in, CallContext& ctx);
Result<Json> update_volume(const Json& in, CallContext& ctx);
Result<Json> describe_volumes(const Json& in, CallContext& ctx);
Result<Json> register_elastic_ip(const Json& in, CallContext& ctx);
Result<Json> deregister_elastic_ip(const Json& in, CallContext& ctx);
Result<Json> describe_elastic_ips(const Json& in, CallContext& ctx);
Result<Json> describe_service_errors(const Json& in, CallContext& ctx);

// The agent channel (our model; agent_setup.cc): signature-checked, never policy-checked.
Result<Json> agent_initial_setup(const Json& in, CallContext& ctx);

}  // namespace opsreg::mocks::opsworks
