// OpsWorks Stacks calls over JSON 1.1 and their typed results.
#include "core/clients/opsworks_client.h"

#include "core/util/json_text.h"

namespace opsreg::clients {

namespace {

aws::Error malformed(const std::string& what) {
  return aws::make_error("MalformedResponse", "The response has no valid " + what, 200);
}

Instance read_instance(const nlohmann::json& j) {
  Instance i;
  i.instance_id = string_member(j, "InstanceId");
  i.stack_id = string_member(j, "StackId");
  i.hostname = string_member(j, "Hostname");
  i.status = string_member(j, "Status");
  i.infrastructure_class = string_member(j, "InfrastructureClass");
  i.private_ip = string_member(j, "PrivateIp");
  i.public_ip = string_member(j, "PublicIp");
  i.registered_by = string_member(j, "RegisteredBy");
  i.ec2_instance_id = string_member(j, "Ec2InstanceId");
  i.arn = string_member(j, "Arn");
  if (auto it = j.find("LayerIds"); it != j.end() && it->is_array())
    for (const auto& l : *it)
      if (l.is_string()) i.layer_ids.push_back(l.get<std::string>());
  return i;
}

}  // namespace

Result<nlohmann::json> OpsWorksClient::call(const std::string& op, const nlohmann::json& body) {
  return client_.call_json(std::string(kTargetPrefix) + op, body);
}

Result<std::vector<Stack>> OpsWorksClient::describe_stacks(
    const std::vector<std::string>& stack_ids) {
  nlohmann::json body = nlohmann::json::object();
  if (!stack_ids.empty()) body["StackIds"] = stack_ids;
  Result<nlohmann::json> res = call("DescribeStacks", body);
  if (!res.ok()) return res.error();
  auto it = res->find("Stacks");
  if (it == res->end() || !it->is_array()) return malformed("Stacks");
  std::vector<Stack> stacks;
  for (const auto& s : *it)
    stacks.push_back(Stack{string_member(s, "StackId"), string_member(s, "Name"),
                           string_member(s, "Region"), string_member(s, "Arn"),
                           string_member(s, "VpcId")});
  return stacks;
}

Result<ProvisioningParameters> OpsWorksClient::describe_stack_provisioning_parameters(
    const std::string& stack_id) {
  Result<nlohmann::json> res = call("DescribeStackProvisioningParameters", {{"StackId", stack_id}});
  if (!res.ok()) return res.error();
  ProvisioningParameters out;
  out.agent_installer_url = string_member(*res, "AgentInstallerUrl");
  if (auto it = res->find("Parameters"); it != res->end() && it->is_object())
    for (const auto& [k, v] : it->items())
      if (v.is_string()) out.parameters[k] = v.get<std::string>();
  return out;
}

Result<std::vector<Instance>> OpsWorksClient::describe_instances(
    const DescribeInstancesFilter& filter) {
  nlohmann::json body = nlohmann::json::object();
  if (!filter.stack_id.empty()) body["StackId"] = filter.stack_id;
  if (!filter.layer_id.empty()) body["LayerId"] = filter.layer_id;
  if (!filter.instance_ids.empty()) body["InstanceIds"] = filter.instance_ids;
  Result<nlohmann::json> res = call("DescribeInstances", body);
  if (!res.ok()) return res.error();
  auto it = res->find("Instances");
  if (it == res->end() || !it->is_array()) return malformed("Instances");
  std::vector<Instance> out;
  for (const auto& i : *it) out.push_back(read_instance(i));
  return out;
}

Result<std::string> OpsWorksClient::register_instance(const RegisterInstanceRequest& r) {
  nlohmann::json body = {{"StackId", r.stack_id}};
  auto put = [&](const char* name, const std::string& v) {
    if (!v.empty()) body[name] = v;
  };
  put("Hostname", r.hostname);
  put("PublicIp", r.public_ip);
  put("PrivateIp", r.private_ip);
  put("RsaPublicKey", r.rsa_public_key);
  put("RsaPublicKeyFingerprint", r.rsa_public_key_fingerprint);
  if (r.instance_identity) {
    nlohmann::json identity = nlohmann::json::object();
    if (!r.instance_identity->document.empty())
      identity["Document"] = r.instance_identity->document;
    if (!r.instance_identity->signature.empty())
      identity["Signature"] = r.instance_identity->signature;
    body["InstanceIdentity"] = identity;
  }
  Result<nlohmann::json> res = call("RegisterInstance", body);
  if (!res.ok()) return res.error();
  std::string id = string_member(*res, "InstanceId");
  if (id.empty()) return malformed("InstanceId");
  return id;
}

Status OpsWorksClient::deregister_instance(const std::string& instance_id) {
  Result<nlohmann::json> res = call("DeregisterInstance", {{"InstanceId", instance_id}});
  if (!res.ok()) return res.error();
  return {};
}

Result<AgentSetupResult> OpsWorksClient::agent_initial_setup(const std::string& instance_id,
                                                             const std::vector<Mount>& mounts) {
  nlohmann::json body = {{"InstanceId", instance_id}, {"Mounts", nlohmann::json::array()}};
  for (const Mount& m : mounts)
    body["Mounts"].push_back({{"Device", m.device}, {"MountPoint", m.mount_point}});
  Result<nlohmann::json> res = call("AgentInitialSetup", body);
  if (!res.ok()) return res.error();
  AgentSetupResult out;
  out.status = string_member(*res, "Status");
  if (out.status.empty()) return malformed("Status");
  out.hosts_file = string_member(*res, "HostsFile");
  if (auto it = res->find("RegisteredVolumes"); it != res->end() && it->is_array())
    for (const auto& v : *it)
      out.registered_volumes.push_back({string_member(v, "VolumeId"),
                                        string_member(v, "Ec2VolumeId"), string_member(v, "Device"),
                                        string_member(v, "MountPoint")});
  if (auto it = res->find("RegisteredElasticIps"); it != res->end() && it->is_array())
    for (const auto& e : *it) out.registered_elastic_ips.push_back(string_member(e, "Ip"));
  if (auto it = res->find("ServiceError"); it != res->end() && it->is_object())
    out.service_error =
        AgentServiceError{string_member(*it, "ServiceErrorId"), string_member(*it, "Type"),
                          string_member(*it, "Message")};
  return out;
}

}  // namespace opsreg::clients
