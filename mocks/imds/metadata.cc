// Metadata paths of one instance, as IMDS answers them (text/plain; JSON documents in AWS's
// `"Key" : value` layout).
#include "mocks/imds/metadata.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/aws/crypto.h"
#include "core/clock/time_format.h"
#include "mocks/ec2/model.h"

namespace opsreg::mocks::imds {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// {"K" : "V", …} with two-space indents, as IMDS lays its JSON out.
std::string aws_json(const Fields& fields) {
  std::string out = "{\n";
  for (size_t i = 0; i < fields.size(); ++i)
    out += "  " + nlohmann::json(fields[i].first).dump() + " : " +
           nlohmann::json(fields[i].second).dump() + (i + 1 < fields.size() ? ",\n" : "\n");
  return out + "}";
}

std::string mac_of(const WorldHost& h) {
  std::string d = aws::sha256_hex("mac/" + h.ec2->instance_id);
  std::string mac = "0e";
  for (int i = 0; i < 5; ++i) mac += ":" + d.substr(static_cast<size_t>(i) * 2, 2);
  return mac;
}

std::string device_short(const std::string& device) {
  return device.starts_with("/dev/") ? device.substr(5) : device;
}

std::string listing(const std::vector<std::string>& entries) {
  std::string out;
  for (const auto& e : entries) out += (out.empty() ? "" : "\n") + e;
  return out;
}

MetadataReply role_credentials(RoleCredentialsCache& roles, TimePoint now) {
  auto current = roles.current(now);
  if (!current.ok())
    return {200, aws_json({{"Code", "AssumeRoleUnauthorizedAccess"},
                           {"Message", current.error().message},
                           {"LastUpdated", format_iso8601(now)}})};
  const RoleCredentials& c = current->credentials;
  return {200, aws_json({{"Code", "Success"},
                         {"LastUpdated", format_iso8601(current->last_updated)},
                         {"Type", "AWS-HMAC"},
                         {"AccessKeyId", c.access_key_id},
                         {"SecretAccessKey", c.secret_access_key},
                         {"Token", c.token},
                         {"Expiration", format_iso8601(c.expiration)}})};
}

}  // namespace

MetadataReply metadata_get(const InstanceFacts& f, std::string_view raw_path,
                           RoleCredentialsCache& roles, TimePoint now) {
  const WorldHost& h = f.host;
  const WorldEc2Instance& e = *h.ec2;
  std::string path(raw_path);
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  const std::string role = e.instance_profile_role;

  std::map<std::string, std::string> leaves = {
      {"/latest/meta-data/ami-id", e.image_id},
      {"/latest/meta-data/ami-launch-index", "0"},
      {"/latest/meta-data/hostname", ec2::private_dns(h)},
      {"/latest/meta-data/instance-id", e.instance_id},
      {"/latest/meta-data/instance-type", e.instance_type},
      {"/latest/meta-data/local-hostname", ec2::private_dns(h)},
      {"/latest/meta-data/local-ipv4", h.private_ip},
      {"/latest/meta-data/mac", mac_of(h)},
      {"/latest/meta-data/placement/availability-zone", e.availability_zone},
      {"/latest/meta-data/placement/region", e.region},
      {"/latest/meta-data/reservation-id", ec2::reservation_id(e.instance_id)},
      {"/latest/meta-data/security-groups", "default"},
      {"/latest/meta-data/block-device-mapping/ami", "/dev/xvda"},
      {"/latest/meta-data/block-device-mapping/root", "/dev/xvda"},
      {"/latest/dynamic/instance-identity/document", f.identity_document},
      {"/latest/dynamic/instance-identity/signature", f.identity_signature},
  };
  std::vector<std::string> devices = {"ami"};
  for (size_t i = 0; i < e.volumes.size(); ++i) {
    std::string name = "ebs" + std::to_string(i + 1);
    devices.push_back(name);
    leaves["/latest/meta-data/block-device-mapping/" + name] = device_short(e.volumes[i].device);
  }
  devices.push_back("root");
  std::vector<std::string> top = {"ami-id",         "ami-launch-index", "block-device-mapping/",
                                  "hostname",       "instance-id",      "instance-type",
                                  "local-hostname", "local-ipv4",       "mac",
                                  "placement/",     "reservation-id",   "security-groups"};
  if (!h.public_ip.empty()) {
    leaves["/latest/meta-data/public-hostname"] = ec2::public_dns(h);
    leaves["/latest/meta-data/public-ipv4"] = h.public_ip;
    top.push_back("public-hostname");
    top.push_back("public-ipv4");
  }
  if (!role.empty()) {
    top.push_back("iam/");
    leaves["/latest/meta-data/iam/info"] =
        aws_json({{"Code", "Success"},
                  {"LastUpdated", format_iso8601(f.launch_time)},
                  {"InstanceProfileArn", ec2::instance_profile_arn(f.account_id, role)},
                  {"InstanceProfileId", ec2::instance_profile_id(role)}});
    if (path == "/latest/meta-data/iam") return {200, "info\nsecurity-credentials/"};
    if (path == "/latest/meta-data/iam/security-credentials") return {200, role};
    if (path == "/latest/meta-data/iam/security-credentials/" + role)
      return role_credentials(roles, now);
  }
  std::sort(top.begin(), top.end());
  if (auto it = leaves.find(path); it != leaves.end()) return {200, it->second};
  if (path == "/") return {200, "latest"};
  if (path == "/latest") return {200, "dynamic\nmeta-data"};
  if (path == "/latest/meta-data") return {200, listing(top)};
  if (path == "/latest/meta-data/placement") return {200, "availability-zone\nregion"};
  if (path == "/latest/meta-data/block-device-mapping") return {200, listing(devices)};
  if (path == "/latest/dynamic") return {200, "instance-identity/"};
  if (path == "/latest/dynamic/instance-identity") return {200, "document\nsignature"};
  return {404, ""};
}

}  // namespace opsreg::mocks::imds
