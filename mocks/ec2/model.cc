// Lookups over the world's EC2 hosts: ids checked for EC2's shapes first, then for existence,
// then every filter applied (a resource must match all filters, any value of each).
#include "mocks/ec2/model.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "core/aws/crypto.h"
#include "mocks/base/ec2_host.h"

namespace opsreg::mocks::ec2 {

namespace {

using Values = std::optional<std::vector<std::string>>;

std::vector<std::string> non_empty(std::initializer_list<std::string> values) {
  std::vector<std::string> out;
  for (const auto& v : values)
    if (!v.empty()) out.push_back(v);
  return out;
}

// The host's values for an instance filter; nullopt when DescribeInstances has no such filter.
Values instance_values(const WorldHost& h, const std::string& name, const std::string& account) {
  const WorldEc2Instance& e = *h.ec2;
  if (name.starts_with("tag:")) {
    auto it = e.tags.find(name.substr(4));
    return it == e.tags.end() ? std::vector<std::string>{} : std::vector<std::string>{it->second};
  }
  if (name == "tag-key" || name == "tag-value") {
    std::vector<std::string> out;
    for (const auto& [k, v] : e.tags) out.push_back(name == "tag-key" ? k : v);
    return out;
  }
  if (name == "instance-id") return non_empty({e.instance_id});
  if (name == "instance-state-name") return non_empty({e.state});
  if (name == "instance-state-code") return non_empty({std::to_string(state_code(e.state))});
  if (name == "instance-type") return non_empty({e.instance_type});
  if (name == "availability-zone") return non_empty({e.availability_zone});
  if (name == "vpc-id") return non_empty({e.vpc_id});
  if (name == "subnet-id") return non_empty({e.subnet_id});
  if (name == "private-ip-address") return non_empty({h.private_ip});
  if (name == "ip-address") return non_empty({h.public_ip});
  if (name == "image-id") return non_empty({e.image_id});
  if (name == "architecture") return non_empty({architecture_of(e.instance_type)});
  if (name == "iam-instance-profile.arn")
    return e.instance_profile_role.empty()
               ? std::vector<std::string>{}
               : std::vector<std::string>{instance_profile_arn(account, e.instance_profile_role)};
  return std::nullopt;
}

Values volume_values(const WorldHost& h, const WorldVolume& v, const std::string& name) {
  if (name == "volume-id") return non_empty({v.volume_id});
  if (name == "attachment.instance-id") return non_empty({h.ec2->instance_id});
  if (name == "attachment.device") return non_empty({v.device});
  if (name == "attachment.status") return non_empty({"attached"});
  if (name == "availability-zone") return non_empty({h.ec2->availability_zone});
  if (name == "size") return non_empty({std::to_string(v.size)});
  if (name == "status") return non_empty({"in-use"});
  if (name == "volume-type") return non_empty({v.volume_type});
  return std::nullopt;
}

Values address_values(const WorldHost& h, const WorldElasticIp& a, const std::string& name) {
  if (name == "instance-id") return non_empty({h.ec2->instance_id});
  if (name == "public-ip") return non_empty({a.public_ip});
  if (name == "allocation-id") return non_empty({a.allocation_id});
  if (name == "domain") return non_empty({address_domain(a)});
  if (name == "private-ip-address") return non_empty({h.private_ip});
  return std::nullopt;
}

// Checks every filter name against `values_of` on a sample, so that an unknown filter is an
// error even when nothing would be listed.
template <typename F>
Status check_names(const std::vector<Filter>& filters, F values_of) {
  for (const Filter& f : filters)
    if (!values_of(f.name)) return invalid_filter(f.name);
  return {};
}

template <typename F>
bool match_all(const std::vector<Filter>& filters, F values_of) {
  for (const Filter& f : filters)
    if (!matches(f, *values_of(f.name))) return false;
  return true;
}

WorldHost sample_host() {
  WorldHost h;
  h.ec2.emplace();
  return h;
}

}  // namespace

Ec2View::Ec2View(const std::vector<WorldHost>& hosts, std::string region, std::string account_id)
    : account_id_(std::move(account_id)) {
  for (const WorldHost& h : hosts)
    if (h.ec2 && h.ec2->region == region) hosts_.push_back(&h);
}

Result<std::vector<const WorldHost*>> Ec2View::instances(const std::vector<std::string>& ids,
                                                         const std::vector<Filter>& filters) const {
  for (const std::string& id : ids)
    if (!is_ec2_id(id, "i-")) return malformed_id("InvalidInstanceID.Malformed", id);
  const WorldHost sample = sample_host();
  if (Status s = check_names(
          filters, [&](const std::string& n) { return instance_values(sample, n, account_id_); });
      !s.ok())
    return s.error();
  std::set<std::string> wanted(ids.begin(), ids.end());
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    bool found = false;
    for (const WorldHost* h : hosts_) found = found || h->ec2->instance_id == id;
    if (!found && std::find(missing.begin(), missing.end(), id) == missing.end())
      missing.push_back(id);
  }
  if (!missing.empty())
    return ids_not_found("InvalidInstanceID.NotFound", "instance ID", "instance IDs", missing);
  std::vector<const WorldHost*> out;
  for (const WorldHost* h : hosts_) {
    if (!ids.empty() && !wanted.contains(h->ec2->instance_id)) continue;
    if (match_all(filters,
                  [&](const std::string& n) { return instance_values(*h, n, account_id_); }))
      out.push_back(h);
  }
  return out;
}

