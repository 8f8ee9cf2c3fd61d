// IAM state and rules for one account: users, groups, roles, instance profiles, access keys,
// role sessions, inline and managed policies, with real IAM's validation and errors.
// Thread-safe; the wire lives in mocks/services/iam.
#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock/clock.h"
#include "core/util/result.h"
#include "mocks/base/id_source.h"
#include "mocks/base/principal.h"
#include "mocks/base/world_settings.h"
#include "mocks/iam/entities.h"
#include "mocks/iam/naming.h"
#include "mocks/iam/pagination.h"
#include "mocks/iam/role_sessions.h"

namespace opsreg::mocks::iam {

// Everything the edge needs to authenticate and authorize one request, read under one lock.
struct KeyGrant {
  std::string secret_access_key;
  bool active = true;
  Principal principal;
  std::vector<policy::PolicyPtr> policies;  // inline + attached: the user's and its groups', or
                                            // the assumed role's
  std::string session_token;                // role sessions: the token requests must carry
  std::optional<TimePoint> expiration;      // role sessions: when the credentials stop working
};

// An instance profile with copies of the roles it holds (the wire shows them whole).
struct InstanceProfileInfo {
  InstanceProfile profile;
  std::vector<Role> roles;
};

// Conventions: names are looked up case-insensitively (IAM names are unique ignoring case);
// a `user_name` of "" in the access key calls means the account's root. Listing calls take a
// Marker ("" for the first page) and MaxItems (1..1000). Returned AccessKeys carry the secret
// only from create_access_key. Errors are IAM's codes, messages and HTTP statuses.
class IamModel {
 public:
  // Loads the AWS managed policy catalogue (aws_managed.h).
  IamModel(std::string account_id, const Clock& clock, IdSource& ids);

  const std::string& account_id() const { return account_id_; }
  // The account's quotas (AWS's defaults until set); reaching one is LimitExceeded "Cannot
  // exceed quota for UsersPerAccount: 5000" and so on (quotas.cc).
  void set_quotas(const IamQuotas& quotas);
  // IAM's eventual consistency (propagation.cc): from now on a new access key, a deleted one, and
  // a policy put, deleted, attached or detached take effect for requests only `delay` later on
  // the world's clock (zero, the default: at once). What the IAM API itself shows changes at
  // once, as in IAM.
  void set_propagation_delay(std::chrono::microseconds delay);
  // When the account (and its root user) was created: the model's construction.
  TimePoint account_created() const { return created_; }

  // --- ARNs for authorization (the entity need not exist; path "/" when it does not) ---
  std::string user_arn_for(std::string_view user_name) const;
  std::string group_arn_for(std::string_view group_name) const;
  std::string role_arn_for(std::string_view role_name) const;
  std::string instance_profile_arn_for(std::string_view instance_profile_name) const;
  // The user name owning an access key ("" for root keys), or nullopt when unknown.
  std::optional<std::string> access_key_owner(std::string_view access_key_id) const;

  // --- authentication support (edge) ---
  // A long-term key's or a live role session's grant; nullopt when the key is unknown (a
  // session whose role was deleted is unknown).
  std::optional<KeyGrant> resolve_key(std::string_view access_key_id) const;
  void note_key_used(std::string_view access_key_id, std::string_view service,
                     std::string_view region);
  // Adds a root access key for the account (the world's operator).
  void add_root_key(std::string access_key_id, std::string secret_access_key);

  // Loads the world file's "identities" (IAM users with keys, groups and policies) and then its
  // "roles" (with trust policy, policies and instance profile), both JSON arrays, through the
  // same rules as the IAM operations (world_file.cc; fixtures/worlds/README.md). Errors are
  // ValidationError "world file: identity NAME: ..." or "world file: role NAME: ...".
  Status load(const nlohmann::json& identities, const nlohmann::json& roles);

  // --- users ---
  Result<User> create_user(std::string_view user_name, std::string_view path);
  Result<User> get_user(std::string_view user_name) const;
  Result<Page<User>> list_users(std::string_view path_prefix, std::string_view marker,
                                int max_items) const;
  Status delete_user(std::string_view user_name);

  // --- groups ---
  Result<Group> create_group(std::string_view group_name, std::string_view path);
  // The group, and one page of its users.
  Result<std::pair<Group, Page<User>>> get_group(std::string_view group_name,
                                                 std::string_view marker, int max_items) const;
  Status delete_group(std::string_view group_name);
  Status add_user_to_group(std::string_view group_name, std::string_view user_name);
  Status remove_user_from_group(std::string_view group_name, std::string_view user_name);
  Result<Page<Group>> list_groups_for_user(std::string_view user_name, std::string_view marker,
                                           int max_items) const;
  // Groups whose path starts with `path_prefix` ("" or "/": all), by name.
  Result<Page<Group>> list_groups(std::string_view path_prefix, std::string_view marker,
                                  int max_items) const;
  // Group policies (world files; the wire serves user policies).
  Status attach_group_policy(std::string_view group_name, std::string_view policy_arn);
  Status put_group_policy(std::string_view group_name, std::string_view policy_name,
                          std::string_view document);

