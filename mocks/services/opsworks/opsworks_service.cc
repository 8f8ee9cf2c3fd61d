// The OpsWorks service: its operations registered on the shared JSON 1.1 base.
#include "mocks/services/opsworks/opsworks_service.h"

#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/agent_contact.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace {

class OpsWorksService final : public JsonService {
 public:
  OpsWorksService() : JsonService("opsworks", "OpsWorks_20130218") {
    add_operation("CreateStack", create_stack);
    add_operation("DescribeStacks", describe_stacks);
    add_operation("DeleteStack", delete_stack);
    add_operation("DescribeStackProvisioningParameters", describe_stack_provisioning_parameters);
    add_operation("CreateLayer", create_layer);
    add_operation("DescribeLayers", describe_layers);
    add_operation("DeleteLayer", delete_layer);
    add_operation("RegisterInstance", register_instance);
    add_operation("DescribeInstances", describe_instances);
    add_operation("AssignInstance", assign_instance);
    add_operation("UnassignInstance", unassign_instance);
    add_operation("DeregisterInstance", deregister_instance);
    add_operation("DescribeCommands", describe_commands);
    add_operation("RegisterVolume", register_volume);
    add_operation("DeregisterVolume", deregister_volume);
    add_operation("UpdateVolume", update_volume);
    add_operation("DescribeVolumes", describe_volumes);
    add_operation("RegisterElasticIp", register_elastic_ip);
    add_operation("DeregisterElasticIp", deregister_elastic_ip);
    add_operation("DescribeElasticIps", describe_elastic_ips);
    add_operation("DescribeServiceErrors", describe_service_errors);
    add_operation("AgentInitialSetup", agent_initial_setup);
    add_operation("AgentContact", agent_contact);
  }
};

}  // namespace

Status authorize_on_stack(CallContext& ctx, std::string_view action, std::string_view stack_id) {
  Result<Stack> stack = ctx.world().opsworks().stack(stack_id);
  if (!stack.ok()) return stack.error();
  return ctx.authorize(action, stack->arn);
}

std::unique_ptr<Service> make_service() { return std::make_unique<OpsWorksService>(); }

}  // namespace opsreg::mocks::opsworks
