// The agent's initial setup after RegisterInstance (docs/register.md §3, our model of the
// channel): report the host's mounts, install the stack's /etc/hosts, log what was registered.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/agent/agent_host.h"
#include "core/clients/opsworks_client.h"
#include "core/util/result.h"

namespace opsreg::agent {

// The mounts of a /proc/mounts text ("DEVICE MOUNTPOINT TYPE OPTIONS 0 0" lines; the kernel's
// octal escapes such as \040 decoded). Blank or short lines are skipped.
std::vector<clients::Mount> parse_mounts(std::string_view proc_mounts);

// Reads <root>/proc/mounts (absent: no mounts), calls AgentInitialSetup for `instance_id`
// through `opsworks` (the client that registered), logs the old /etc/hosts line by line and
// overwrites <root>/etc/hosts with the stack's hosts file, then logs each registered volume and
// Elastic IP. `log` gets one line at a time (no secrets).
//
// Setup failing (a volume on a reserved mount point) is an error, "SetupFailed", carrying the
// service error's message: the instance is registered but setup_failed, and boot-registration
// exits 1 so that whoever ran it sees it. A service that does not know AgentInitialSetup (it is
// opsreg's model, absent from real AWS) answers UnknownOperationException: setup is skipped
// with a log line and the result's status is "skipped". Other errors: the service's, or
// "HostsFileNotWritten".
Result<clients::AgentSetupResult> initial_setup(clients::OpsWorksClient& opsworks,
                                                const AgentHost& host,
                                                const std::string& instance_id,
                                                const std::function<void(const std::string&)>& log);

}  // namespace opsreg::agent
