// Layers: CreateLayer's rules (types, short names, one layer per built-in type, volume
// configurations), lookup, and DeleteLayer's rule that no instance may still be assigned.
#include <algorithm>
#include <map>
#include <set>

#include "mocks/opsworks/model.h"

namespace opsreg::mocks::opsworks {

namespace {

// Layer type → the built-in security group OpsWorks associates with it.
const std::map<std::string, std::string>& layer_types() {
  static const std::map<std::string, std::string> types = {
      {"aws-flow-ruby", "AWS-OpsWorks-AWS-Flow-Ruby-Server"},
      {"ecs-cluster", "AWS-OpsWorks-ECS-Cluster"},
      {"java-app", "AWS-OpsWorks-Java-App-Server"},
      {"lb", "AWS-OpsWorks-LB-Server"},
      {"web", "AWS-OpsWorks-Web-Server"},
      {"php-app", "AWS-OpsWorks-PHP-App-Server"},
      {"rails-app", "AWS-OpsWorks-Rails-App-Server"},
      {"nodejs-app", "AWS-OpsWorks-nodejs-App-Server"},
      {"memcached", "AWS-OpsWorks-Memcached-Server"},
      {"db-master", "AWS-OpsWorks-DB-Master-Server"},
      {"monitoring-master", "AWS-OpsWorks-Monitoring-Master-Server"},
      {"custom", "AWS-OpsWorks-Custom-Server"}};
  return types;
}

const std::set<std::string>& layer_attribute_keys() {
  static const std::set<std::string> keys = {"EcsClusterArn",
                                             "EnableHaproxyStats",
                                             "HaproxyStatsUrl",
                                             "HaproxyStatsUser",
                                             "HaproxyStatsPassword",
                                             "HaproxyHealthCheckUrl",
                                             "HaproxyHealthCheckMethod",
                                             "MysqlRootPassword",
                                             "MysqlRootPasswordUbiquitous",
                                             "GangliaUrl",
                                             "GangliaUser",
                                             "GangliaPassword",
                                             "MemcachedMemory",
                                             "NodejsVersion",
                                             "RubyVersion",
                                             "RubygemsVersion",
                                             "ManageBundler",
                                             "BundlerVersion",
                                             "RailsStack",
                                             "PassengerVersion",
                                             "Jvm",
                                             "JvmVersion",
                                             "JvmOptions",
                                             "JavaAppServer",
                                             "JavaAppServerVersion"};
  return keys;
}

bool valid_shortname(const std::string& s) {
  if (s.empty() || s.size() > 32) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

aws::Error missing_in_volume(size_t index, const char* member) {
  return invalid("1 validation error detected: Value null at 'volumeConfigurations." +
                 std::to_string(index + 1) + ".member." + member +
                 "' failed to satisfy constraint: Member must not be null");
}

// VolumeConfiguration: MountPoint, NumberOfDisks and Size required; VolumeType's size ranges
// as its documentation lists them; io1 needs Iops; mount points unique within the layer.
Status check_volumes(const nlohmann::json& volumes) {
  if (!volumes.is_array()) return invalid("VolumeConfigurations must be a list");
  std::set<std::string> mount_points;
  for (size_t i = 0; i < volumes.size(); ++i) {
    const nlohmann::json& v = volumes[i];
    std::string where = "VolumeConfigurations[" + std::to_string(i) + "]: ";
    if (!v.is_object()) return invalid(where + "must be a structure");
    if (!v.contains("MountPoint") || v["MountPoint"].is_null())
      return missing_in_volume(i, "mountPoint");
    if (!v.contains("NumberOfDisks") || v["NumberOfDisks"].is_null())
      return missing_in_volume(i, "numberOfDisks");
    if (!v.contains("Size") || v["Size"].is_null()) return missing_in_volume(i, "size");
    if (!v["MountPoint"].is_string() || !v["NumberOfDisks"].is_number_integer() ||
        !v["Size"].is_number_integer())
      return serialization(where + "MountPoint must be a string, NumberOfDisks and Size integers");
    std::string mp = v["MountPoint"];
    if (mp.empty() || mp[0] != '/')
      return invalid(where + "MountPoint must be an absolute path: " + mp);
    if (!mount_points.insert(mp).second)
      return invalid(where + "duplicate mount point " + mp + " in this layer");
    long long disks = v["NumberOfDisks"], size = v["Size"];
    if (disks < 1) return invalid(where + "NumberOfDisks must be at least 1");
    if (v.contains("RaidLevel") && !v["RaidLevel"].is_null()) {
      int raid = v["RaidLevel"].is_number_integer() ? v["RaidLevel"].get<int>() : -1;
      if (raid != 0 && raid != 1 && raid != 5 && raid != 10)
        return invalid(where + "RaidLevel must be 0, 1, 5 or 10");
    }
    std::string type = v.contains("VolumeType") && v["VolumeType"].is_string()
                           ? v["VolumeType"].get<std::string>()
                           : "standard";
    static const std::map<std::string, std::pair<long long, long long>> ranges = {
        {"standard", {1, 1024}},
        {"io1", {4, 16384}},
        {"gp2", {1, 16384}},
        {"st1", {125, 16384}},
        {"sc1", {125, 16384}}};
    auto range = ranges.find(type);
    if (range == ranges.end())
      return invalid(where + "VolumeType must be one of standard, io1, gp2, st1, sc1: " + type);
    if (size < range->second.first || size > range->second.second)
      return invalid(where + "Size " + std::to_string(size) + " is out of range for " + type +
                     " volumes (" + std::to_string(range->second.first) + "-" +
                     std::to_string(range->second.second) + " GiB)");
    if (type == "io1" && (!v.contains("Iops") || !v["Iops"].is_number_integer()))
      return invalid(where + "Iops is required for io1 volumes");
  }
  return {};
}

}  // namespace

Result<Layer> OpsWorksModel::create_layer(const LayerSpec& spec) {
  std::lock_guard lock(mu_);
  return create_layer_locked(spec);
}

Result<Layer> OpsWorksModel::create_layer_locked(const LayerSpec& spec) {
  const Stack* stack = find_stack(spec.stack_id);
  if (!stack) return not_found("stack", spec.stack_id);
  auto type = layer_types().find(spec.type);
  if (type == layer_types().end())
    return invalid("Invalid layer type: " + spec.type +
                   " (one of aws-flow-ruby, ecs-cluster, java-app, lb, web, php-app, "
                   "rails-app, nodejs-app, memcached, db-master, monitoring-master, custom)");
  if (spec.name.empty() || spec.name.size() > 32)
    return invalid("Layer names must be 1 to 32 characters long: " + spec.name);
  if (!valid_shortname(spec.shortname))
    return invalid("Invalid shortname: " + spec.shortname +
                   ". Short names can have a maximum of 32 characters, which are limited to "
                   "the alphanumeric characters, '-', '_', and '.'");
  for (const auto& [key, value] : spec.attributes)
    if (!layer_attribute_keys().count(key)) return invalid("Invalid layer attribute: " + key);
  if (Status s = check_volumes(spec.volume_configurations); !s.ok()) return s.error();
  bool built_in = spec.type != "custom";
  if (built_in && stack->configuration_manager_version.starts_with("12"))
    return invalid("Built-in layers are not available in Chef 12 stacks: " + spec.type);
  for (const auto& l : layers_) {
    if (l.stack_id != spec.stack_id) continue;
    if (built_in && l.type == spec.type)
      return invalid("Stack " + spec.stack_id + " already has a " + spec.type +
                     " layer; a stack can have at most one layer of each built-in type");
    if (l.shortname == spec.shortname)
      return invalid("Shortname " + spec.shortname + " is already in use in stack " +
                     spec.stack_id);
  }
  if (!spec.layer_id.empty() && find_layer(spec.layer_id))
    return invalid("A layer with ID " + spec.layer_id + " already exists");

  Layer l;
  l.layer_id = spec.layer_id.empty() ? ids_.uuid() : spec.layer_id;
  l.stack_id = spec.stack_id;
  l.arn = arn(stack->region, "layer", l.layer_id);
  l.type = spec.type;
  l.name = spec.name;
  l.shortname = spec.shortname;
  l.attributes = spec.attributes;
  l.cloud_watch_logs_configuration = spec.cloud_watch_logs_configuration;
  l.custom_instance_profile_arn = spec.custom_instance_profile_arn;
  l.custom_json = spec.custom_json;
  l.custom_security_group_ids = spec.custom_security_group_ids;
  if (stack->use_opsworks_security_groups) l.default_security_group_names = {type->second};
  l.packages = spec.packages;
  l.volume_configurations = spec.volume_configurations;
  l.enable_auto_healing = spec.enable_auto_healing.value_or(true);
  l.auto_assign_elastic_ips = spec.auto_assign_elastic_ips.value_or(false);
  l.auto_assign_public_ips = spec.auto_assign_public_ips.value_or(false);
  l.custom_recipes = spec.custom_recipes.value_or(nlohmann::json::object());
  for (const char* event : {"Setup", "Configure", "Deploy", "Undeploy", "Shutdown"})
    if (!l.custom_recipes.contains(event)) l.custom_recipes[event] = nlohmann::json::array();
  l.created_at = clock_.now();
  l.install_updates_on_boot = spec.install_updates_on_boot.value_or(true);
  l.use_ebs_optimized_instances = spec.use_ebs_optimized_instances.value_or(false);
  l.lifecycle_event_configuration = spec.lifecycle_event_configuration.value_or(nlohmann::json{
      {"Shutdown", {{"ExecutionTimeout", 120}, {"DelayUntilElbConnectionsDrained", false}}}});
  layers_.push_back(l);
  return l;
}

Result<Layer> OpsWorksModel::layer(std::string_view layer_id) const {
  std::lock_guard lock(mu_);
  const Layer* l = find_layer(layer_id);
  if (!l) return not_found("layer", layer_id);
  return *l;
}

Result<std::vector<Layer>> OpsWorksModel::layers_of_stack(std::string_view stack_id) const {
  std::lock_guard lock(mu_);
  if (!find_stack(stack_id)) return not_found("stack", stack_id);
  std::vector<Layer> out;
  for (const auto& l : layers_)
    if (l.stack_id == stack_id) out.push_back(l);
  return out;
}

Status OpsWorksModel::delete_layer(std::string_view layer_id) {
  std::lock_guard lock(mu_);
  if (!find_layer(layer_id)) return not_found("layer", layer_id);
  for (const auto& i : instances_)
    if (std::find(i.layer_ids.begin(), i.layer_ids.end(), layer_id) != i.layer_ids.end())
      return invalid("Cannot delete layer " + std::string(layer_id) + ": instance " +
                     i.instance_id +
                     " is still assigned to it. Unassign, deregister or delete its instances "
                     "first.");
  std::erase_if(layers_, [&](const Layer& l) { return l.layer_id == layer_id; });
  return {};
}

}  // namespace opsreg::mocks::opsworks