  // --- managed policies ---
  // Adds an AWS managed policy (arn:aws:iam::aws:policy/NAME) to the catalogue.
  Status add_aws_managed_policy(std::string_view name, std::string_view document);
  Status attach_user_policy(std::string_view user_name, std::string_view policy_arn);
  Status detach_user_policy(std::string_view user_name, std::string_view policy_arn);
  Result<Page<ManagedPolicy>> list_attached_user_policies(std::string_view user_name,
                                                          std::string_view path_prefix,
                                                          std::string_view marker,
                                                          int max_items) const;

  // --- inline user policies ---
  Status put_user_policy(std::string_view user_name, std::string_view policy_name,
                         std::string_view document);
  Result<InlinePolicy> get_user_policy(std::string_view user_name,
                                       std::string_view policy_name) const;
  Status delete_user_policy(std::string_view user_name, std::string_view policy_name);
  Result<Page<std::string>> list_user_policies(std::string_view user_name, std::string_view marker,
                                               int max_items) const;

  // --- roles (roles.cc) ---
  // `max_session_duration` in seconds, 3600..43200. The trust policy is checked as IAM checks
  // CreateRole's AssumeRolePolicyDocument (trust_policy.h).
  Result<Role> create_role(std::string_view role_name, std::string_view path,
                           std::string_view assume_role_policy_document,
                           std::string_view description = "", int max_session_duration = 3600);
  Result<Role> get_role(std::string_view role_name) const;
  Result<Page<Role>> list_roles(std::string_view path_prefix, std::string_view marker,
                                int max_items) const;
  // DeleteConflict while the role is in an instance profile or has policies; deleting a role
  // ends its sessions.
  Status delete_role(std::string_view role_name);

  // --- role policies (role_policies.cc; the same rules as the user's) ---
  Status attach_role_policy(std::string_view role_name, std::string_view policy_arn);
  Status detach_role_policy(std::string_view role_name, std::string_view policy_arn);
  Result<Page<ManagedPolicy>> list_attached_role_policies(std::string_view role_name,
                                                          std::string_view path_prefix,
                                                          std::string_view marker,
                                                          int max_items) const;
  Status put_role_policy(std::string_view role_name, std::string_view policy_name,
                         std::string_view document);
  Result<InlinePolicy> get_role_policy(std::string_view role_name,
                                       std::string_view policy_name) const;
  Status delete_role_policy(std::string_view role_name, std::string_view policy_name);
  Result<Page<std::string>> list_role_policies(std::string_view role_name, std::string_view marker,
                                               int max_items) const;

  // --- instance profiles (instance_profiles.cc) ---
  Result<InstanceProfileInfo> create_instance_profile(std::string_view name, std::string_view path);
  Result<InstanceProfileInfo> get_instance_profile(std::string_view name) const;
  // DeleteConflict while the profile holds a role.
  Status delete_instance_profile(std::string_view name);
  // LimitExceeded when the profile already holds a role (IAM's quota of one).
  Status add_role_to_instance_profile(std::string_view profile_name, std::string_view role_name);
  Status remove_role_from_instance_profile(std::string_view profile_name,
                                           std::string_view role_name);
  Result<Page<InstanceProfileInfo>> list_instance_profiles(std::string_view path_prefix,
                                                           std::string_view marker,
                                                           int max_items) const;
  Result<Page<InstanceProfileInfo>> list_instance_profiles_for_role(std::string_view role_name,
                                                                    std::string_view marker,
                                                                    int max_items) const;

  // --- role sessions (role_sessions.cc) ---
  // Issues temporary credentials for `role_name` valid from `now` for `duration`: an
  // "ASIA..." key id, a 40-character secret and a session token. The session name must be
  // 2..64 characters of [\w+=,.@-] (ValidationError); an unknown role is NoSuchEntity. The
  // caller enforces its own duration limits (AssumeRole: 900 s..the role's MaxSessionDuration).
  Result<RoleSession> issue_role_session(std::string_view role_name, std::string_view session_name,
                                         TimePoint now, std::chrono::seconds duration);

  // --- access keys ---
  // Creates a key for `user_name` (the handler resolves an omitted UserName to the caller).
  Result<AccessKey> create_access_key(std::string_view user_name);
  // Adds a key with a given id and secret (world files).
  Result<AccessKey> import_access_key(std::string_view user_name, std::string access_key_id,
                                      std::string secret_access_key);
  Result<Page<AccessKey>> list_access_keys(std::string_view user_name, std::string_view marker,
                                           int max_items) const;
  Status update_access_key(std::string_view user_name, std::string_view access_key_id, bool active);
  Status delete_access_key(std::string_view user_name, std::string_view access_key_id);
  // The key's user name and its last use (IAM's GetAccessKeyLastUsed).
  Result<AccessKey> get_access_key_last_used(std::string_view access_key_id) const;

  // A JSON view of the whole state for the admin API and scenario expectations.
  // Secrets are never included.
  nlohmann::json snapshot() const;

