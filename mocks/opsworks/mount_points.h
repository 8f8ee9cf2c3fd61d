// The reserved mount point rule: no EBS volume may be mounted on /var/www or on a mount point
// that one of the instance's layers reserves. Used by the agent's initial setup and AssignInstance.
#pragma once

#include <string>
#include <vector>

#include "mocks/opsworks/entities.h"
#include "mocks/opsworks/resources.h"

namespace opsreg::mocks::opsworks {

// The mount point OpsWorks Stacks reserves for apps on every instance.
inline constexpr const char* kAppsMountPoint = "/var/www";

// "/var/www", then each VolumeConfigurations[].MountPoint of `layers` (in order).
std::vector<ReservedMountPoint> reserved_mount_points(const std::vector<Layer>& layers);

// The volumes of `volumes` mounted exactly on a reserved mount point (a trailing '/' aside);
// unmounted volumes ("" mount point) never clash. One entry per clashing volume, the first
// reservation it hits.
std::vector<MountClash> check_mount_points(const std::vector<VolumeMount>& volumes,
                                           const std::vector<ReservedMountPoint>& reserved);

// The ServiceError message for `clashes` (not empty): "Setup failed: " naming each device, EC2
// volume id, mount point and who reserves it, then ". " and `consequence` (what happened to
// the volumes and what to do).
std::string clash_message(const std::vector<MountClash>& clashes, const std::string& consequence);

}  // namespace opsreg::mocks::opsworks
