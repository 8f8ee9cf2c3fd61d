// The world file's "settings": switches that make the fake world faster or otherwise different
// from AWS for benchmarks and demos (off by default), and the simulated agent's contact rule.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

#include "core/util/result.h"
#include "mocks/base/host_settings.h"

namespace opsreg::mocks {

// IAM's default quotas (the IAM User Guide's "IAM and AWS STS quotas"). A world may set its own
// ("settings": {"iam_quotas": {"users": 3}}), so that a scenario reaches one cheaply.
struct IamQuotas {
  int users = 5000;              // UsersPerAccount
  int groups = 300;              // GroupsPerAccount
  int roles = 1000;              // RolesPerAccount
  int instance_profiles = 1000;  // InstanceProfilesPerAccount
  int groups_per_user = 10;      // GroupsPerUser
  int policies_per_user = 10;    // managed policies attached: PoliciesPerUser
  int policies_per_role = 10;    // PoliciesPerRole
  int policies_per_group = 10;   // PoliciesPerGroup
};

// The largest quota a world file may set.
constexpr int kMaxIamQuota = 100000;

struct WorldSettings {
  // "agent_key_pool": N > 0 makes the world hand out pre-generated RSA-2048 keys to the
  // simulated agent (a pool file of N keys, offered as the provisioning parameter
  // `opsreg_agent_key_pool`) instead of the agent generating one (≈ 0.25 s) per registration.
  int agent_key_pool = 0;
  // The absolute path of that pool file once the world has made it; "" when off.
  std::string agent_key_pool_file;
  // Our model of the agent's channel (docs/agent.md): a registered agent contacts the
  // service every "agent_contact_interval" (a duration string, "1m" by default), and an
  // instance whose last good contact is older than "agent_missed_contacts" (3 by default)
  // intervals reads as connection_lost.
  std::chrono::microseconds agent_contact_interval = std::chrono::minutes(1);
  int agent_missed_contacts = 3;
  // "sandbox_hosts": every host session in its own namespaces, the host's tree as its
  // filesystem (mocks/ssh/sandbox.h; needs bubblewrap). false, the user's explicit choice: a
  // plain shell on the machine.
  bool sandbox_hosts = true;
  // "iam_quotas": {"users": N, "groups": N, "roles": N, "instance_profiles": N,
  // "groups_per_user": N, "policies_per_user": N, "policies_per_role": N,
  // "policies_per_group": N}, each 0..kMaxIamQuota; AWS's defaults for the others.
  IamQuotas iam_quotas;
  // "iam_propagation_delay": IAM's eventual consistency, a duration ("10s"; at most 1h; "0s",
  // the default: none). A new or deleted access key and a policy put, deleted, attached or
  // detached take effect for requests that long later on the world's clock.
  std::chrono::microseconds iam_propagation_delay{0};
  // Every host's SSH server, as sshd's LoginGraceTime and MaxStartups (HostSettings):
  // "ssh_login_grace_time" (a duration, "120s" by default; "0s": no limit) and
  // "ssh_max_startups" (100 by default).
  std::chrono::milliseconds ssh_login_grace_time = ssh::kDefaultLoginGraceTime;
  int ssh_max_startups = static_cast<int>(ssh::kDefaultMaxStartups);
};

// The largest pool a world file may ask for (keys past the committed fixture pool are generated
// when the world is built, ≈ 0.25 s each).
constexpr int kMaxAgentKeyPool = 64;
// Bounds of the contact rule: an interval from 1 s to 1 day, a threshold from 1 to 1000.
constexpr std::chrono::seconds kMinAgentContactInterval{1};
constexpr std::chrono::hours kMaxAgentContactInterval{24};
constexpr int kMaxAgentMissedContacts = 1000;
// Bounds of the SSH login limits: a grace time up to 1 h, 1 to 10000 logins at once.
constexpr std::chrono::hours kMaxSshLoginGraceTime{1};
constexpr int kMaxSshMaxStartups = 10000;

// Reads the "settings" object (absent or null: all off). Errors are ValidationError naming the
// key: unknown keys, values of the wrong type or out of range.
Result<WorldSettings> parse_world_settings(const nlohmann::json& settings);

}  // namespace opsreg::mocks
