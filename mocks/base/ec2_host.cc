// A world host's "ec2" object: ids in EC2's shapes, known states, absolute mount points, and
// every value defaulted the way a freshly launched instance would have it.
#include "mocks/base/ec2_host.h"

#include <arpa/inet.h>

#include <set>

namespace opsreg::mocks {

namespace {

using nlohmann::json;

aws::Error invalid(const std::string& where, const std::string& what) {
  return aws::make_error("ValidationError", "world file: " + where + ": " + what);
}

Status only_keys(const json& object, const std::set<std::string>& allowed,
                 const std::string& where) {
  if (!object.is_object()) return invalid(where, "must be an object");
  for (const auto& [key, value] : object.items()) {
    if (!allowed.contains(key)) return invalid(where, "unknown key \"" + key + "\"");
    if (value.is_null()) return invalid(where, "\"" + key + "\" must not be null");
  }
  return {};
}

// The string at `key`, `fallback` when absent; a non-string is an error.
Result<std::string> text(const json& object, const char* key, const std::string& where,
                         std::string fallback = "") {
  auto it = object.find(key);
  if (it == object.end()) return fallback;
  if (!it->is_string()) return invalid(where, std::string("\"") + key + "\" must be a string");
  return it->get<std::string>();
}

Result<WorldVolume> parse_volume(const json& v, const std::string& where) {
  if (Status s = only_keys(v, {"volume_id", "device", "size", "volume_type", "mount_point"}, where);
      !s.ok())
    return s.error();
  WorldVolume vol;
  auto id = text(v, "volume_id", where);
  auto device = text(v, "device", where);
  auto type = text(v, "volume_type", where, vol.volume_type);
  auto mount = text(v, "mount_point", where);
  for (auto* r : {&id, &device, &type, &mount})
    if (!r->ok()) return r->error();
  vol.volume_id = *id;
  vol.device = *device;
  vol.volume_type = *type;
  vol.mount_point = *mount;
  if (!is_ec2_id(vol.volume_id, "vol-"))
    return invalid(where, "\"volume_id\" must be vol- and 8 or 17 hex digits");
  if (!vol.device.starts_with("/dev/")) return invalid(where, "\"device\" must start with /dev/");
  if (!vol.mount_point.empty() && vol.mount_point.front() != '/')
    return invalid(where, "\"mount_point\" must be an absolute path");
  if (v.contains("size")) {
    if (!v["size"].is_number_integer() || v["size"].get<int>() < 1 || v["size"].get<int>() > 16384)
      return invalid(where, "\"size\" must be a whole number of GiB from 1 to 16384");
    vol.size = v["size"].get<int>();
  }
  return vol;
}

Result<WorldElasticIp> parse_elastic_ip(const json& e, const std::string& where) {
  if (Status s = only_keys(e, {"public_ip", "allocation_id"}, where); !s.ok()) return s.error();
  auto ip = text(e, "public_ip", where);
  auto alloc = text(e, "allocation_id", where);
  if (!ip.ok()) return ip.error();
  if (!alloc.ok()) return alloc.error();
  in_addr addr{};
  if (inet_pton(AF_INET, ip->c_str(), &addr) != 1)
    return invalid(where, "\"public_ip\" must be an IPv4 address");
  if (!alloc->empty() && !is_ec2_id(*alloc, "eipalloc-"))
    return invalid(where, "\"allocation_id\" must be eipalloc- and 8 or 17 hex digits");
  return WorldElasticIp{*ip, *alloc};
}

}  // namespace

bool is_ec2_id(const std::string& id, const std::string& prefix) {
  if (!id.starts_with(prefix)) return false;
  size_t digits = id.size() - prefix.size();
  if (digits != 8 && digits != 17) return false;
  for (size_t i = prefix.size(); i < id.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i])) && (id[i] < 'a' || id[i] > 'f'))
      return false;
  return true;
}

