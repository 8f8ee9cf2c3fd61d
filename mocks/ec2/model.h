// What the fake EC2 knows, read from the world's EC2 hosts (mocks/base/hosts.h): instances,
// their EBS volumes and Elastic IPs, looked up by id and filter with EC2's errors. Apart from
// the wire (mocks/services/ec2 renders the results).
#pragma once

#include <string>
#include <vector>

#include "core/util/result.h"
#include "mocks/base/hosts.h"
#include "mocks/ec2/filters.h"

namespace opsreg::mocks::ec2 {

// A world's EC2 instances in one region, in world file order. `hosts` must outlive the view.
class Ec2View {
 public:
  Ec2View(const std::vector<WorldHost>& hosts, std::string region, std::string account_id);

  // DescribeInstances: the instances with the given ids (all when empty) that match every
  // filter (instance-id, instance-state-name, instance-type, availability-zone, vpc-id,
  // subnet-id, private-ip-address, ip-address, image-id, architecture, tag:KEY, tag-key,
  // tag-value, iam-instance-profile.arn). Errors: InvalidInstanceID.Malformed (the first bad
  // id), InvalidInstanceID.NotFound (every missing id), InvalidParameterValue (unknown filter).
  Result<std::vector<const WorldHost*>> instances(const std::vector<std::string>& ids,
                                                  const std::vector<Filter>& filters) const;

  struct VolumeRef {
    const WorldHost* host;
    const WorldVolume* volume;
  };
  // DescribeVolumes: filters volume-id, attachment.instance-id, attachment.device,
  // attachment.status, availability-zone, size, status, volume-type. Errors:
  // InvalidVolumeID.Malformed, InvalidVolume.NotFound, InvalidParameterValue.
  Result<std::vector<VolumeRef>> volumes(const std::vector<std::string>& ids,
                                         const std::vector<Filter>& filters) const;

  struct AddressRef {
    const WorldHost* host;
    const WorldElasticIp* address;
  };
  // DescribeAddresses: by PublicIp.N and/or AllocationId.N; filters instance-id, public-ip,
  // allocation-id, domain, private-ip-address. Errors: InvalidParameterValue (not an IPv4
  // address, unknown filter), InvalidAllocationID.Malformed, InvalidAddress.NotFound,
  // InvalidAllocationID.NotFound.
  Result<std::vector<AddressRef>> addresses(const std::vector<std::string>& public_ips,
                                            const std::vector<std::string>& allocation_ids,
                                            const std::vector<Filter>& filters) const;

 private:
  std::vector<const WorldHost*> hosts_;  // EC2 hosts of the region
  std::string account_id_;
};

// The instance's DNS names: "ip-10-0-1-21.ec2.internal" (us-east-1) or
// "ip-….REGION.compute.internal"; "ec2-54-210-0-21.compute-1.amazonaws.com" or
// "ec2-….REGION.compute.amazonaws.com" ("" without a public IP).
std::string private_dns(const WorldHost& host);
std::string public_dns(const WorldHost& host);
// EC2's instance state code: pending 0, running 16, shutting-down 32, terminated 48,
// stopping 64, stopped 80.
int state_code(const std::string& state);
// "arm64" for Graviton families (a1, t4g, m6g, c7gn, …), else "x86_64".
std::string architecture_of(const std::string& instance_type);
// The instance's reservation: one per instance, "r-" + 17 hex digits drawn from its id.
std::string reservation_id(const std::string& instance_id);
// "vpc" for an address with an allocation id, else "standard" (EC2-Classic style).
std::string address_domain(const WorldElasticIp& address);
// The instance profile of a role: arn:aws:iam::ACCOUNT:instance-profile/ROLE (the profile is
// named after its role, as the console makes it), and its id "AIPA…".
std::string instance_profile_arn(const std::string& account_id, const std::string& role);
std::string instance_profile_id(const std::string& role);

}  // namespace opsreg::mocks::ec2
