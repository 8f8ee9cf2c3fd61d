// The simulated OpsWorks agent's boot-registration (docs/register.md §3): read the preconfig,
// make the RSA key pair, call OpsWorks RegisterInstance signed with the preconfig's key.
#pragma once

#include <functional>
#include <string>

#include "core/agent/agent_host.h"
#include "core/clients/aws_client.h"
#include "core/config/aws_environment.h"
#include "core/config/instance_metadata.h"
#include "core/register/preconfig.h"
#include "core/util/result.h"

namespace opsreg::agent {

struct BootOptions {
  // Transport and clock for the OpsWorks client; empty members get the real ones.
  clients::ClientDeps deps;
  // A key pool file (rsa_key.h) to draw the key from instead of generating one. Empty: the
  // preconfig's `opsreg_agent_key_pool` parameter, else none (a fresh RSA-2048 key).
  std::string key_pool;
  // Receives what the agent does, one line at a time (no secrets).
  std::function<void(const std::string& line)> log;
  // Where the instance metadata service is (EC2: identity, addresses, instance-profile
  // credentials). Empty: from the process environment (AWS_EC2_METADATA_SERVICE_ENDPOINT, ...).
  std::optional<config::MetadataOptions> metadata;
};

struct BootResult {
  std::string instance_id;
  std::string hostname;  // as registered ("" when the service chose one)
  std::string private_ip;
  std::string public_ip;
  std::string fingerprint;  // RsaPublicKeyFingerprint sent
};

// Where RegisterInstance goes, from the preconfig: ops_works_endpoint / ops_works_port /
// ops_works_use_ssl / ops_works_region (the instance_service_* values when those are absent,
// and the stack's AWS default endpoint when neither is there), signed as service "opsworks"
// with access_key_id / secret_access_key. Errors: "InvalidPreconfig" (no stack_id, no
// region), "NoCredentials" (no key; boot_registration then asks the instance profile).
Result<config::ServiceConfig> opsworks_service(const registration::PreconfigValues& preconfig);
// The same endpoint, signed with `credentials` (e.g. an instance profile's, with their session
// token) instead of the preconfig's key.
Result<config::ServiceConfig> opsworks_service(const registration::PreconfigValues& preconfig,
                                               const aws::Credentials& credentials);

// Registers the host with the stack. Hostname, private and public IP: the preconfig's
// overrides, else `host`'s (EC2: the addresses from the metadata service). `import: true`
// (EC2) sends InstanceIdentity{Document, Signature} read from the metadata service; a
// preconfig without a key signs with the instance profile's credentials (instance_identity.h).
// Like the AWS SDK for Ruby the real agent uses, a request refused for clock skew (Signature
// expired / not yet current) is retried once with the clock corrected by the server's time in
// the error message.
// Then runs the initial setup (initial_setup.h) with the same client: the host's /etc/hosts
// is overwritten and a volume on a reserved mount point fails it ("SetupFailed").
// Errors: the service's (AccessDeniedException, ValidationException, ...) or the above.
Result<BootResult> boot_registration(const registration::PreconfigValues& preconfig,
                                     const AgentHost& host, BootOptions options = {});

}  // namespace opsreg::agent
