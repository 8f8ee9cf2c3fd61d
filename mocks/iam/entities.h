// IAM's stored entities: users, groups, roles, instance profiles, access keys, role sessions,
// managed and inline policies.
// Plain data; the rules that change them live in model.h.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock/clock.h"
#include "mocks/policy/policy.h"

namespace opsreg::mocks::iam {

struct InlinePolicy {
  std::string document;  // as given (URL-decoded JSON text)
  policy::PolicyPtr parsed;
};

struct AccessKey {
  std::string access_key_id;
  std::string secret_access_key;
  std::string user_name;  // empty for the account's root keys
  bool active = true;
  TimePoint created;
  // When requests signed with it start to be accepted: IAM's propagation delay after creation
  // (the world's "iam_propagation_delay"); a world file's keys are in effect from the start.
  TimePoint effective{};
  std::optional<TimePoint> last_used;
  std::string last_used_service;
  std::string last_used_region;
};

struct User {
  std::string user_name;
  std::string user_id;  // AIDA...
  std::string path = "/";
  std::string arn;
  TimePoint created;
  std::set<std::string> groups;                  // group names
  std::map<std::string, InlinePolicy> policies;  // inline, by name
  std::set<std::string> attached_policies;       // managed policy ARNs
  std::vector<std::string> access_key_ids;       // in creation order
};

struct Group {
  std::string group_name;
  std::string group_id;  // AGPA...
  std::string path = "/";
  std::string arn;
  TimePoint created;
  std::set<std::string> users;
  std::map<std::string, InlinePolicy> policies;
  std::set<std::string> attached_policies;
};

struct ManagedPolicy {
  std::string arn;
  std::string policy_name;
  std::string policy_id;  // ANPA...
  std::string path = "/";
  std::string document;
  policy::PolicyPtr parsed;
  TimePoint created;
  int attachment_count = 0;
};

struct Role {
  std::string role_name;
  std::string role_id;  // AROA...
  std::string path = "/";
  std::string arn;
  TimePoint created;
  std::string assume_role_policy_document;  // the trust policy, as given
  std::string description;
  int max_session_duration = 3600;  // seconds, 3600..43200
  std::map<std::string, InlinePolicy> policies;
  std::set<std::string> attached_policies;
  std::set<std::string> instance_profiles;  // names of the profiles holding the role
  std::optional<TimePoint> last_used;
  std::string last_used_region;
};

struct InstanceProfile {
  std::string instance_profile_name;
  std::string instance_profile_id;  // AIPA...
  std::string path = "/";
  std::string arn;
  TimePoint created;
  std::string role_name;  // "" when it holds no role (IAM allows at most one)
};

// Temporary credentials of one role session (STS AssumeRole, an instance profile's
// credentials). They die with the role: deleting the role deletes its sessions.
struct SessionKey {
  std::string access_key_id;  // ASIA...
  std::string secret_access_key;
  std::string session_token;
  std::string role_name;
  std::string role_id;  // the role the session was issued for (a re-created role is another)
  std::string session_name;
  TimePoint issued;
  TimePoint expiration;
};

}  // namespace opsreg::mocks::iam
