// IAM roles: CreateRole, GetRole, ListRoles, DeleteRole and their rules (name, path, trust
// policy and MaxSessionDuration validation; DeleteConflict while the role is in an instance
// profile or has policies; a deleted role's sessions end with it).
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"
#include "mocks/iam/trust_policy.h"

namespace opsreg::mocks::iam {

namespace {

constexpr size_t kRoleDescriptionMax = 1000;
constexpr int kMinSessionDuration = 3600;
constexpr int kMaxSessionDuration = 43200;

Status validate_max_session_duration(int seconds) {
  std::string bound;
  if (seconds < kMinSessionDuration)
    bound = "greater than or equal to " + std::to_string(kMinSessionDuration);
  if (seconds > kMaxSessionDuration)
    bound = "less than or equal to " + std::to_string(kMaxSessionDuration);
  if (bound.empty()) return {};
  return validation_error("1 validation error detected: Value '" + std::to_string(seconds) +
                          "' at 'maxSessionDuration' failed to satisfy constraint: Member "
                          "must have value " +
                          bound);
}

}  // namespace

Result<Role*> IamModel::find_role(std::string_view role_name) {
  auto r = roles_.find(role_name);
  if (r == roles_.end()) return no_such_entity("role", role_name);
  return &r->second;
}

Result<const Role*> IamModel::find_role(std::string_view role_name) const {
  auto r = roles_.find(role_name);
  if (r == roles_.end()) return no_such_entity("role", role_name);
  return &r->second;
}

std::string IamModel::role_arn_for(std::string_view role_name) const {
  std::lock_guard lock(mu_);
  auto r = roles_.find(role_name);
  return r != roles_.end() ? r->second.arn : role_arn(account_id_, "/", role_name);
}

Result<Role> IamModel::create_role(std::string_view role_name, std::string_view path,
                                   std::string_view assume_role_policy_document,
                                   std::string_view description, int max_session_duration) {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s.error();
  if (Status s = validate_path(path); !s.ok()) return s.error();
  if (description.size() > kRoleDescriptionMax) {
    return validation_error("1 validation error detected: Value '" + std::string(description) +
                            "' at 'description' failed to satisfy constraint: Member must "
                            "have length less than or equal to 1000");
  }
  if (Status s = validate_max_session_duration(max_session_duration); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  if (roles_.contains(role_name)) return entity_already_exists("Role", role_name);
  if (Status s = within_quota(roles_.size(), quotas_.roles, "RolesPerAccount"); !s.ok())
    return s.error();
  auto principal_exists = [this](std::string_view arn) {
    for (const auto& [n, u] : users_)
      if (u.arn == arn) return true;
    for (const auto& [n, r] : roles_)
      if (r.arn == arn) return true;
    return false;
  };
  if (Status s = check_trust_policy(assume_role_policy_document, account_id_, principal_exists);
      !s.ok())
    return s.error();
  Role role;
  role.role_name = role_name;
  role.role_id = ids_.unique_id("AROA");
  role.path = path;
  role.arn = role_arn(account_id_, path, role_name);
  role.created = clock_.now();
  role.assume_role_policy_document = assume_role_policy_document;
  role.description = description;
  role.max_session_duration = max_session_duration;
  roles_.emplace(role.role_name, role);
  return role;
}

Result<Role> IamModel::get_role(std::string_view role_name) const {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  return **role;
}

Result<Page<Role>> IamModel::list_roles(std::string_view path_prefix, std::string_view marker,
                                        int max_items) const {
  std::lock_guard lock(mu_);
  return list_by_path(roles_, path_prefix, marker, max_items,
                      [](const Role& r) { return r.role_name; });
}

Status IamModel::delete_role(std::string_view role_name) {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto found = find_role(role_name);
  if (!found.ok()) return found.error();
  const Role& role = **found;
  if (!role.instance_profiles.empty()) return delete_conflict("remove roles from instance profile");
  if (!role.policies.empty()) return delete_conflict("delete policies");
  if (!role.attached_policies.empty()) return delete_conflict("detach all policies");
  // The role's temporary credentials stop working with it.
  std::erase_if(sessions_, [&](const auto& entry) { return entry.second.role_id == role.role_id; });
  roles_.erase(roles_.find(role_name));
  return {};
}

}  // namespace opsreg::mocks::iam
