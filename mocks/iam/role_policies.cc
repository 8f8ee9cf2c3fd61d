// A role's permissions policies: AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies
// (managed) and PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies (inline),
// on the rules users share (inline_policies.cc, managed_policies.cc).
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

namespace {
// IAM's quota: the inline policies of one role total at most 10,240 characters.
constexpr size_t kRoleInlinePolicyQuota = 10240;
}  // namespace

Status IamModel::attach_role_policy(std::string_view role_name, std::string_view policy_arn) {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  return attach_managed((*role)->attached_policies, "role:" + (*role)->role_name, policy_arn,
                        quotas_.policies_per_role, "PoliciesPerRole");
}

Status IamModel::detach_role_policy(std::string_view role_name, std::string_view policy_arn) {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  return detach_managed((*role)->attached_policies, "role:" + (*role)->role_name, policy_arn);
}

Result<Page<ManagedPolicy>> IamModel::list_attached_role_policies(std::string_view role_name,
                                                                  std::string_view path_prefix,
                                                                  std::string_view marker,
                                                                  int max_items) const {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  return list_managed((*role)->attached_policies, path_prefix, marker, max_items);
}

Status IamModel::put_role_policy(std::string_view role_name, std::string_view policy_name,
                                 std::string_view document) {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s;
  if (Status s = validate_name(policy_name, "policyName", kPolicyNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  return put_inline((*role)->policies, "role", (*role)->role_name, policy_name, document,
                    kRoleInlinePolicyQuota);
}

Result<InlinePolicy> IamModel::get_role_policy(std::string_view role_name,
                                               std::string_view policy_name) const {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s.error();
  if (Status s = validate_name(policy_name, "policyName", kPolicyNameMax); !s.ok())
    return s.error();
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  return get_inline((*role)->policies, "role", policy_name);
}

Status IamModel::delete_role_policy(std::string_view role_name, std::string_view policy_name) {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s;
  if (Status s = validate_name(policy_name, "policyName", kPolicyNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  return delete_inline((*role)->policies, "role", (*role)->role_name, policy_name);
}

Result<Page<std::string>> IamModel::list_role_policies(std::string_view role_name,
                                                       std::string_view marker,
                                                       int max_items) const {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  return list_inline((*role)->policies, marker, max_items);
}

}  // namespace opsreg::mocks::iam
