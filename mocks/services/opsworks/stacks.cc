// OpsWorks stacks on the wire: CreateStack, DescribeStacks, DeleteStack and
// DescribeStackProvisioningParameters (the agent installer on the fake S3, the edge endpoints).
#include "mocks/opsworks/render.h"
#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace ji = json_input;

namespace {

// Reads an optional string member into `out` (left alone when absent).
Status read(const Json& in, const char* name, std::optional<std::string>& out) {
  auto v = ji::optional_string(in, name);
  if (!v.ok()) return v.error();
  if (v->has_value()) out = **v;
  return {};
}
Status read(const Json& in, const char* name, std::string& out) {
  std::optional<std::string> v;
  if (Status s = read(in, name, v); !s.ok()) return s;
  if (v) out = *v;
  return {};
}
Status read(const Json& in, const char* name, std::optional<bool>& out) {
  auto v = ji::optional_bool(in, name);
  if (!v.ok()) return v.error();
  out = *v;
  return {};
}
Status read(const Json& in, const char* name, std::optional<Json>& out) {
  auto v = ji::optional_object(in, name);
  if (!v.ok()) return v.error();
  out = *v;
  return {};
}

Result<StackSpec> read_stack_spec(const Json& in) {
  StackSpec spec;
  for (auto [name, field] : {std::pair{"Name", &spec.name},
                             {"Region", &spec.region},
                             {"ServiceRoleArn", &spec.service_role_arn},
                             {"DefaultInstanceProfileArn", &spec.default_instance_profile_arn}}) {
    auto v = ji::required_string(in, name);
    if (!v.ok()) return v.error();
    *field = *v;
  }
  Status s;
  for (auto [name, field] : {std::pair{"VpcId", &spec.vpc_id},
                             {"DefaultAvailabilityZone", &spec.default_availability_zone},
                             {"DefaultSubnetId", &spec.default_subnet_id},
                             {"CustomJson", &spec.custom_json},
                             {"DefaultSshKeyName", &spec.default_ssh_key_name}})
    if (s = read(in, name, *field); !s.ok()) return s.error();
  for (auto [name, field] : {std::pair{"DefaultOs", &spec.default_os},
                             {"HostnameTheme", &spec.hostname_theme},
                             {"DefaultRootDeviceType", &spec.default_root_device_type},
                             {"AgentVersion", &spec.agent_version}})
    if (s = read(in, name, *field); !s.ok()) return s.error();
  for (auto [name, field] : {std::pair{"UseCustomCookbooks", &spec.use_custom_cookbooks},
                             {"UseOpsworksSecurityGroups", &spec.use_opsworks_security_groups}})
    if (s = read(in, name, *field); !s.ok()) return s.error();
  for (auto [name, field] : {std::pair{"ChefConfiguration", &spec.chef_configuration},
                             {"CustomCookbooksSource", &spec.custom_cookbooks_source}})
    if (s = read(in, name, *field); !s.ok()) return s.error();
  auto attributes = ji::optional_string_map(in, "Attributes");
  if (!attributes.ok()) return attributes.error();
  if (*attributes) spec.attributes = **attributes;
  std::optional<Json> manager;
  if (s = read(in, "ConfigurationManager", manager); !s.ok()) return s.error();
  if (manager) {
    if (s = read(*manager, "Name", spec.configuration_manager_name); !s.ok()) return s.error();
    if (s = read(*manager, "Version", spec.configuration_manager_version); !s.ok())
      return s.error();
  }
  return spec;
}

Result<Json> create_stack(const Json& in, CallContext& ctx) {
  Result<StackSpec> spec = read_stack_spec(in);
  if (!spec.ok()) return spec.error();
  if (Status s = ctx.authorize("opsworks:CreateStack", "*"); !s.ok()) return s.error();
  Result<Stack> stack = ctx.world().opsworks().create_stack(*spec);
  if (!stack.ok()) return stack.error();
  return Json{{"StackId", stack->stack_id}};
}

// Without StackIds: every stack the caller may DescribeStacks (evaluated per stack ARN);
// denied only when the caller may see none and is not allowed on "*" either.
Result<Json> describe_stacks(const Json& in, CallContext& ctx) {
  auto ids = ji::optional_string_list(in, "StackIds");
  if (!ids.ok()) return ids.error();
  OpsWorksModel& model = ctx.world().opsworks();
  Json out = Json::array();
  if (!ids->has_value()) {
    for (const Stack& s : model.stacks())
      if (ctx.authorize("opsworks:DescribeStacks", s.arn).ok()) out.push_back(to_json(s));
    if (out.empty()) {
      if (Status s = ctx.authorize("opsworks:DescribeStacks", "*"); !s.ok()) return s.error();
    }
    return Json{{"Stacks", out}};
  }
  if ((*ids)->empty()) return invalid("Please provide no arguments or, one or more stack IDs");
  for (const std::string& id : **ids) {
    Result<Stack> s = model.stack(id);
    if (!s.ok()) return s.error();
    if (Status a = ctx.authorize("opsworks:DescribeStacks", s->arn); !a.ok()) return a.error();
    out.push_back(to_json(*s));
  }
  return Json{{"Stacks", out}};
}

Result<Json> delete_stack(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "StackId");
  if (!id.ok()) return id.error();
  if (Status s = authorize_on_stack(ctx, "opsworks:DeleteStack", *id); !s.ok()) return s.error();
  if (Status s = ctx.world().opsworks().delete_stack(*id); !s.ok()) return s.error();
  return Json::object();
}

