// What the agent on an EC2 instance takes from its metadata service (docs/agent.md): the
// instance identity document and signature RegisterInstance carries when the preconfig says
// `import: true`, the instance's addresses, and the instance profile's credentials when the
// preconfig holds no access key (--use-instance-profile).
#pragma once

#include <functional>
#include <string>

#include "core/agent/agent_host.h"
#include "core/clients/opsworks_client.h"
#include "core/config/aws_environment.h"
#include "core/config/instance_metadata.h"
#include "core/register/preconfig.h"
#include "core/util/result.h"

namespace opsreg::agent {

struct Ec2Identity {
  clients::InstanceIdentity identity;  // Document (as served) and Signature
  std::string instance_id;
  std::string region;
  std::string private_ip;  // meta-data/local-ipv4
  std::string public_ip;   // meta-data/public-ipv4; "" when the instance has none (404)

  // `host` with the instance's addresses (the metadata service knows them; the host may not).
  AgentHost on(const AgentHost& host) const;
};

// Reads the document, its signature and the addresses. Errors: the metadata client's
// (MetadataServiceUnavailable when not on EC2, ...), naming what was being read.
Result<Ec2Identity> read_ec2_identity(config::InstanceMetadataClient& imds);

// opsworks_service(preconfig) — with the instance profile's role credentials (and session
// token) when the preconfig holds no access key. Errors: opsworks_service's, and
// "NoCredentials" naming the metadata service's error when it has no role credentials.
Result<config::ServiceConfig> agent_opsworks_service(const registration::PreconfigValues& preconfig,
                                                     config::InstanceMetadataClient& imds);

// The instance profile's credentials as a running agent takes them: a fresh metadata session
// at each call (the role's credentials rotate), the credentials with their session token.
// Errors: the metadata client's (MetadataNotFound when no role is attached, ...).
std::function<Result<aws::Credentials>()> instance_profile_credentials(
    config::MetadataOptions options);

}  // namespace opsreg::agent
