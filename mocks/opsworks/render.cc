// Rendering of stacks, layers and instances in the API's JSON shapes. Empty optional strings
// are left out, as the service leaves out members it has no value for.
#include "mocks/opsworks/render.h"

#include "core/clock/time_format.h"

namespace opsreg::mocks::opsworks {

namespace {
void put_if(nlohmann::json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}
}  // namespace

std::string format_datetime(TimePoint t) {
  std::string s = format_iso8601(t);  // ...Z
  s.pop_back();
  return s + "+00:00";
}

nlohmann::json to_json(const Stack& s) {
  nlohmann::json j = {
      {"StackId", s.stack_id}, {"Name", s.name}, {"Arn", s.arn}, {"Region", s.region}};
  put_if(j, "VpcId", s.vpc_id);
  j["Attributes"] = s.attributes;
  j["ServiceRoleArn"] = s.service_role_arn;
  j["DefaultInstanceProfileArn"] = s.default_instance_profile_arn;
  j["DefaultOs"] = s.default_os;
  j["HostnameTheme"] = s.hostname_theme;
  put_if(j, "DefaultAvailabilityZone", s.default_availability_zone);
  put_if(j, "DefaultSubnetId", s.default_subnet_id);
  put_if(j, "CustomJson", s.custom_json);
  j["ConfigurationManager"] = {{"Name", s.configuration_manager_name},
                               {"Version", s.configuration_manager_version}};
  if (s.chef_configuration) j["ChefConfiguration"] = *s.chef_configuration;
  j["UseCustomCookbooks"] = s.use_custom_cookbooks;
  j["UseOpsworksSecurityGroups"] = s.use_opsworks_security_groups;
  if (s.custom_cookbooks_source) {
    nlohmann::json src = *s.custom_cookbooks_source;
    // As the API documents: secrets come back filtered.
    for (const char* secret : {"Password", "SshKey"})
      if (src.contains(secret)) src[secret] = "*****FILTERED*****";
    j["CustomCookbooksSource"] = src;
  }
  put_if(j, "DefaultSshKeyName", s.default_ssh_key_name);
  j["CreatedAt"] = format_datetime(s.created_at);
  j["DefaultRootDeviceType"] = s.default_root_device_type;
  j["AgentVersion"] = s.agent_version;
  return j;
}

nlohmann::json to_json(const Layer& l) {
  nlohmann::json j = {{"Arn", l.arn},
                      {"StackId", l.stack_id},
                      {"LayerId", l.layer_id},
                      {"Type", l.type},
                      {"Name", l.name},
                      {"Shortname", l.shortname},
                      {"Attributes", nlohmann::json::object()}};
  for (const auto& [k, v] : l.attributes)
    j["Attributes"][k] =
        (k == "HaproxyStatsPassword" || k == "MysqlRootPassword" || k == "GangliaPassword")
            ? "*****FILTERED*****"
            : v;
  if (l.cloud_watch_logs_configuration)
    j["CloudWatchLogsConfiguration"] = *l.cloud_watch_logs_configuration;
  put_if(j, "CustomInstanceProfileArn", l.custom_instance_profile_arn);
  put_if(j, "CustomJson", l.custom_json);
  j["CustomSecurityGroupIds"] = l.custom_security_group_ids;
  j["DefaultSecurityGroupNames"] = l.default_security_group_names;
  j["Packages"] = l.packages;
  j["VolumeConfigurations"] = l.volume_configurations;
  j["EnableAutoHealing"] = l.enable_auto_healing;
  j["AutoAssignElasticIps"] = l.auto_assign_elastic_ips;
  j["AutoAssignPublicIps"] = l.auto_assign_public_ips;
  j["DefaultRecipes"] = {{"Setup", nlohmann::json::array()},
                         {"Configure", nlohmann::json::array()},
                         {"Deploy", nlohmann::json::array()},
                         {"Undeploy", nlohmann::json::array()},
                         {"Shutdown", nlohmann::json::array()}};
  j["CustomRecipes"] = l.custom_recipes;
  j["CreatedAt"] = format_datetime(l.created_at);
  j["InstallUpdatesOnBoot"] = l.install_updates_on_boot;
  j["UseEbsOptimizedInstances"] = l.use_ebs_optimized_instances;
  j["LifecycleEventConfiguration"] = l.lifecycle_event_configuration;
  return j;
}

nlohmann::json to_json(const Instance& i) {
  nlohmann::json j = {{"InstanceId", i.instance_id},
                      {"Arn", i.arn},
                      {"StackId", i.stack_id},
                      {"Hostname", i.hostname},
                      {"Status", i.status},
                      {"LayerIds", i.layer_ids},
                      {"CreatedAt", format_datetime(i.created_at)}};
  j["AgentVersion"] = i.agent_version;
  put_if(j, "Architecture", i.architecture);
  put_if(j, "AvailabilityZone", i.availability_zone);
  put_if(j, "Ec2InstanceId", i.ec2_instance_id);
  put_if(j, "InfrastructureClass", i.infrastructure_class);
  put_if(j, "InstanceType", i.instance_type);
  put_if(j, "LastServiceErrorId", i.last_service_error_id);
  put_if(j, "Os", i.os);
  put_if(j, "PrivateIp", i.private_ip);
  put_if(j, "PublicIp", i.public_ip);
  put_if(j, "RegisteredBy", i.registered_by);
  put_if(j, "ReportedAgentVersion", i.reported_agent_version);
  if (i.reported_os) j["ReportedOs"] = *i.reported_os;
  put_if(j, "SshHostRsaKeyFingerprint", i.ssh_host_rsa_key_fingerprint);
  j["SecurityGroupIds"] = nlohmann::json::array();
  return j;
}

}  // namespace opsreg::mocks::opsworks