// Our model of the provisioning parameters (the service's exact map is not public): the agent
// installer is served by the fake S3 on the edge, and the agent talks to the edge for both the
// OpsWorks and the instance service. AgentInstallerUrl = agent_installer_base_url + "/" +
// agent_installer_tgz = EDGE/BUCKET/KEY (S3 path style).
Result<Json> describe_stack_provisioning_parameters(const Json& in, CallContext& ctx) {
  auto id = ji::required_string(in, "StackId");
  if (!id.ok()) return id.error();
  Result<Stack> stack = ctx.world().opsworks().stack(*id);
  if (!stack.ok()) return stack.error();
  if (Status s = ctx.authorize("opsworks:DescribeStackProvisioningParameters", stack->arn); !s.ok())
    return s.error();
  const AgentInstaller& installer = ctx.world().agent_installer();
  std::string edge = ctx.world().edge_url();  // http://HOST:PORT
  bool ssl = edge.starts_with("https://");
  std::string authority =
      edge.substr(edge.find("://") == std::string::npos ? 0 : edge.find("://") + 3);
  authority = authority.substr(0, authority.find('/'));
  std::string host = authority, port = ssl ? "443" : "80";
  if (auto colon = authority.rfind(':'); colon != std::string::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  std::string base_url = edge + "/" + installer.bucket;
  std::string use_ssl = ssl ? "true" : "false";
  Json params = {{"agent_installer_base_url", base_url},
                 {"agent_installer_tgz", installer.key},
                 {"assets_download_bucket", installer.assets_bucket},
                 {"instance_service_endpoint", host},
                 {"instance_service_port", port},
                 {"instance_service_region", stack->region},
                 {"instance_service_use_ssl", use_ssl},
                 {"instance_service_ssl_verify_peer_certificate", use_ssl},
                 {"ops_works_endpoint", host},
                 {"ops_works_port", port},
                 {"ops_works_region", stack->region},
                 {"ops_works_use_ssl", use_ssl},
                 {"ops_works_ssl_verify_peer_certificate", use_ssl},
                 {"verbose", "false"},
                 {"wait_between_runs", "30"}};
  // World setting "agent_key_pool" (off in conformance runs): the agent's pre-generated keys.
  if (const auto& pool = ctx.world().settings().agent_key_pool_file; !pool.empty())
    params["opsreg_agent_key_pool"] = pool;
  return Json{{"AgentInstallerUrl", base_url + "/" + installer.key}, {"Parameters", params}};
}

}  // namespace

void add_stack_operations(JsonOperations& ops) {
  ops.add("CreateStack", create_stack);
  ops.add("DescribeStacks", describe_stacks);
  ops.add("DeleteStack", delete_stack);
  ops.add("DescribeStackProvisioningParameters", describe_stack_provisioning_parameters);
}

}  // namespace opsreg::mocks::opsworks
