// OpsWorks' stack resources: registered EBS volumes and Elastic IPs, service errors, and the
// EC2 facts (from the world's hosts) they are registered from. Plain data; rules in model.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock/clock.h"

namespace opsreg::mocks::opsworks {

// What EC2 knows of a volume (world host "ec2": {"volumes": [...]}) and of its attachment.
struct Ec2VolumeFacts {
  std::string ec2_volume_id;    // vol-…
  std::string ec2_instance_id;  // the EC2 instance it is attached to
  std::string device;           // the attachment's device, e.g. /dev/xvdf
  int size = 0;
  std::string volume_type;
  std::string region;
  std::string availability_zone;
};

// What EC2 knows of an Elastic IP and the instance it is associated with.
struct Ec2AddressFacts {
  std::string public_ip;
  std::string allocation_id;  // "" : EC2-Classic style (domain "standard")
  std::string ec2_instance_id;
  std::string region;
};

// A volume registered with a stack (Volume shape). Attached to an OpsWorks instance when
// instance_id is set (Status "in-use"), else "available".
struct Volume {
  std::string volume_id;  // OpsWorks' GUID, not the EC2 id
  std::string ec2_volume_id;
  std::string stack_id;
  std::string name;
  std::string instance_id;
  int size = 0;
  std::string device;
  std::string mount_point;
  std::string region;
  std::string availability_zone;
  std::string volume_type;
};

// An Elastic IP registered with a stack (ElasticIp shape).
struct ElasticIp {
  std::string ip;
  std::string stack_id;
  std::string name;
  std::string domain;  // "vpc" or "standard"
  std::string region;
  std::string instance_id;  // the OpsWorks instance it is associated with, or ""
};

// A ServiceError (DescribeServiceErrors).
struct ServiceError {
  std::string service_error_id;
  std::string stack_id;
  std::string instance_id;
  std::string type;  // e.g. "setup"
  std::string message;
  TimePoint created_at;
};

// A volume of an instance and where it is mounted, as the mount point rule sees it.
struct VolumeMount {
  std::string device;
  std::string ec2_volume_id;
  std::string mount_point;  // "" : not mounted
};

// A mount point nobody may mount an EBS volume on: "/var/www", or one a layer's
// VolumeConfigurations reserve. `reserved_by` says who, for messages.
struct ReservedMountPoint {
  std::string mount_point;
  std::string reserved_by;  // "OpsWorks Stacks" or "layer NAME (LAYERID)"
};

// A volume mounted on a reserved mount point.
struct MountClash {
  VolumeMount volume;
  ReservedMountPoint reserved;
};

// What the agent reports in AgentInitialSetup: a line of its /proc/mounts.
struct ReportedMount {
  std::string device;
  std::string mount_point;
};

// The outcome of the agent's initial setup (AgentInitialSetup).
struct SetupOutcome {
  std::string status;      // the instance's status afterwards
  std::string hosts_file;  // the stack's /etc/hosts
  std::vector<Volume> registered_volumes;
  std::vector<ElasticIp> registered_elastic_ips;
  std::vector<MountClash> clashes;
  std::optional<ServiceError> service_error;  // recorded when setup failed
};

}  // namespace opsreg::mocks::opsworks
