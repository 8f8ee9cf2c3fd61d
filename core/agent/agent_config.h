// The agent's configuration on its host (<root>/etc/aws/opsworks/instance-agent.yml, mode
// 0600): what boot-registration keeps for the agent's later contacts, in the preconfig's format.
#pragma once

#include <string>

#include "core/agent/agent_host.h"
#include "core/register/preconfig.h"
#include "core/util/result.h"

namespace opsreg::agent {

inline constexpr const char* kAgentConfigPath = "/etc/aws/opsworks/instance-agent.yml";

// The config's values: stack_id, instance_id and hostname (as registered), the preconfig's
// OpsWorks endpoint keys (ops_works_* and instance_service_*: endpoint, port, use_ssl, region,
// whichever it has) and its access_key_id / secret_access_key when it has them (none: the
// agent uses the instance profile).
registration::PreconfigValues agent_config_values(const registration::PreconfigValues& preconfig,
                                                  const std::string& instance_id,
                                                  const std::string& hostname);

// Writes `values` (":key: <JSON value>" lines, as render_preconfig) to the host's config,
// creating its directories. The file is written beside it with mode 0600 and renamed into
// place, so a reader sees the old file or the whole new one, and never a group- or
// world-readable secret. Errors: "AgentConfigWriteFailed".
Status write_agent_config(const AgentHost& host, const registration::PreconfigValues& values);

// Reads the host's config back. Errors: "NoAgentConfig" (no file: the host is not
// registered), "InvalidPreconfig" (a line that is not ":key: <JSON value>").
Result<registration::PreconfigValues> read_agent_config(const AgentHost& host);

}  // namespace opsreg::agent
