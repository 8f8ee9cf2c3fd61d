// OpsWorks Stacks calls over JSON 1.1 and their typed results.
#include "core/clients/opsworks_client.h"

namespace opsreg::clients {

namespace {

std::string str(const nlohmann::json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

aws::Error malformed(const std::string& what) {
  return aws::make_error("MalformedResponse", "The response has no valid " + what, 200);
}

Instance read_instance(const nlohmann::json& j) {
  Instance i;
  i.instance_id = str(j, "InstanceId");
  i.stack_id = str(j, "StackId");
  i.hostname = str(j, "Hostname");
  i.status = str(j, "Status");
  i.infrastructure_class = str(j, "InfrastructureClass");
  i.private_ip = str(j, "PrivateIp");
  i.public_ip = str(j, "PublicIp");
  i.registered_by = str(j, "RegisteredBy");
  i.ec2_instance_id = str(j, "Ec2InstanceId");
  i.arn = str(j, "Arn");
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
    stacks.push_back(
        Stack{str(s, "StackId"), str(s, "Name"), str(s, "Region"), str(s, "Arn"), str(s, "VpcId")});
  return stacks;
}

Result<ProvisioningParameters> OpsWorksClient::describe_stack_provisioning_parameters(
    const std::string& stack_id) {
  Result<nlohmann::json> res = call("DescribeStackProvisioningParameters", {{"StackId", stack_id}});
  if (!res.ok()) return res.error();
  ProvisioningParameters out;
  out.agent_installer_url = str(*res, "AgentInstallerUrl");
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
  std::string id = str(*res, "InstanceId");
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
  out.status = str(*res, "Status");
  if (out.status.empty()) return malformed("Status");
  out.hosts_file = str(*res, "HostsFile");
  if (auto it = res->find("RegisteredVolumes"); it != res->end() && it->is_array())
    for (const auto& v : *it)
      out.registered_volumes.push_back(
          {str(v, "VolumeId"), str(v, "Ec2VolumeId"), str(v, "Device"), str(v, "MountPoint")});
  if (auto it = res->find("RegisteredElasticIps"); it != res->end() && it->is_array())
    for (const auto& e : *it) out.registered_elastic_ips.push_back(str(e, "Ip"));
  if (auto it = res->find("ServiceError"); it != res->end() && it->is_object())
    out.service_error =
        AgentServiceError{str(*it, "ServiceErrorId"), str(*it, "Type"), str(*it, "Message")};
  return out;
}

}  // namespace opsreg::clients
