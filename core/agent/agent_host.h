// The machine the simulated agent runs on: its root directory (a fake host's tree, or "/"),
// hostname and addresses, read from the environment a fake SSH host sets or detected.
#pragma once

#include <string>

#include "core/config/env.h"

namespace opsreg::agent {

struct AgentHost {
  // Where the host's "/" is: OPSREG_HOST_ROOT (a fake host's tree), else "" (the real "/").
  std::string root;
  // OPSREG_HOST_NAME, else gethostname().
  std::string hostname;
  // OPSREG_HOST_PRIVATE_IP, else the first non-loopback IPv4 address of an interface.
  std::string private_ip;
  // OPSREG_HOST_PUBLIC_IP, else "" (an on-premises machine cannot know its public address).
  std::string public_ip;
  // The mount table the agent reports: OPSREG_HOST_MOUNTS (a sandboxed fake host binds the
  // world's volumes there), else <root>/proc/mounts.
  std::string mounts_file = {};

  static AgentHost from_environment(const config::Env& env);

  // `path` ("/var/log/...") under the host's root.
  std::string path(const std::string& absolute) const { return root + absolute; }
};

// The agent's log file on the host: <root>/var/log/aws/opsworks/opsworks-agent.log.
inline constexpr const char* kAgentLogPath = "/var/log/aws/opsworks/opsworks-agent.log";

}  // namespace opsreg::agent
