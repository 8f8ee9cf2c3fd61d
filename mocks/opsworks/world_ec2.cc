// Reading volumes and Elastic IPs off the world's EC2 hosts (mocks/base/hosts.h).
#include "mocks/opsworks/world_ec2.h"

namespace opsreg::mocks::opsworks {

namespace {

std::vector<Ec2VolumeFacts> all_volumes(const std::vector<WorldHost>& hosts) {
  std::vector<Ec2VolumeFacts> out;
  for (const WorldHost& h : hosts) {
    if (!h.ec2) continue;
    for (const WorldVolume& v : h.ec2->volumes)
      out.push_back({v.volume_id, h.ec2->instance_id, v.device, v.size, v.volume_type,
                     h.ec2->region, h.ec2->availability_zone});
  }
  return out;
}

std::vector<Ec2AddressFacts> all_addresses(const std::vector<WorldHost>& hosts) {
  std::vector<Ec2AddressFacts> out;
  for (const WorldHost& h : hosts) {
    if (!h.ec2) continue;
    for (const WorldElasticIp& e : h.ec2->elastic_ips)
      out.push_back({e.public_ip, e.allocation_id, h.ec2->instance_id, h.ec2->region});
  }
  return out;
}

}  // namespace

std::optional<Ec2VolumeFacts> find_ec2_volume(const std::vector<WorldHost>& hosts,
                                              std::string_view id) {
  for (auto& v : all_volumes(hosts))
    if (v.ec2_volume_id == id) return v;
  return std::nullopt;
}

std::vector<Ec2VolumeFacts> ec2_volumes_of(const std::vector<WorldHost>& hosts,
                                           std::string_view ec2_instance_id) {
  std::vector<Ec2VolumeFacts> out;
  if (ec2_instance_id.empty()) return out;
  for (auto& v : all_volumes(hosts))
    if (v.ec2_instance_id == ec2_instance_id) out.push_back(v);
  return out;
}

std::optional<Ec2AddressFacts> find_ec2_address(const std::vector<WorldHost>& hosts,
                                                std::string_view ip) {
  for (auto& e : all_addresses(hosts))
    if (e.public_ip == ip) return e;
  return std::nullopt;
}

std::vector<Ec2AddressFacts> ec2_addresses_of(const std::vector<WorldHost>& hosts,
                                              std::string_view ec2_instance_id) {
  std::vector<Ec2AddressFacts> out;
  if (ec2_instance_id.empty()) return out;
  for (auto& e : all_addresses(hosts))
    if (e.ec2_instance_id == ec2_instance_id) out.push_back(e);
  return out;
}

}  // namespace opsreg::mocks::opsworks
