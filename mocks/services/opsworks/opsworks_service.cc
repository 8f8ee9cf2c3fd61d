// The OpsWorks service on the shared JSON 1.1 base: its target prefix and its operations,
// registered by each entity file (stacks.cc, layers.cc, instances.cc, volumes.cc,
// elastic_ips.cc, service_errors.cc, agent.cc).
#include "mocks/services/opsworks/opsworks_service.h"

#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"

namespace opsreg::mocks::opsworks {

std::unique_ptr<Service> make_service() {
  JsonOperations ops;
  add_stack_operations(ops);
  add_layer_operations(ops);
  add_instance_operations(ops);
  add_volume_operations(ops);
  add_elastic_ip_operations(ops);
  add_service_error_operations(ops);
  add_agent_operations(ops);
  return std::make_unique<JsonService>("opsworks", "OpsWorks_20130218", std::move(ops));
}

}  // namespace opsreg::mocks::opsworks