 private:
  // Lookups under mu_: NoSuchEntity "The user with name X cannot be found." and so on.
  Result<User*> find_user(std::string_view user_name);
  Result<const User*> find_user(std::string_view user_name) const;
  Result<Group*> find_group(std::string_view group_name);
  Result<const Group*> find_group(std::string_view group_name) const;
  Result<Role*> find_role(std::string_view role_name);
  Result<const Role*> find_role(std::string_view role_name) const;
  Result<InstanceProfile*> find_instance_profile(std::string_view name);
  Result<const InstanceProfile*> find_instance_profile(std::string_view name) const;
  InstanceProfileInfo profile_info(const InstanceProfile& profile) const;
  Result<ManagedPolicy*> find_attachable(std::string_view policy_arn);
  // The policy rules users and roles share (inline_policies.cc, managed_policies.cc), on one
  // entity's policies; `what` names its kind in errors ("user", "role"). Under mu_.
  Status put_inline(std::map<std::string, InlinePolicy>& policies, std::string_view what,
                    std::string_view entity_name, std::string_view policy_name,
                    std::string_view document, size_t quota);
  Result<InlinePolicy> get_inline(const std::map<std::string, InlinePolicy>& policies,
                                  std::string_view what, std::string_view policy_name) const;
  Status delete_inline(std::map<std::string, InlinePolicy>& policies, std::string_view what,
                       std::string_view entity_name, std::string_view policy_name);
  static Result<Page<std::string>> list_inline(const std::map<std::string, InlinePolicy>& policies,
                                               std::string_view marker, int max_items);
  // Attaches unless `attached` already holds `quota` policies ("PoliciesPerUser" and so on).
  // `entity` names the holder for the propagation log ("user:alice", "role:r", "group:g").
  Status attach_managed(std::set<std::string>& attached, std::string_view entity,
                        std::string_view policy_arn, int quota, std::string_view quota_name);
  // LimitExceeded when `count` has reached `quota` (under mu_).
  static Status within_quota(size_t count, int quota, std::string_view quota_name);
  Status detach_managed(std::set<std::string>& attached, std::string_view entity,
                        std::string_view policy_arn);
  Result<Page<ManagedPolicy>> list_managed(const std::set<std::string>& attached,
                                           std::string_view path_prefix, std::string_view marker,
                                           int max_items) const;
  // --- propagation (propagation.cc), under mu_ ---
  // A policy change that requests do not see before `effective`: how to undo it until then.
  struct PolicyChange {
    TimePoint effective;
    std::string entity;  // "user:NAME", "role:NAME", "group:NAME"
    std::string name;    // the inline policy's name, or the managed policy's ARN
    bool managed = false;
    std::optional<InlinePolicy> inline_before;  // inline: the policy before the change, if any
    bool attached_before = false;               // managed: attached before the change
  };
  // Notes a change about to be made (nothing when the delay is zero).
  void note_inline_change(std::string_view entity,
                          const std::map<std::string, InlinePolicy>& policies,
                          std::string_view policy_name);
  void note_managed_change(std::string_view entity, const std::set<std::string>& attached,
                           std::string_view policy_arn);
  // Adds to `out` the policies of `entity` as requests see them now: its own, with the changes
  // not yet in effect undone.
  void add_effective_policies(std::string_view entity,
                              const std::map<std::string, InlinePolicy>& policies,
                              const std::set<std::string>& attached,
                              std::vector<policy::PolicyPtr>& out) const;
  // The grant of a key (long-term; under mu_).
  KeyGrant key_grant(const AccessKey& key) const;
  // The grant of a live role session (under mu_).
  std::optional<KeyGrant> resolve_session(const SessionKey& session) const;
  // The ids of a user's keys, or of the root's keys when user_name is "" (under mu_).
  std::vector<std::string> key_ids_of(std::string_view user_name) const;
  // Validates and parses `document` and checks the size quota of one principal's inline
  // policies (`existing` without `policy_name`) against `quota` characters.
  Result<InlinePolicy> make_inline_policy(const std::map<std::string, InlinePolicy>& existing,
                                          std::string_view entity, std::string_view entity_name,
                                          std::string_view policy_name, std::string_view document,
                                          size_t quota) const;

  std::string account_id_;
  IamQuotas quotas_;
  const Clock& clock_;
  IdSource& ids_;
  TimePoint created_;
  mutable std::mutex mu_;
  // IAM names are unique ignoring case: the maps compare keys case-insensitively.
  std::map<std::string, User, CaseInsensitiveLess> users_;
  std::map<std::string, Group, CaseInsensitiveLess> groups_;
  std::map<std::string, Role, CaseInsensitiveLess> roles_;
  std::map<std::string, InstanceProfile, CaseInsensitiveLess> instance_profiles_;
  std::map<std::string, ManagedPolicy> managed_;  // by ARN
  std::map<std::string, AccessKey> keys_;         // by access key id
  std::map<std::string, SessionKey> sessions_;    // role sessions, by access key id
  std::chrono::microseconds propagation_delay_{0};
  std::vector<PolicyChange> pending_changes_;  // oldest first
  // Deleted keys requests still see until their deletion has propagated: grant and until when.
  std::map<std::string, std::pair<KeyGrant, TimePoint>> retired_keys_;
};

}  // namespace opsreg::mocks::iam
