// The EC2 side of the world's hosts as OpsWorks sees it: volumes and Elastic IPs looked up by
// id or by EC2 instance, for RegisterVolume, RegisterElasticIp and the agent's initial setup.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "mocks/base/hosts.h"
#include "mocks/opsworks/resources.h"

namespace opsreg::mocks::opsworks {

std::optional<Ec2VolumeFacts> find_ec2_volume(const std::vector<WorldHost>& hosts,
                                              std::string_view ec2_volume_id);
// The volumes attached to EC2 instance `ec2_instance_id` (none for "": on-premises).
std::vector<Ec2VolumeFacts> ec2_volumes_of(const std::vector<WorldHost>& hosts,
                                           std::string_view ec2_instance_id);
std::optional<Ec2AddressFacts> find_ec2_address(const std::vector<WorldHost>& hosts,
                                                std::string_view public_ip);
std::vector<Ec2AddressFacts> ec2_addresses_of(const std::vector<WorldHost>& hosts,
                                              std::string_view ec2_instance_id);

}  // namespace opsreg::mocks::opsworks
