// Registered EBS volumes: RegisterVolume (one stack at a time, the EC2 volume in the stack's
// region), DeregisterVolume, UpdateVolume and the lookups behind DescribeVolumes.
#include <algorithm>

#include "mocks/opsworks/model.h"

namespace opsreg::mocks::opsworks {

Result<Volume> OpsWorksModel::register_volume(std::string_view stack_id,
                                              const Ec2VolumeFacts& ec2) {
  std::lock_guard lock(mu_);
  return register_volume_locked(stack_id, ec2, "");
}

// The real service looks the EC2 volume up in the stack's region: elsewhere it is not found.
// The exact wording of "already registered" is not public; ours says what the API reference
// says (one stack at a time, deregister first).
Result<Volume> OpsWorksModel::register_volume_locked(std::string_view stack_id,
                                                     const Ec2VolumeFacts& ec2,
                                                     std::string mount_point) {
  const Stack* stack = find_stack(stack_id);
  if (!stack) return not_found("stack", stack_id);
  if (ec2.region != stack->region) return not_found("volume", ec2.ec2_volume_id);
  for (const Volume& v : volumes_)
    if (v.ec2_volume_id == ec2.ec2_volume_id)
      return invalid("Volume " + ec2.ec2_volume_id + " is already registered with stack " +
                     v.stack_id +
                     ". A volume can be registered with only one stack at a time; deregister "
                     "it first");
  Volume v;
  v.volume_id = ids_.uuid();
  v.ec2_volume_id = ec2.ec2_volume_id;
  v.stack_id = stack->stack_id;
  v.size = ec2.size;
  v.region = ec2.region;
  v.availability_zone = ec2.availability_zone;
  v.volume_type = ec2.volume_type;
  for (const Instance& i : instances_) {
    if (i.stack_id == v.stack_id && !ec2.ec2_instance_id.empty() &&
        i.ec2_instance_id == ec2.ec2_instance_id) {
      v.instance_id = i.instance_id;
      v.device = ec2.device;
      v.mount_point = std::move(mount_point);
    }
  }
  volumes_.push_back(v);
  return v;
}

Status OpsWorksModel::deregister_volume(std::string_view volume_id) {
  std::lock_guard lock(mu_);
  auto n = std::erase_if(volumes_, [&](const Volume& v) { return v.volume_id == volume_id; });
  if (n == 0) return not_found("volume", volume_id);
  return {};
}

Status OpsWorksModel::update_volume(std::string_view volume_id,
                                    const std::optional<std::string>& name,
                                    const std::optional<std::string>& mount_point) {
  std::lock_guard lock(mu_);
  auto it = std::find_if(volumes_.begin(), volumes_.end(),
                         [&](const Volume& v) { return v.volume_id == volume_id; });
  if (it == volumes_.end()) return not_found("volume", volume_id);
  if (name && name->size() > 128) return invalid("Volume names can be a maximum of 128 characters");
  if (name) it->name = *name;
  if (mount_point) it->mount_point = *mount_point;
  return {};
}

Result<Volume> OpsWorksModel::registered_volume(std::string_view volume_id) const {
  std::lock_guard lock(mu_);
  for (const Volume& v : volumes_)
    if (v.volume_id == volume_id) return v;
  return not_found("volume", volume_id);
}

Result<std::vector<Volume>> OpsWorksModel::volumes_of_stack(std::string_view stack_id) const {
  std::lock_guard lock(mu_);
  if (!find_stack(stack_id)) return not_found("stack", stack_id);
  std::vector<Volume> out;
  for (const Volume& v : volumes_)
    if (v.stack_id == stack_id) out.push_back(v);
  return out;
}

Result<std::vector<Volume>> OpsWorksModel::volumes_of_instance(std::string_view instance_id) const {
  std::lock_guard lock(mu_);
  bool known = std::any_of(instances_.begin(), instances_.end(),
                           [&](const Instance& i) { return i.instance_id == instance_id; });
  if (!known) return not_found("instance", instance_id);
  std::vector<Volume> out;
  for (const Volume& v : volumes_)
    if (v.instance_id == instance_id) out.push_back(v);
  return out;
}

}  // namespace opsreg::mocks::opsworks
