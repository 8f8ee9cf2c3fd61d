// AgentInitialSetup: opsreg's model of the agent's initial setup call (docs/register.md §3).
// AWS never published the agent<->service channel; this operation stands for it.
//
// Request  {"InstanceId", "Mounts": [{"Device", "MountPoint"}]}  (the agent's /proc/mounts)
// Response {"Status", "HostsFile", "RegisteredVolumes": [Volume], "RegisteredElasticIps":
//           [ElasticIp], "ServiceError": ServiceError (only when setup failed)}
//
// The call is checked for its signature and credentials only (the edge does that), never
// against IAM policy: the agent holds whatever key registered it. The instance must exist and
// be a registered one. The service then overwrites the host's /etc/hosts (HostsFile), checks
// the reserved mount points (/var/www and the layers' VolumeConfigurations) for the instance's
// EC2 volumes, registers the harmless ones and the instance's Elastic IPs with the stack, and
// sets the status: "registered", "online" when the instance is in a layer, or "setup_failed"
// with a ServiceError of type "setup" (OpsWorksModel::initial_setup).
#include "mocks/opsworks/render_resources.h"
#include "mocks/opsworks/world_ec2.h"
#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace ji = json_input;

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

}  // namespace opsreg::mocks::opsworks
