// Inline policies: the rules users and roles share (documents parsed as IAM parses them, the
// per-entity size quota, NoSuchEntity wording) and the user's PutUserPolicy, GetUserPolicy,
// DeleteUserPolicy, ListUserPolicies.
#include <cctype>

#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

namespace {

// IAM's quota: the inline policies of one user total at most 2,048 characters.
constexpr size_t kUserInlinePolicyQuota = 2048;

// IAM does not count white space towards policy size quotas.
size_t policy_size(std::string_view document) {
  size_t n = 0;
  for (char c : document) n += std::isspace(static_cast<unsigned char>(c)) ? 0 : 1;
  return n;
}

}  // namespace

Result<InlinePolicy> IamModel::make_inline_policy(
    const std::map<std::string, InlinePolicy>& existing, std::string_view entity,
    std::string_view entity_name, std::string_view policy_name, std::string_view document,
    size_t quota) const {
  auto parsed = policy::parse_policy(document);
  if (!parsed.ok()) return parsed.error();
  size_t total = policy_size(document);
  for (const auto& [name, p] : existing)
    if (name != policy_name) total += policy_size(p.document);
  if (total > quota) {
    return limit_exceeded("Maximum policy size of " + std::to_string(quota) +
                          " bytes exceeded for " + std::string(entity) + " " +
                          std::string(entity_name));
  }
  return InlinePolicy{std::string(document), std::move(*parsed)};
}

Status IamModel::put_inline(std::map<std::string, InlinePolicy>& policies, std::string_view what,
                            std::string_view entity_name, std::string_view policy_name,
                            std::string_view document, size_t quota) {
  auto policy = make_inline_policy(policies, what, entity_name, policy_name, document, quota);
  if (!policy.ok()) return policy.error();
  note_inline_change(std::string(what) + ":" + std::string(entity_name), policies, policy_name);
  policies[std::string(policy_name)] = std::move(*policy);
  return {};
}

Result<InlinePolicy> IamModel::get_inline(const std::map<std::string, InlinePolicy>& policies,
                                          std::string_view what,
                                          std::string_view policy_name) const {
  auto p = policies.find(std::string(policy_name));
  if (p == policies.end()) return no_such_entity(std::string(what) + " policy", policy_name);
  return p->second;
}

Status IamModel::delete_inline(std::map<std::string, InlinePolicy>& policies, std::string_view what,
                               std::string_view entity_name, std::string_view policy_name) {
  if (!policies.contains(std::string(policy_name)))
    return no_such_entity(std::string(what) + " policy", policy_name);
  note_inline_change(std::string(what) + ":" + std::string(entity_name), policies, policy_name);
  policies.erase(std::string(policy_name));
  return {};
}

Result<Page<std::string>> IamModel::list_inline(const std::map<std::string, InlinePolicy>& policies,
                                                std::string_view marker, int max_items) {
  std::vector<std::string> names;
  for (const auto& [name, p] : policies) names.push_back(name);
  std::sort(names.begin(), names.end(), CaseInsensitiveLess());
  return paginate(
      std::move(names), [](const std::string& n) { return n; }, marker, max_items);
}

Status IamModel::put_user_policy(std::string_view user_name, std::string_view policy_name,
                                 std::string_view document) {
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok()) return s;
  if (Status s = validate_name(policy_name, "policyName", kPolicyNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  return put_inline((*user)->policies, "user", (*user)->user_name, policy_name, document,
                    kUserInlinePolicyQuota);
}

Result<InlinePolicy> IamModel::get_user_policy(std::string_view user_name,
                                               std::string_view policy_name) const {
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok())
    return s.error();
  if (Status s = validate_name(policy_name, "policyName", kPolicyNameMax); !s.ok())
    return s.error();
  std::lock_guard lock(mu_);
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  return get_inline((*user)->policies, "user", policy_name);
}

Status IamModel::delete_user_policy(std::string_view user_name, std::string_view policy_name) {
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok()) return s;
  if (Status s = validate_name(policy_name, "policyName", kPolicyNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  return delete_inline((*user)->policies, "user", (*user)->user_name, policy_name);
}

Result<Page<std::string>> IamModel::list_user_policies(std::string_view user_name,
                                                       std::string_view marker,
                                                       int max_items) const {
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok())
    return s.error();
  std::lock_guard lock(mu_);
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  return list_inline((*user)->policies, marker, max_items);
}

}  // namespace opsreg::mocks::iam
