// Managed policies: the AWS managed catalogue, the attachment rules users and roles share, and
// AttachUserPolicy, DetachUserPolicy, ListAttachedUserPolicies.
#include "core/aws/crypto.h"
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

namespace {

// AWS managed policies have fixed ids; derive a stable ANPA... id from the name so that the
// catalogue does not draw from the world's seeded id source.
std::string stable_policy_id(std::string_view name) {
  static constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string digest = aws::sha256(name);
  std::string id = "ANPA";
  for (size_t i = 0; i < 17; ++i) id += kBase32[static_cast<unsigned char>(digest[i]) % 32];
  return id;
}

}  // namespace

Status IamModel::add_aws_managed_policy(std::string_view name, std::string_view document) {
  if (Status s = validate_name(name, "policyName", kPolicyNameMax); !s.ok()) return s;
  ManagedPolicy p;
  p.policy_name = name;
  p.arn = "arn:aws:iam::aws:policy/" + std::string(name);
  p.policy_id = stable_policy_id(name);
  p.document = document;
  p.created = clock_.now();
  auto parsed = policy::parse_policy(document, policy::PolicyKind::kManaged);
  if (parsed.ok()) p.parsed = std::move(*parsed);
  std::lock_guard lock(mu_);
  managed_[p.arn] = std::move(p);
  if (!parsed.ok()) return parsed.error();
  return {};
}

Result<ManagedPolicy*> IamModel::find_attachable(std::string_view policy_arn) {
  auto p = managed_.find(std::string(policy_arn));
  if (p == managed_.end()) return policy_not_attachable(policy_arn);
  return &p->second;
}

Status IamModel::attach_managed(std::set<std::string>& attached, std::string_view entity,
                                std::string_view policy_arn, int quota,
                                std::string_view quota_name) {
  auto policy = find_attachable(policy_arn);
  if (!policy.ok()) return policy.error();
  if (attached.contains((*policy)->arn)) return {};  // attached already: nothing changes
  if (Status s = within_quota(attached.size(), quota, quota_name); !s.ok()) return s;
  note_managed_change(entity, attached, (*policy)->arn);
  attached.insert((*policy)->arn);
  ++(*policy)->attachment_count;
  return {};
}

Status IamModel::detach_managed(std::set<std::string>& attached, std::string_view entity,
                                std::string_view policy_arn) {
  if (!attached.contains(std::string(policy_arn))) return policy_not_attached(policy_arn);
  note_managed_change(entity, attached, policy_arn);
  attached.erase(std::string(policy_arn));
  --managed_.at(std::string(policy_arn)).attachment_count;
  return {};
}

Result<Page<ManagedPolicy>> IamModel::list_managed(const std::set<std::string>& attached,
                                                   std::string_view path_prefix,
                                                   std::string_view marker, int max_items) const {
  if (path_prefix.empty()) path_prefix = "/";
  std::vector<ManagedPolicy> matching;
  for (const auto& arn : attached) {
    const ManagedPolicy& p = managed_.at(arn);
    if (p.path.starts_with(path_prefix)) matching.push_back(p);
  }
  std::sort(matching.begin(), matching.end(), [](const ManagedPolicy& a, const ManagedPolicy& b) {
    return CaseInsensitiveLess()(a.policy_name, b.policy_name);
  });
  return paginate(
      std::move(matching), [](const ManagedPolicy& p) { return p.policy_name; }, marker, max_items);
}

Status IamModel::attach_user_policy(std::string_view user_name, std::string_view policy_arn) {
  if (Status s = validate_name(user_name, "userName", kUserNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  return attach_managed((*user)->attached_policies, "user:" + (*user)->user_name, policy_arn,
                        quotas_.policies_per_user, "PoliciesPerUser");
}

Status IamModel::detach_user_policy(std::string_view user_name, std::string_view policy_arn) {
  if (Status s = validate_name(user_name, "userName", kUserNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  return detach_managed((*user)->attached_policies, "user:" + (*user)->user_name, policy_arn);
}

Result<Page<ManagedPolicy>> IamModel::list_attached_user_policies(std::string_view user_name,
                                                                  std::string_view path_prefix,
                                                                  std::string_view marker,
                                                                  int max_items) const {
  if (Status s = validate_name(user_name, "userName", kUserNameMax); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  return list_managed((*user)->attached_policies, path_prefix, marker, max_items);
}

}  // namespace opsreg::mocks::iam
