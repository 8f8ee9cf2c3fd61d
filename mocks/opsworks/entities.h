// OpsWorks Stacks' stored entities (stacks, layers, instances) and the specs that create them.
// Plain data; the rules live in model.h, the wire rendering in render.h.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock/clock.h"

namespace opsreg::mocks::opsworks {

// What CreateStack (or a world file) asks for. Absent optionals take OpsWorks' defaults.
struct StackSpec {
  std::string stack_id;  // empty: drawn from the world's ids
  std::string name;
  std::string region;
  std::string vpc_id;
  std::map<std::string, std::string> attributes;
  std::string service_role_arn;
  std::string default_instance_profile_arn;
  std::optional<std::string> default_os;
  std::optional<std::string> hostname_theme;
  std::string default_availability_zone;
  std::string default_subnet_id;
  std::string custom_json;
  std::optional<std::string> configuration_manager_name;
  std::optional<std::string> configuration_manager_version;
  std::optional<nlohmann::json> chef_configuration;  // {ManageBerkshelf, BerkshelfVersion}
  std::optional<bool> use_custom_cookbooks;
  std::optional<bool> use_opsworks_security_groups;
  std::optional<nlohmann::json> custom_cookbooks_source;  // Source
  std::string default_ssh_key_name;
  std::optional<std::string> default_root_device_type;
  std::optional<std::string> agent_version;
};

struct Stack {
  std::string stack_id;
  std::string name;
  std::string arn;  // arn:aws:opsworks:REGION:ACCOUNT:stack/STACKID/
  std::string region;
  std::string vpc_id;
  std::map<std::string, std::string> attributes;
  std::string service_role_arn;
  std::string default_instance_profile_arn;
  std::string default_os;
  std::string hostname_theme;
  std::string default_availability_zone;
  std::string default_subnet_id;
  std::string custom_json;
  std::string configuration_manager_name;
  std::string configuration_manager_version;
  std::optional<nlohmann::json> chef_configuration;
  bool use_custom_cookbooks = false;
  bool use_opsworks_security_groups = true;
  std::optional<nlohmann::json> custom_cookbooks_source;  // secrets filtered when rendered
  std::string default_ssh_key_name;
  TimePoint created_at;
  std::string default_root_device_type;
  std::string agent_version;
};

// What CreateLayer (or a world file) asks for.
struct LayerSpec {
  std::string layer_id;  // empty: drawn from the world's ids
  std::string stack_id;
  std::string type;
  std::string name;
  std::string shortname;
  std::map<std::string, std::string> attributes;
  std::optional<nlohmann::json> cloud_watch_logs_configuration;
  std::string custom_instance_profile_arn;
  std::string custom_json;
  std::vector<std::string> custom_security_group_ids;
  std::vector<std::string> packages;
  nlohmann::json volume_configurations = nlohmann::json::array();  // list<VolumeConfiguration>
  std::optional<bool> enable_auto_healing;
  std::optional<bool> auto_assign_elastic_ips;
  std::optional<bool> auto_assign_public_ips;
  std::optional<nlohmann::json> custom_recipes;  // Recipes
  std::optional<bool> install_updates_on_boot;
  std::optional<bool> use_ebs_optimized_instances;
  std::optional<nlohmann::json> lifecycle_event_configuration;
};

struct Layer {
  std::string layer_id;
  std::string stack_id;
  std::string arn;  // arn:aws:opsworks:REGION:ACCOUNT:layer/LAYERID
  std::string type;
  std::string name;
  std::string shortname;
  std::map<std::string, std::string> attributes;
  std::optional<nlohmann::json> cloud_watch_logs_configuration;
  std::string custom_instance_profile_arn;
  std::string custom_json;
  std::vector<std::string> custom_security_group_ids;
  std::vector<std::string> default_security_group_names;
  std::vector<std::string> packages;
  nlohmann::json volume_configurations = nlohmann::json::array();
  bool enable_auto_healing = true;
  bool auto_assign_elastic_ips = false;
  bool auto_assign_public_ips = false;
  nlohmann::json custom_recipes;  // Recipes, every event present
  TimePoint created_at;
  bool install_updates_on_boot = true;
  bool use_ebs_optimized_instances = false;
  nlohmann::json lifecycle_event_configuration;
};

// What RegisterInstance asks for.
struct RegistrationSpec {
  std::string stack_id;
  std::optional<std::string> hostname;
  std::string public_ip;
  std::string private_ip;
  std::string rsa_public_key;
  std::string rsa_public_key_fingerprint;
  std::optional<std::string> identity_document;  // InstanceIdentity.Document
  std::string identity_signature;                // InstanceIdentity.Signature (not verified)
  std::string registered_by;                     // the caller's ARN
};

struct Instance {
  std::string instance_id;
  std::string stack_id;
  std::string arn;  // arn:aws:opsworks:REGION:ACCOUNT:instance/INSTANCEID
  std::string hostname;
  std::string status;                // "registered" after RegisterInstance
  bool registered = true;            // registered (not created by OpsWorks)
  std::string infrastructure_class;  // "ec2" or "on-premises"
  std::string registered_by;
  std::string public_ip;
  std::string private_ip;
  std::string ec2_instance_id;  // from the identity document
  std::string availability_zone;
  std::string instance_type;
  std::string architecture;
  std::vector<std::string> layer_ids;
  TimePoint created_at;
  std::string os;
  std::optional<nlohmann::json> reported_os;  // {Family, Name, Version}, once an agent reports
  std::string agent_version = "INHERIT";
  std::string reported_agent_version;
  std::string ssh_host_rsa_key_fingerprint;  // once an agent reports the host keys
  std::string last_service_error_id;         // LastServiceErrorId (DescribeServiceErrors)
  std::string rsa_public_key;                // the agent's key: kept, never returned
  std::string rsa_public_key_fingerprint;    // kept, never returned
  // The agent's last good contact (RegisterInstance is the first); nullopt: no agent (an
  // instance of a world file), which never reads as connection_lost (agent_contact_rule.cc).
  std::optional<TimePoint> last_contact;
};

}  // namespace opsreg::mocks::opsworks
