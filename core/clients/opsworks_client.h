// A typed OpsWorks Stacks client (JSON 1.1, X-Amz-Target OpsWorks_20130218.*): the stack
// and provisioning lookups of the register procedure and the agent's RegisterInstance and
// initial setup.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clients/aws_client.h"
#include "core/util/result.h"

namespace opsreg::clients {

struct Stack {
  std::string stack_id;
  std::string name;
  std::string region;
  std::string arn;
  std::string vpc_id;  // "" when the stack is not in a VPC
};

struct ProvisioningParameters {
  std::string agent_installer_url;
  std::map<std::string, std::string> parameters;  // e.g. "assets_download_bucket"
};

struct Instance {
  std::string instance_id;
  std::string stack_id;
  std::string hostname;
  std::string status;  // "registering", "registered", "online", "connection_lost", ...
  std::string infrastructure_class;  // "ec2" or "on-premises"
  std::string private_ip;
  std::string public_ip;
  std::string registered_by;  // the registering IAM identity's ARN
  std::string ec2_instance_id;
  std::string arn;
  std::vector<std::string> layer_ids;
};

struct InstanceIdentity {
  std::string document;
  std::string signature;
};

struct RegisterInstanceRequest {
  std::string stack_id;
  std::string hostname;  // optional members are omitted when empty
  std::string public_ip;
  std::string private_ip;
  std::string rsa_public_key;
  std::string rsa_public_key_fingerprint;
  std::optional<InstanceIdentity> instance_identity;
};

// DescribeInstances takes exactly one of these.
struct DescribeInstancesFilter {
  std::string stack_id;
  std::string layer_id;
  std::vector<std::string> instance_ids;
};

// AgentInitialSetup (opsreg's model of the agent channel; mocks/services/opsworks/agent.cc).
struct Mount {
  std::string device;
  std::string mount_point;
};

struct AgentVolume {
  std::string volume_id;
  std::string ec2_volume_id;
  std::string device;
  std::string mount_point;
};

struct AgentServiceError {
  std::string service_error_id;
  std::string type;
  std::string message;
};

struct AgentSetupResult {
  std::string status;  // "registered", "online" or "setup_failed"
  std::string hosts_file;
  std::vector<AgentVolume> registered_volumes;
  std::vector<std::string> registered_elastic_ips;
  std::optional<AgentServiceError> service_error;  // set when setup failed
};

class OpsWorksClient {
 public:
  static constexpr const char* kTargetPrefix = "OpsWorks_20130218.";
  explicit OpsWorksClient(AwsClient client) : client_(std::move(client)) {}

  // Empty `stack_ids`: every stack the caller may see.
  Result<std::vector<Stack>> describe_stacks(const std::vector<std::string>& stack_ids);
  Result<ProvisioningParameters> describe_stack_provisioning_parameters(
      const std::string& stack_id);
  Result<std::vector<Instance>> describe_instances(const DescribeInstancesFilter& filter);
  // Returns the new InstanceId.
  Result<std::string> register_instance(const RegisterInstanceRequest& request);
  Status deregister_instance(const std::string& instance_id);
  // The agent's initial setup: reports the host's mounts, gets the hosts file and what was
  // registered (or the service error when setup failed).
  Result<AgentSetupResult> agent_initial_setup(const std::string& instance_id,
                                               const std::vector<Mount>& mounts);

  AwsClient& raw() { return client_; }

 private:
  Result<nlohmann::json> call(const std::string& op, const nlohmann::json& body);
  AwsClient client_;
};

}  // namespace opsreg::clients
