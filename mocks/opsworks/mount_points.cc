// Reserved mount points: which they are for an instance, which volumes sit on one, and the
// service error that says so.
#include "mocks/opsworks/mount_points.h"

namespace opsreg::mocks::opsworks {

namespace {

std::string normalized(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

std::vector<ReservedMountPoint> reserved_mount_points(const std::vector<Layer>& layers) {
  std::vector<ReservedMountPoint> out = {
      {kAppsMountPoint, "OpsWorks Stacks (apps are deployed there)"}};
  for (const Layer& l : layers) {
    if (!l.volume_configurations.is_array()) continue;
    for (const auto& v : l.volume_configurations)
      if (v.is_object() && v.contains("MountPoint") && v["MountPoint"].is_string())
        out.push_back({v["MountPoint"].get<std::string>(),
                       "layer " + l.name + " (" + l.layer_id + ") in its VolumeConfigurations"});
  }
  return out;
}

std::vector<MountClash> check_mount_points(const std::vector<VolumeMount>& volumes,
                                           const std::vector<ReservedMountPoint>& reserved) {
  std::vector<MountClash> out;
  for (const VolumeMount& v : volumes) {
    if (v.mount_point.empty()) continue;
    for (const ReservedMountPoint& r : reserved) {
      if (normalized(v.mount_point) == normalized(r.mount_point)) {
        out.push_back({v, r});
        break;
      }
    }
  }
  return out;
}

std::string clash_message(const std::vector<MountClash>& clashes, const std::string& consequence) {
  std::string m = "Setup failed: ";
  for (size_t i = 0; i < clashes.size(); ++i) {
    const MountClash& c = clashes[i];
    if (i > 0) m += "; ";
    m += "EBS volume " + c.volume.ec2_volume_id + " (device " + c.volume.device +
         ") is mounted on " + c.volume.mount_point + ", a mount point reserved by " +
         c.reserved.reserved_by;
  }
  return m + ". " + consequence;
}

}  // namespace opsreg::mocks::opsworks