Result<WorldEc2Instance> parse_ec2_instance(const json& ec2, const std::string& host_where,
                                            const std::string& region) {
  const std::string where = host_where + " ec2";
  if (Status s = only_keys(
          ec2,
          {"instance_id", "region", "availability_zone", "vpc_id", "subnet_id", "instance_type",
           "image_id", "state", "tags", "instance_profile", "volumes", "elastic_ips"},
          where);
      !s.ok())
    return s.error();
  WorldEc2Instance out;
  struct Field {
    const char* key;
    std::string* into;
  };
  for (Field f : {Field{"instance_id", &out.instance_id}, Field{"region", &out.region},
                  Field{"availability_zone", &out.availability_zone}, Field{"vpc_id", &out.vpc_id},
                  Field{"subnet_id", &out.subnet_id}, Field{"instance_type", &out.instance_type},
                  Field{"image_id", &out.image_id}, Field{"state", &out.state}}) {
    auto value = text(ec2, f.key, where, *f.into);
    if (!value.ok()) return value.error();
    *f.into = *value;
  }
  if (!is_ec2_id(out.instance_id, "i-"))
    return invalid(where, "\"instance_id\" must be i- and 8 or 17 hex digits");
  if (out.region.empty()) out.region = region;
  if (out.availability_zone.empty()) out.availability_zone = out.region + "a";
  if (!out.availability_zone.starts_with(out.region))
    return invalid(where, "\"availability_zone\" must be in the instance's region " + out.region);
  if (!out.vpc_id.empty() && !is_ec2_id(out.vpc_id, "vpc-"))
    return invalid(where, "\"vpc_id\" must be vpc- and 8 or 17 hex digits");
  if (!out.subnet_id.empty() && !is_ec2_id(out.subnet_id, "subnet-"))
    return invalid(where, "\"subnet_id\" must be subnet- and 8 or 17 hex digits");
  static const std::set<std::string> kStates = {"pending",    "running",  "shutting-down",
                                                "terminated", "stopping", "stopped"};
  if (!kStates.contains(out.state))
    return invalid(where,
                   "\"state\" must be one of pending, running, shutting-down, "
                   "terminated, stopping, stopped");
  if (ec2.contains("tags")) {
    if (!ec2["tags"].is_object()) return invalid(where, "\"tags\" must be an object");
    for (const auto& [k, v] : ec2["tags"].items()) {
      if (!v.is_string()) return invalid(where, "tag \"" + k + "\" must have a string value");
      out.tags[k] = v.get<std::string>();
    }
  }
  if (ec2.contains("instance_profile")) {
    const json& p = ec2["instance_profile"];
    if (Status s = only_keys(p, {"role"}, where + " instance_profile"); !s.ok()) return s.error();
    auto role = text(p, "role", where + " instance_profile");
    if (!role.ok()) return role.error();
    if (role->empty()) return invalid(where, "\"instance_profile\" needs a \"role\"");
    out.instance_profile_role = *role;
  }
  std::set<std::string> devices;
  const json volumes = ec2.value("volumes", json::array());
  if (!volumes.is_array()) return invalid(where, "\"volumes\" must be an array");
  for (size_t i = 0; i < volumes.size(); ++i) {
    auto vol = parse_volume(volumes[i], where + " volumes[" + std::to_string(i) + "]");
    if (!vol.ok()) return vol.error();
    if (!devices.insert(vol->device).second)
      return invalid(where, "two volumes are attached as " + vol->device);
    out.volumes.push_back(std::move(*vol));
  }
  const json eips = ec2.value("elastic_ips", json::array());
  if (!eips.is_array()) return invalid(where, "\"elastic_ips\" must be an array");
  for (size_t i = 0; i < eips.size(); ++i) {
    auto eip = parse_elastic_ip(eips[i], where + " elastic_ips[" + std::to_string(i) + "]");
    if (!eip.ok()) return eip.error();
    out.elastic_ips.push_back(std::move(*eip));
  }
  return out;
}

}  // namespace opsreg::mocks