Result<std::vector<Ec2View::VolumeRef>> Ec2View::volumes(const std::vector<std::string>& ids,
                                                         const std::vector<Filter>& filters) const {
  for (const std::string& id : ids)
    if (!is_ec2_id(id, "vol-")) return malformed_id("InvalidVolumeID.Malformed", id, "vol-...");
  const WorldHost sample = sample_host();
  const WorldVolume sample_volume;
  if (Status s = check_names(
          filters, [&](const std::string& n) { return volume_values(sample, sample_volume, n); });
      !s.ok())
    return s.error();
  std::vector<VolumeRef> all;
  for (const WorldHost* h : hosts_)
    for (const WorldVolume& v : h->ec2->volumes) all.push_back({h, &v});
  std::vector<std::string> missing;
  for (const std::string& id : ids) {
    bool found = std::any_of(all.begin(), all.end(),
                             [&](const VolumeRef& r) { return r.volume->volume_id == id; });
    if (!found && std::find(missing.begin(), missing.end(), id) == missing.end())
      missing.push_back(id);
  }
  if (!missing.empty())
    return ids_not_found("InvalidVolume.NotFound", "volume", "volumes", missing, ".");
  std::set<std::string> wanted(ids.begin(), ids.end());
  std::vector<VolumeRef> out;
  for (const VolumeRef& r : all) {
    if (!ids.empty() && !wanted.contains(r.volume->volume_id)) continue;
    if (match_all(filters,
                  [&](const std::string& n) { return volume_values(*r.host, *r.volume, n); }))
      out.push_back(r);
  }
  return out;
}

