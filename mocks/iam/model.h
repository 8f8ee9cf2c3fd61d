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

// One page of a Marker/MaxItems listing.
template <class T>
struct Page {
  std::vector<T> items;
  bool is_truncated = false;
  std::string marker;  // for the next call, when truncated
};

class IamModel {
 public:
  IamModel(std::string account_id, const Clock& clock, IdSource& ids);

  const std::string& account_id() const { return account_id_; }

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
  std::string account_id_;
  const Clock& clock_;
  IdSource& ids_;
  mutable std::mutex mu_;
  std::map<std::string, User> users_;  // by name, IAM names are case-insensitive unique (see .cc)
  std::map<std::string, Group> groups_;
  std::map<std::string, ManagedPolicy> managed_;  // by ARN
  std::map<std::string, AccessKey> keys_;         // by access key id
};

}  // namespace opsreg::mocks::iam
