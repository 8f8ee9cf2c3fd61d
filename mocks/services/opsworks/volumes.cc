// RegisterVolume, DeregisterVolume, UpdateVolume and DescribeVolumes: the stack's EBS volumes,
// registered from the world's EC2 hosts.
#include <set>

#include "mocks/opsworks/render_resources.h"
#include "mocks/opsworks/world_ec2.h"
#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace ji = json_input;

namespace {

// The volume's stack, authorized for `action`.
Result<Volume> authorize_on_volume(CallContext& ctx, std::string_view action,
                                   const std::string& volume_id) {
  auto v = ctx.world().opsworks().registered_volume(volume_id);
  if (!v.ok()) return v.error();
  if (Status s = authorize_on_stack(ctx, action, v->stack_id); !s.ok()) return s.error();
  return *v;
}

Json render(const std::vector<Volume>& volumes) {
  Json out = Json::array();
  for (const Volume& v : volumes) out.push_back(to_json(v));
  return out;
}

Result<Json> register_volume(const Json& in, CallContext& ctx) {
  auto stack_id = ji::required_string(in, "StackId");
  if (!stack_id.ok()) return stack_id.error();
  auto ec2_id = ji::optional_string(in, "Ec2VolumeId");
  if (!ec2_id.ok()) return ec2_id.error();
  if (Status s = authorize_on_stack(ctx, "opsworks:RegisterVolume", *stack_id); !s.ok())
    return s.error();
  if (!*ec2_id) return invalid("Please provide an Amazon EBS volume ID (Ec2VolumeId)");
  auto ec2 = find_ec2_volume(ctx.world().hosts(), **ec2_id);
  if (!ec2) return not_found("volume", **ec2_id);
  auto v = ctx.world().opsworks().register_volume(*stack_id, *ec2);
  if (!v.ok()) return v.error();
  return Json{{"VolumeId", v->volume_id}};
}

Result<Json> deregister_volume(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "VolumeId");
  if (!id.ok()) return id.error();
  if (auto v = authorize_on_volume(ctx, "opsworks:DeregisterVolume", *id); !v.ok())
    return v.error();
  if (Status s = ctx.world().opsworks().deregister_volume(*id); !s.ok()) return s.error();
  return Json::object();
}

Result<Json> update_volume(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "VolumeId");
  if (!id.ok()) return id.error();
  auto name = ji::optional_string(in, "Name");
  if (!name.ok()) return name.error();
  auto mount_point = ji::optional_string(in, "MountPoint");
  if (!mount_point.ok()) return mount_point.error();
  if (auto v = authorize_on_volume(ctx, "opsworks:UpdateVolume", *id); !v.ok()) return v.error();
  if (Status s = ctx.world().opsworks().update_volume(*id, *name, *mount_point); !s.ok())
    return s.error();
  return Json::object();
}

// Exactly one of InstanceId, StackId, RaidArrayId and VolumeIds ("This call accepts only one
// resource-identifying parameter"; none is refused too, as DescribeInstances does). The fake
// makes no RAID arrays, so a RaidArrayId is never found.
Result<Json> describe_volumes(const Json& in, CallContext& ctx) {
  auto instance_id = ji::optional_string(in, "InstanceId");
  if (!instance_id.ok()) return instance_id.error();
  auto stack_id = ji::optional_string(in, "StackId");
  if (!stack_id.ok()) return stack_id.error();
  auto raid_id = ji::optional_string(in, "RaidArrayId");
  if (!raid_id.ok()) return raid_id.error();
  auto ids = ji::optional_string_list(in, "VolumeIds");
  if (!ids.ok()) return ids.error();
  bool has_ids = *ids && !(*ids)->empty();
  if (int(instance_id->has_value()) + int(stack_id->has_value()) + int(raid_id->has_value()) +
          int(has_ids) !=
      1)
    return invalid(
        "Please provide either one or more volume IDs or one instance ID or one stack ID or one "
        "RAID array ID");
  OpsWorksModel& model = ctx.world().opsworks();
  if (*raid_id) return not_found("RAID array", **raid_id);
  if (*stack_id) {
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeVolumes", **stack_id); !s.ok())
      return s.error();
    auto list = model.volumes_of_stack(**stack_id);
    if (!list.ok()) return list.error();
    return Json{{"Volumes", render(*list)}};
  }
  if (*instance_id) {
    auto stack = model.stack_of_instance(**instance_id);
    if (!stack.ok()) return stack.error();
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeVolumes", *stack); !s.ok())
      return s.error();
    auto list = model.volumes_of_instance(**instance_id);
    if (!list.ok()) return list.error();
    return Json{{"Volumes", render(*list)}};
  }
  std::vector<Volume> list;
  std::set<std::string> authorized;
  for (const std::string& id : **ids) {
    auto v = model.registered_volume(id);
    if (!v.ok()) return v.error();
    if (authorized.insert(v->stack_id).second) {
      if (Status s = authorize_on_stack(ctx, "opsworks:DescribeVolumes", v->stack_id); !s.ok())
        return s.error();
    }
    list.push_back(*v);
  }
  return Json{{"Volumes", render(list)}};
}

}  // namespace

void add_volume_operations(JsonOperations& ops) {
  ops.add("RegisterVolume", register_volume);
  ops.add("DeregisterVolume", deregister_volume);
  ops.add("UpdateVolume", update_volume);
  ops.add("DescribeVolumes", describe_volumes);
}

}  // namespace opsreg::mocks::opsworks
