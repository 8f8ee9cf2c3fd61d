// IAM state and rules for one account: users, groups, access keys, inline and managed
// policies, with real IAM's validation and errors. Thread-safe; the wire lives in handlers.h.
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
#include "mocks/iam/entities.h"
#include "mocks/iam/naming.h"
#include "mocks/iam/pagination.h"
#include "mocks/world/id_source.h"

namespace opsreg::mocks::iam {

// Who a request's access key belongs to.
struct Principal {
  bool root = false;
  std::string account_id;
  std::string arn;        // arn:aws:iam::ACCOUNT:root or :user/PATH/NAME
  std::string user_name;  // empty for root
  std::string user_id;    // AIDA... (root: the account id)
};

// Everything the edge needs to authenticate and authorize one request, read under one lock.
struct KeyGrant {
  std::string secret_access_key;
  bool active = true;
  Principal principal;
  std::vector<policy::PolicyPtr> policies;  // inline + attached, user's and its groups'
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
  // When the account (and its root user) was created: the model's construction.
  TimePoint account_created() const { return created_; }

  // --- ARNs for authorization (the entity need not exist; path "/" when it does not) ---
  std::string user_arn_for(std::string_view user_name) const;
  std::string group_arn_for(std::string_view group_name) const;
  // The user name owning an access key ("" for root keys), or nullopt when unknown.
  std::optional<std::string> access_key_owner(std::string_view access_key_id) const;

  // --- authentication support (edge) ---
  std::optional<KeyGrant> resolve_key(std::string_view access_key_id) const;
  void note_key_used(std::string_view access_key_id, std::string_view service,
                     std::string_view region);
  // Adds a root access key for the account (the world's operator).
  void add_root_key(std::string access_key_id, std::string secret_access_key);

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
  Result<ManagedPolicy*> find_attachable(std::string_view policy_arn);
  // The ids of a user's keys, or of the root's keys when user_name is "" (under mu_).
  std::vector<std::string> key_ids_of(std::string_view user_name) const;
  // Validates and parses `document` and checks the size quota of one principal's inline
  // policies (`existing` without `policy_name`) against `quota` characters.
  Result<InlinePolicy> make_inline_policy(const std::map<std::string, InlinePolicy>& existing,
                                          std::string_view entity, std::string_view entity_name,
                                          std::string_view policy_name, std::string_view document,
                                          size_t quota) const;

  std::string account_id_;
  const Clock& clock_;
  IdSource& ids_;
  TimePoint created_;
  mutable std::mutex mu_;
  // IAM names are unique ignoring case: the maps compare keys case-insensitively.
  std::map<std::string, User, CaseInsensitiveLess> users_;
  std::map<std::string, Group, CaseInsensitiveLess> groups_;
  std::map<std::string, ManagedPolicy> managed_;  // by ARN
  std::map<std::string, AccessKey> keys_;         // by access key id
};

}  // namespace opsreg::mocks::iam
