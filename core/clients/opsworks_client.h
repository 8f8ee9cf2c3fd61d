// A typed OpsWorks Stacks client (JSON 1.1, X-Amz-Target OpsWorks_20130218.*): the stack
// and provisioning lookups of the register procedure and the agent's RegisterInstance.
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

  AwsClient& raw() { return client_; }

 private:
  Result<nlohmann::json> call(const std::string& op, const nlohmann::json& body);
  AwsClient client_;
};

}  // namespace opsreg::clients
