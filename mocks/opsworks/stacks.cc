// Stacks: CreateStack's validation and defaults, lookup, and DeleteStack's rule that a stack
// must be emptied (layers deleted, instances deregistered) first.
#include <algorithm>
#include <regex>

#include "mocks/opsworks/model.h"

namespace opsreg::mocks::opsworks {

namespace {

constexpr const char* kHostnameThemes[] = {"Layer_Dependent",
                                           "Baked_Goods",
                                           "Clouds",
                                           "Europe_Cities",
                                           "Fruits",
                                           "Greek_Deities_and_Titans",
                                           "Legendary_creatures_from_Japan",
                                           "Planets_and_Moons",
                                           "Roman_Deities",
                                           "Scottish_Islands",
                                           "US_Cities",
                                           "Wild_Cats"};

bool is_region(const std::string& r) {
  static const std::regex re("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$");
  return std::regex_match(r, re);
}

// arn:aws:iam::ACCOUNT:<kind>/NAME
bool is_iam_arn(const std::string& arn, const std::string& kind) {
  static const std::regex re("^arn:aws[a-z-]*:iam::[0-9]{12}:([a-z-]+)/(.+)$");
  std::smatch m;
  return std::regex_match(arn, m, re) && m[1] == kind;
}

Status check_spec(const StackSpec& s) {
  if (s.name.empty() || s.name.size() > 64)
    return invalid("Stack names must be 1 to 64 characters long: " + s.name);
  if (!is_region(s.region)) return invalid("Invalid region: " + s.region);
  if (!is_iam_arn(s.service_role_arn, "role"))
    return invalid("Service role ARN " + s.service_role_arn +
                   " is not valid: it must be an IAM role ARN");
  if (!is_iam_arn(s.default_instance_profile_arn, "instance-profile"))
    return invalid("Default instance profile ARN " + s.default_instance_profile_arn +
                   " is not valid: it must be an IAM instance profile ARN");
  if (!s.vpc_id.empty() && s.default_subnet_id.empty())
    return invalid("DefaultSubnetId is required when VpcId is specified");
  if (s.hostname_theme && std::find(std::begin(kHostnameThemes), std::end(kHostnameThemes),
                                    *s.hostname_theme) == std::end(kHostnameThemes))
    return invalid("Invalid hostname theme: " + *s.hostname_theme);
  for (const auto& [key, value] : s.attributes)
    if (key != "Color") return invalid("Invalid stack attribute: " + key);
  if (s.configuration_manager_name && *s.configuration_manager_name != "Chef")
    return invalid("Invalid configuration manager name: " + *s.configuration_manager_name +
                   " (only Chef is supported)");
  if (s.configuration_manager_version) {
    const std::string& v = *s.configuration_manager_version;
    if (v != "11.4" && v != "11.10" && v != "12" && v != "12.2")
      return invalid("Unsupported configuration manager version: Chef " + v +
                     " (supported: 11.4, 11.10, 12, 12.2)");
  }
  if (s.default_root_device_type && *s.default_root_device_type != "ebs" &&
      *s.default_root_device_type != "instance-store")
    return invalid("Invalid root device type: " + *s.default_root_device_type);
  if (s.custom_cookbooks_source && s.custom_cookbooks_source->contains("Type")) {
    const auto& t = (*s.custom_cookbooks_source)["Type"];
    if (!t.is_string() || (t != "git" && t != "svn" && t != "archive" && t != "s3"))
      return invalid("Invalid custom cookbooks source type: " + t.dump());
  }
  return {};
}

}  // namespace

Result<Stack> OpsWorksModel::create_stack(const StackSpec& spec) {
  std::lock_guard lock(mu_);
  return create_stack_locked(spec);
}

Result<Stack> OpsWorksModel::create_stack_locked(const StackSpec& spec) {
  if (Status s = check_spec(spec); !s.ok()) return s.error();
  if (!spec.stack_id.empty() && find_stack(spec.stack_id))
    return invalid("A stack with ID " + spec.stack_id + " already exists");
  Stack s;
  s.stack_id = spec.stack_id.empty() ? ids_.uuid() : spec.stack_id;
  s.name = spec.name;
  s.region = spec.region;
  s.arn = arn(s.region, "stack", s.stack_id) + "/";
  s.vpc_id = spec.vpc_id;
  s.attributes = spec.attributes;
  s.service_role_arn = spec.service_role_arn;
  s.default_instance_profile_arn = spec.default_instance_profile_arn;
  s.default_os = spec.default_os.value_or("Amazon Linux 2");
  s.hostname_theme = spec.hostname_theme.value_or("Layer_Dependent");
  s.default_availability_zone = spec.default_availability_zone;
  s.default_subnet_id = spec.default_subnet_id;
  s.custom_json = spec.custom_json;
  s.configuration_manager_name = spec.configuration_manager_name.value_or("Chef");
  s.configuration_manager_version = spec.configuration_manager_version.value_or("11.10");
  s.chef_configuration = spec.chef_configuration;
  s.use_custom_cookbooks = spec.use_custom_cookbooks.value_or(false);
  s.use_opsworks_security_groups = spec.use_opsworks_security_groups.value_or(true);
  s.custom_cookbooks_source = spec.custom_cookbooks_source;
  s.default_ssh_key_name = spec.default_ssh_key_name;
  s.created_at = clock_.now();
  s.default_root_device_type = spec.default_root_device_type.value_or("instance-store");
  s.agent_version = spec.agent_version.value_or("LATEST");
  stacks_.push_back(s);
  return s;
}

std::vector<Stack> OpsWorksModel::stacks() const {
  std::lock_guard lock(mu_);
  return stacks_;
}

Result<Stack> OpsWorksModel::stack(std::string_view stack_id) const {
  std::lock_guard lock(mu_);
  const Stack* s = find_stack(stack_id);
  if (!s) return not_found("stack", stack_id);
  return *s;
}

Status OpsWorksModel::delete_stack(std::string_view stack_id) {
  std::lock_guard lock(mu_);
  if (!find_stack(stack_id)) return not_found("stack", stack_id);
  auto in_stack = [&](const auto& e) { return e.stack_id == stack_id; };
  size_t n_instances = std::count_if(instances_.begin(), instances_.end(), in_stack);
  size_t n_layers = std::count_if(layers_.begin(), layers_.end(), in_stack);
  if (n_instances || n_layers) {
    return invalid("Cannot delete stack " + std::string(stack_id) + ": it still has " +
                   std::to_string(n_instances) + " instance(s) and " + std::to_string(n_layers) +
                   " layer(s). You must first delete all instances, layers, and apps or "
                   "deregister registered instances.");
  }
  std::erase_if(stacks_, in_stack);
  return {};
}

}  // namespace opsreg::mocks::opsworks
