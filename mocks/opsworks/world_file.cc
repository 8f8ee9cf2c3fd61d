// The world file's "stacks" array (snake_case keys) turned into stacks and layers, through the
// same rules as CreateStack and CreateLayer. Ids not given come from the world's seeded ids.
//
//   "stacks": [{"name": "MyStack", "stack_id"?, "region"? (the world's), "vpc_id"?,
//               "default_subnet_id"?, "default_os"?, "hostname_theme"?, "service_role_arn"?,
//               "default_instance_profile_arn"?, "configuration_manager_version"?,
//               "use_opsworks_security_groups"?, "agent_version"?,
//               "layers": [{"layer_id"?, "name", "shortname", "type",
//                           "custom_instance_profile_arn"?,
//                           "volume_configurations": [{"mount_point", "number_of_disks"? (1),
//                              "size"? (10), "raid_level"?, "volume_type"?, "iops"?,
//                              "encrypted"?}]}]}]
#include <set>

#include "mocks/opsworks/model.h"

namespace opsreg::mocks::opsworks {

namespace {

aws::Error bad(const std::string& where, const std::string& what) {
  return aws::make_error("ValidationError", "world file: " + where + ": " + what);
}

Status only_keys(const nlohmann::json& j, const std::set<std::string>& allowed,
                 const std::string& where) {
  if (!j.is_object()) return bad(where, "must be an object");
  for (const auto& [k, v] : j.items())
    if (!allowed.count(k)) return bad(where, "unknown key \"" + k + "\"");
  return {};
}

// A string member, or `fallback` when absent.
Result<std::string> str(const nlohmann::json& j, const char* key, const std::string& where,
                        const std::string& fallback = "") {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_string()) return bad(where, std::string(key) + " must be a string");
  return j[key].get<std::string>();
}

Result<nlohmann::json> volume_configuration(const nlohmann::json& v, const std::string& where) {
  if (Status s = only_keys(v,
                           {"mount_point", "number_of_disks", "size", "raid_level", "volume_type",
                            "iops", "encrypted"},
                           where);
      !s.ok())
    return s.error();
  if (!v.contains("mount_point")) return bad(where, "mount_point is required");
  nlohmann::json out = {{"MountPoint", v["mount_point"]},
                        {"NumberOfDisks", v.value("number_of_disks", nlohmann::json(1))},
                        {"Size", v.value("size", nlohmann::json(10))}};
  const std::pair<const char*, const char*> optional[] = {{"raid_level", "RaidLevel"},
                                                          {"volume_type", "VolumeType"},
                                                          {"iops", "Iops"},
                                                          {"encrypted", "Encrypted"}};
  for (const auto& [from, to] : optional)
    if (v.contains(from)) out[to] = v[from];
  return out;
}

}  // namespace

Status OpsWorksModel::load(const nlohmann::json& stacks) {
  if (!stacks.is_array()) return bad("stacks", "must be an array");
  std::lock_guard lock(mu_);
  for (size_t i = 0; i < stacks.size(); ++i) {
    const nlohmann::json& j = stacks[i];
    std::string where = "stacks[" + std::to_string(i) + "]";
    if (Status s = only_keys(j,
                             {"name", "stack_id", "region", "vpc_id", "default_subnet_id",
                              "default_os", "hostname_theme", "service_role_arn",
                              "default_instance_profile_arn", "configuration_manager_version",
                              "use_opsworks_security_groups", "agent_version", "layers"},
                             where);
        !s.ok())
      return s;
    StackSpec spec;
    auto name = str(j, "name", where);
    auto id = str(j, "stack_id", where);
    auto region = str(j, "region", where, region_);
    auto vpc = str(j, "vpc_id", where);
    auto subnet = str(j, "default_subnet_id", where);
    auto role = str(j, "service_role_arn", where,
                    "arn:aws:iam::" + account_id_ + ":role/aws-opsworks-service-role");
    auto profile = str(j, "default_instance_profile_arn", where,
                       "arn:aws:iam::" + account_id_ + ":instance-profile/aws-opsworks-ec2-role");
    for (const auto* r : {&name, &id, &region, &vpc, &subnet, &role, &profile})
      if (!r->ok()) return r->error();
    spec.name = *name;
    spec.stack_id = *id;
    spec.region = *region;
    spec.vpc_id = *vpc;
    spec.default_subnet_id = *subnet;
    spec.service_role_arn = *role;
    spec.default_instance_profile_arn = *profile;
    for (const auto& [key, field] :
         {std::pair{"default_os", &spec.default_os},
          {"hostname_theme", &spec.hostname_theme},
          {"configuration_manager_version", &spec.configuration_manager_version},
          {"agent_version", &spec.agent_version}}) {
      if (!j.contains(key)) continue;
      auto v = str(j, key, where);
      if (!v.ok()) return v.error();
      *field = *v;
    }
    if (j.contains("use_opsworks_security_groups")) {
      if (!j["use_opsworks_security_groups"].is_boolean())
        return bad(where, "use_opsworks_security_groups must be a boolean");
      spec.use_opsworks_security_groups = j["use_opsworks_security_groups"].get<bool>();
    }
    Result<Stack> stack = create_stack_locked(spec);
    if (!stack.ok()) return bad(where + " (" + spec.name + ")", stack.error().message);

    const nlohmann::json layers = j.value("layers", nlohmann::json::array());
    if (!layers.is_array()) return bad(where, "layers must be an array");
    for (size_t k = 0; k < layers.size(); ++k) {
      const nlohmann::json& lj = layers[k];
      std::string lwhere = where + ".layers[" + std::to_string(k) + "]";
      if (Status s = only_keys(lj,
                               {"layer_id", "name", "shortname", "type",
                                "custom_instance_profile_arn", "volume_configurations"},
                               lwhere);
          !s.ok())
        return s;
      LayerSpec ls;
      ls.stack_id = stack->stack_id;
      auto lid = str(lj, "layer_id", lwhere);
      auto lname = str(lj, "name", lwhere);
      auto shortname = str(lj, "shortname", lwhere);
      auto type = str(lj, "type", lwhere, "custom");
      auto cip = str(lj, "custom_instance_profile_arn", lwhere);
      for (const auto* r : {&lid, &lname, &shortname, &type, &cip})
        if (!r->ok()) return r->error();
      ls.layer_id = *lid;
      ls.name = *lname;
      ls.shortname = *shortname;
      ls.type = *type;
      ls.custom_instance_profile_arn = *cip;
      const nlohmann::json vols = lj.value("volume_configurations", nlohmann::json::array());
      if (!vols.is_array()) return bad(lwhere, "volume_configurations must be an array");
      for (size_t v = 0; v < vols.size(); ++v) {
        auto vol = volume_configuration(
            vols[v], lwhere + ".volume_configurations[" + std::to_string(v) + "]");
        if (!vol.ok()) return vol.error();
        ls.volume_configurations.push_back(*vol);
      }
      Result<Layer> layer = create_layer_locked(ls);
      if (!layer.ok()) return bad(lwhere + " (" + ls.name + ")", layer.error().message);
    }
  }
  return {};
}

}  // namespace opsreg::mocks::opsworks
