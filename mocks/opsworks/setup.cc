// The agent's initial setup as the service runs it (our model of the agent channel): the
// stack's hosts file, the reserved mount point rule, registering the instance's EBS volumes
// and Elastic IPs, and the status and service error that follow.
#include <algorithm>

#include "mocks/opsworks/model.h"
#include "mocks/opsworks/mount_points.h"

namespace opsreg::mocks::opsworks {

namespace {

// EC2 names an attachment /dev/sdf; Linux (Xen) shows it as /dev/xvdf.
std::string canonical_device(const std::string& device) {
  if (device.starts_with("/dev/sd")) return "/dev/xvd" + device.substr(7);
  return device;
}

constexpr char kSetupConsequence[] =
    "A volume on a reserved mount point is not registered with the stack; mount it elsewhere "
    "and run setup again";

}  // namespace

std::string OpsWorksModel::hosts_file_locked(const std::string& stack_id) const {
  std::string out = "127.0.0.1 localhost\n";
  for (const Instance& i : instances_)
    if (i.stack_id == stack_id && !i.private_ip.empty())
      out += i.private_ip + " " + i.hostname + "\n";
  return out;
}

Result<std::string> OpsWorksModel::hosts_file(std::string_view stack_id) const {
  std::lock_guard lock(mu_);
  if (!find_stack(stack_id)) return not_found("stack", stack_id);
  return hosts_file_locked(std::string(stack_id));
}

std::vector<Layer> OpsWorksModel::layers_of_instance_locked(const Instance& inst) const {
  std::vector<Layer> out;
  for (const std::string& id : inst.layer_ids)
    if (const Layer* l = find_layer(id)) out.push_back(*l);
  return out;
}

std::vector<MountClash> OpsWorksModel::clashes_of_registered_volumes_locked(
    const Instance& inst) const {
  std::vector<VolumeMount> mounts;
  for (const Volume& v : volumes_)
    if (v.instance_id == inst.instance_id && !v.mount_point.empty())
      mounts.push_back({v.device, v.ec2_volume_id, v.mount_point});
  return check_mount_points(mounts, reserved_mount_points(layers_of_instance_locked(inst)));
}

// A volume on a reserved mount point is reported and left unregistered; the others and the
// Elastic IPs are registered all the same (setup goes as far as it can). Running setup again
// is harmless: what is already registered with the stack is updated, not registered twice;
// what another stack holds is left alone.
Result<SetupOutcome> OpsWorksModel::initial_setup(
    std::string_view instance_id, const std::vector<ReportedMount>& mounts,
    const std::vector<Ec2VolumeFacts>& ec2_volumes,
    const std::vector<Ec2AddressFacts>& ec2_addresses) {
  std::lock_guard lock(mu_);
  Instance* inst = find_instance(instance_id);
  if (!inst) return not_found("instance", instance_id);
  if (!inst->registered)
    return invalid("Instance " + inst->instance_id + " was not registered by an agent");
  SetupOutcome out;
  out.hosts_file = hosts_file_locked(inst->stack_id);

  std::vector<VolumeMount> volume_mounts;
  for (const Ec2VolumeFacts& ec2 : ec2_volumes) {
    if (inst->ec2_instance_id.empty() || ec2.ec2_instance_id != inst->ec2_instance_id) continue;
    VolumeMount vm{ec2.device, ec2.ec2_volume_id, ""};
    for (const ReportedMount& m : mounts)
      if (canonical_device(m.device) == canonical_device(ec2.device))
        vm.mount_point = m.mount_point;
    volume_mounts.push_back(vm);
  }
  out.clashes =
      check_mount_points(volume_mounts, reserved_mount_points(layers_of_instance_locked(*inst)));

  for (const VolumeMount& vm : volume_mounts) {
    bool clashes = std::any_of(out.clashes.begin(), out.clashes.end(), [&](const MountClash& c) {
      return c.volume.ec2_volume_id == vm.ec2_volume_id;
    });
    if (clashes) continue;
    auto existing = std::find_if(volumes_.begin(), volumes_.end(), [&](const Volume& v) {
      return v.ec2_volume_id == vm.ec2_volume_id;
    });
    if (existing != volumes_.end()) {
      if (existing->stack_id != inst->stack_id) continue;
      existing->instance_id = inst->instance_id;
      existing->device = vm.device;
      existing->mount_point = vm.mount_point;
      out.registered_volumes.push_back(*existing);
      continue;
    }
    const Ec2VolumeFacts& ec2 =
        *std::find_if(ec2_volumes.begin(), ec2_volumes.end(),
                      [&](const Ec2VolumeFacts& f) { return f.ec2_volume_id == vm.ec2_volume_id; });
    auto v = register_volume_locked(inst->stack_id, ec2, vm.mount_point);
    if (!v.ok()) return v.error();
    out.registered_volumes.push_back(*v);
  }

  for (const Ec2AddressFacts& ec2 : ec2_addresses) {
    if (inst->ec2_instance_id.empty() || ec2.ec2_instance_id != inst->ec2_instance_id) continue;
    auto existing = std::find_if(elastic_ips_.begin(), elastic_ips_.end(),
                                 [&](const ElasticIp& e) { return e.ip == ec2.public_ip; });
    if (existing != elastic_ips_.end()) {
      if (existing->stack_id != inst->stack_id) continue;
      existing->instance_id = inst->instance_id;
      out.registered_elastic_ips.push_back(*existing);
      continue;
    }
    auto e = register_elastic_ip_locked(inst->stack_id, ec2);
    if (!e.ok()) return e.error();
    out.registered_elastic_ips.push_back(*e);
  }

  if (!out.clashes.empty()) {
    inst->status = "setup_failed";
    out.service_error =
        record_service_error_locked(*inst, "setup", clash_message(out.clashes, kSetupConsequence));
  } else {
    inst->status = inst->layer_ids.empty() ? "registered" : "online";
  }
  out.status = inst->status;
  return out;
}

}  // namespace opsreg::mocks::opsworks
