// IAM users: CreateUser, GetUser, ListUsers, DeleteUser and their rules (name and path
// validation, case-insensitive uniqueness, DeleteConflict while anything hangs off the user).
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

Result<User> IamModel::create_user(std::string_view user_name, std::string_view path) {
  if (Status s = validate_name(user_name, "userName", kUserNameMax); !s.ok()) return s.error();
  if (Status s = validate_path(path); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  if (users_.contains(user_name)) return entity_already_exists("User", user_name);
  if (Status s = within_quota(users_.size(), quotas_.users, "UsersPerAccount"); !s.ok())
    return s.error();
  User user;
  user.user_name = user_name;
  user.user_id = ids_.unique_id("AIDA");
  user.path = path;
  user.arn = user_arn(account_id_, path, user_name);
  user.created = clock_.now();
  users_.emplace(user.user_name, user);
  return user;
}

Result<User> IamModel::get_user(std::string_view user_name) const {
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok())
    return s.error();
  std::lock_guard lock(mu_);
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  return **user;
}

Result<Page<User>> IamModel::list_users(std::string_view path_prefix, std::string_view marker,
                                        int max_items) const {
  std::lock_guard lock(mu_);
  return list_by_path(users_, path_prefix, marker, max_items,
                      [](const User& u) { return u.user_name; });
}

Status IamModel::delete_user(std::string_view user_name) {
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok())
    return s.error();
  std::lock_guard lock(mu_);
  auto found = find_user(user_name);
  if (!found.ok()) return found.error();
  User& user = **found;
  // IAM's order: credentials first, then policies, then group memberships.
  if (!user.access_key_ids.empty()) return delete_conflict("delete access keys");
  if (!user.policies.empty()) return delete_conflict("delete policies");
  if (!user.attached_policies.empty()) return delete_conflict("detach all policies");
  if (!user.groups.empty()) return delete_conflict("remove users from group");
  users_.erase(users_.find(user_name));
  return {};
}

}  // namespace opsreg::mocks::iam
