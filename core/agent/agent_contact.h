// One contact of the agent with OpsWorks after registration (our model, docs/agent.md):
// read the host's agent config, sign AgentContact {"InstanceId"} with the agent's credentials.
#pragma once

#include <functional>
#include <string>

#include "core/agent/agent_host.h"
#include "core/aws/sigv4.h"
#include "core/clients/aws_client.h"
#include "core/register/preconfig.h"
#include "core/util/result.h"

namespace opsreg::agent {

// Credentials fetched afresh for each contact (e.g. an instance profile's, from the instance
// metadata service).
using CredentialSource = std::function<Result<aws::Credentials>()>;

struct ContactOptions {
  // Transport and clock for the OpsWorks client; empty members get the real ones.
  clients::ClientDeps deps;
  // Where the credentials come from when the config holds no key (the agent uses the
  // instance profile). Empty: such a contact fails with "NoCredentials".
  CredentialSource instance_credentials;
  // Receives what the agent does, one line at a time (no secrets).
  std::function<void(const std::string& line)> log;
};

struct ContactResult {
  std::string instance_id;
  std::string status;  // the instance's status as the service answered it
};

// One contact from the agent whose config is `config` (agent_config.h): the OpsWorks client is
// built as boot-registration builds it (opsworks_service: the same endpoint keys), signed with
// the config's access key, or with `options.instance_credentials()` when it has none, and
// AgentContact {"InstanceId": instance_id} is sent; a contact refused for clock skew is
// retried once with the clock corrected, as boot-registration does (clock_skew.h). Errors:
// "InvalidPreconfig" (no instance_id, stack_id or region), "NoCredentials", the credential
// source's, and the service's refusal (UnrecognizedClientException for an unknown, deleted or
// inactive key, InvalidSignatureException, ResourceNotFoundException, ...).
Result<ContactResult> agent_contact(const registration::PreconfigValues& config,
                                    ContactOptions options = {});

// The same, reading the config from `host` (read_agent_config; "NoAgentConfig" when absent).
Result<ContactResult> agent_contact(const AgentHost& host, ContactOptions options = {});

}  // namespace opsreg::agent
