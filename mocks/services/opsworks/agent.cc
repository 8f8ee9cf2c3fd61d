// The agent's channel to OpsWorks (our model; AWS never published it): AgentInitialSetup and
// AgentContact, checked by the edge for their signature and credentials only, never by policy.
//
// AgentInitialSetup (docs/register.md §3):
// Request  {"InstanceId", "Mounts": [{"Device", "MountPoint"}]}  (the agent's /proc/mounts)
// Response {"Status", "HostsFile", "RegisteredVolumes": [Volume], "RegisteredElasticIps":
//           [ElasticIp], "ServiceError": ServiceError (only when setup failed)}
// The agent holds whatever key registered it. The instance must exist and be a registered one.
// The service then overwrites the host's /etc/hosts (HostsFile), checks the reserved mount points
// (/var/www and the layers' VolumeConfigurations) for the instance's EC2 volumes, registers the
// harmless ones and the instance's Elastic IPs with the stack, and sets the status: "registered",
// "online" when the instance is in a layer, or "setup_failed" with a ServiceError of type "setup"
// (OpsWorksModel::initial_setup).
//
// AgentContact (docs/agent.md): {"InstanceId"} -> {"Status"}, the simulated agent's periodic
// "I am alive", which keeps its instance from reading as connection_lost. It records a good
// contact and returns the instance's status as it now reads. The edge has already refused an
// unknown, deleted or inactive key (so no contact is recorded then); no IAM policy is evaluated
// (docs/agent.md, Contacts: a contact needs valid credentials only). Errors:
// ValidationException (no InstanceId), ResourceNotFoundException.
#include "mocks/opsworks/render_resources.h"
#include "mocks/opsworks/world_ec2.h"
#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace ji = json_input;

namespace {

Result<Json> agent_initial_setup(const Json& in, CallContext& ctx) {
  auto instance_id = ji::required_string(in, "InstanceId");
  if (!instance_id.ok()) return instance_id.error();
  auto mounts_json = ji::optional_array(in, "Mounts");
  if (!mounts_json.ok()) return mounts_json.error();
  std::vector<ReportedMount> mounts;
  if (*mounts_json) {
    for (const Json& m : **mounts_json) {
      if (!m.is_object()) return invalid("Mounts must be a list of {Device, MountPoint}");
      auto device = ji::required_string(m, "Device");
      if (!device.ok()) return device.error();
      auto mount_point = ji::required_string(m, "MountPoint");
      if (!mount_point.ok()) return mount_point.error();
      mounts.push_back({*device, *mount_point});
    }
  }
  OpsWorksModel& model = ctx.world().opsworks();
  auto inst = model.instance(*instance_id);
  if (!inst.ok()) return inst.error();
  auto outcome = model.initial_setup(*instance_id, mounts,
                                     ec2_volumes_of(ctx.world().hosts(), inst->ec2_instance_id),
                                     ec2_addresses_of(ctx.world().hosts(), inst->ec2_instance_id));
  if (!outcome.ok()) return outcome.error();
  Json out = {{"Status", outcome->status},
              {"HostsFile", outcome->hosts_file},
              {"RegisteredVolumes", Json::array()},
              {"RegisteredElasticIps", Json::array()}};
  for (const Volume& v : outcome->registered_volumes)
    out["RegisteredVolumes"].push_back(to_json(v));
  for (const ElasticIp& e : outcome->registered_elastic_ips)
    out["RegisteredElasticIps"].push_back(to_json(e));
  if (outcome->service_error) out["ServiceError"] = to_json(*outcome->service_error);
  return out;
}

Result<Json> agent_contact(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "InstanceId");
  if (!id.ok()) return id.error();
  // No ctx.authorize: valid credentials (checked by the edge) are all a contact needs.
  Result<Instance> inst = ctx.world().opsworks().record_agent_contact(*id);
  if (!inst.ok()) return inst.error();
  return Json{{"Status", inst->status}};
}

}  // namespace

void add_agent_operations(JsonOperations& ops) {
  ops.add("AgentInitialSetup", agent_initial_setup);
  ops.add("AgentContact", agent_contact);
}

}  // namespace opsreg::mocks::opsworks