Result<std::vector<Ec2View::AddressRef>> Ec2View::addresses(
    const std::vector<std::string>& public_ips, const std::vector<std::string>& allocation_ids,
    const std::vector<Filter>& filters) const {
  for (const std::string& ip : public_ips) {
    in_addr addr{};
    if (inet_pton(AF_INET, ip.c_str(), &addr) != 1)
      return invalid_parameter_value("Invalid value '" + ip +
                                     "' for PublicIp. Not a valid IPv4 address");
  }
  for (const std::string& id : allocation_ids)
    if (!is_ec2_id(id, "eipalloc-"))
      return malformed_id("InvalidAllocationID.Malformed", id, "eipalloc-...");
  const WorldHost sample = sample_host();
  const WorldElasticIp sample_address;
  if (Status s = check_names(
          filters, [&](const std::string& n) { return address_values(sample, sample_address, n); });
      !s.ok())
    return s.error();
  std::vector<AddressRef> all;
  for (const WorldHost* h : hosts_)
    for (const WorldElasticIp& a : h->ec2->elastic_ips) all.push_back({h, &a});
  for (const std::string& ip : public_ips)
    if (std::none_of(all.begin(), all.end(),
                     [&](const AddressRef& r) { return r.address->public_ip == ip; }))
      return address_not_found(ip);
  std::vector<std::string> missing;
  for (const std::string& id : allocation_ids)
    if (std::none_of(all.begin(), all.end(),
                     [&](const AddressRef& r) { return r.address->allocation_id == id; }))
      missing.push_back(id);
  if (!missing.empty())
    return ids_not_found("InvalidAllocationID.NotFound", "allocation ID", "allocation IDs",
                         missing);
  std::set<std::string> ips(public_ips.begin(), public_ips.end());
  std::set<std::string> allocs(allocation_ids.begin(), allocation_ids.end());
  std::vector<AddressRef> out;
  for (const AddressRef& r : all) {
    if (!ips.empty() && !ips.contains(r.address->public_ip)) continue;
    if (!allocs.empty() && !allocs.contains(r.address->allocation_id)) continue;
    if (match_all(filters,
                  [&](const std::string& n) { return address_values(*r.host, *r.address, n); }))
      out.push_back(r);
  }
  return out;
}

std::string private_dns(const WorldHost& h) {
  std::string name = "ip-" + h.private_ip;
  std::replace(name.begin(), name.end(), '.', '-');
  return name + (h.ec2->region == "us-east-1" ? ".ec2.internal"
                                              : "." + h.ec2->region + ".compute.internal");
}

std::string public_dns(const WorldHost& h) {
  if (h.public_ip.empty()) return "";
  std::string name = "ec2-" + h.public_ip;
  std::replace(name.begin(), name.end(), '.', '-');
  return name + (h.ec2->region == "us-east-1" ? ".compute-1.amazonaws.com"
                                              : "." + h.ec2->region + ".compute.amazonaws.com");
}

int state_code(const std::string& state) {
  if (state == "pending") return 0;
  if (state == "running") return 16;
  if (state == "shutting-down") return 32;
  if (state == "terminated") return 48;
  if (state == "stopping") return 64;
  if (state == "stopped") return 80;
  return 0;
}

std::string architecture_of(const std::string& instance_type) {
  std::string family = instance_type.substr(0, instance_type.find('.'));
  if (family == "a1") return "arm64";
  // Graviton families put a 'g' right after the generation digit: t4g, m6gd, c7gn, r8g.
  for (size_t i = 0; i + 1 < family.size(); ++i)
    if (std::isdigit(static_cast<unsigned char>(family[i])) && family[i + 1] == 'g') return "arm64";
  return "x86_64";
}

std::string reservation_id(const std::string& instance_id) {
  return "r-" + aws::sha256_hex("reservation/" + instance_id).substr(0, 17);
}

std::string address_domain(const WorldElasticIp& address) {
  return address.allocation_id.empty() ? "standard" : "vpc";
}

std::string instance_profile_arn(const std::string& account_id, const std::string& role) {
  return "arn:aws:iam::" + account_id + ":instance-profile/" + role;
}

std::string instance_profile_id(const std::string& role) {
  std::string digest = aws::sha256_hex("instance-profile/" + role);
  std::string id = "AIPA";
  for (size_t i = 0; id.size() < 21; ++i) {
    char c = digest[i];
    id += static_cast<char>(std::isdigit(static_cast<unsigned char>(c)) ? c : std::toupper(c));
  }
  return id;
}

}  // namespace opsreg::mocks::ec2
