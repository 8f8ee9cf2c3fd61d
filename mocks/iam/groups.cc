// IAM groups: CreateGroup, GetGroup, DeleteGroup, AddUserToGroup, RemoveUserFromGroup,
// ListGroupsForUser, and the group policies a world file can grant.
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

Result<Group> IamModel::create_group(std::string_view group_name, std::string_view path) {
  if (Status s = validate_name(group_name, "groupName", kGroupNameMax); !s.ok()) return s.error();
  if (Status s = validate_path(path); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  if (groups_.contains(group_name)) return entity_already_exists("Group", group_name);
  if (Status s = within_quota(groups_.size(), quotas_.groups, "GroupsPerAccount"); !s.ok())
    return s.error();
  Group group;
  group.group_name = group_name;
  group.group_id = ids_.unique_id("AGPA");
  group.path = path;
  group.arn = group_arn(account_id_, path, group_name);
  group.created = clock_.now();
  groups_.emplace(group.group_name, group);
  return group;
}

Result<std::pair<Group, Page<User>>> IamModel::get_group(std::string_view group_name,
                                                         std::string_view marker,
                                                         int max_items) const {
  if (Status s = validate_name(group_name, "groupName", kGroupNameMax); !s.ok()) return s.error();
  Group group;
  std::vector<User> members;
  {
    std::lock_guard lock(mu_);
    auto found = find_group(group_name);
    if (!found.ok()) return found.error();
    group = **found;
    for (const auto& name : group.users) members.push_back(users_.at(name));
  }
  std::sort(members.begin(), members.end(), [](const User& a, const User& b) {
    return CaseInsensitiveLess()(a.user_name, b.user_name);
  });
  auto page = paginate(
      std::move(members), [](const User& u) { return u.user_name; }, marker, max_items);
  if (!page.ok()) return page.error();
  return std::make_pair(std::move(group), std::move(*page));
}

Status IamModel::delete_group(std::string_view group_name) {
  if (Status s = validate_name(group_name, "groupName", kGroupNameMax); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  auto found = find_group(group_name);
  if (!found.ok()) return found.error();
  Group& group = **found;
  if (!group.users.empty()) return delete_conflict("remove users from group");
  if (!group.policies.empty()) return delete_conflict("delete policies");
  if (!group.attached_policies.empty()) return delete_conflict("detach all policies");
  groups_.erase(groups_.find(group_name));
  return {};
}

Status IamModel::add_user_to_group(std::string_view group_name, std::string_view user_name) {
  if (Status s = validate_name(group_name, "groupName", kGroupNameMax); !s.ok()) return s;
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto group = find_group(group_name);
  if (!group.ok()) return group.error();
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  if (!(*user)->groups.contains((*group)->group_name))
    if (Status s = within_quota((*user)->groups.size(), quotas_.groups_per_user, "GroupsPerUser");
        !s.ok())
      return s;
  (*group)->users.insert((*user)->user_name);
  (*user)->groups.insert((*group)->group_name);
  return {};
}

Status IamModel::remove_user_from_group(std::string_view group_name, std::string_view user_name) {
  if (Status s = validate_name(group_name, "groupName", kGroupNameMax); !s.ok()) return s;
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto group = find_group(group_name);
  if (!group.ok()) return group.error();
  auto user = find_user(user_name);
  if (!user.ok()) return user.error();
  if (!(*group)->users.contains((*user)->user_name)) return no_such_entity("user", user_name);
  (*group)->users.erase((*user)->user_name);
  (*user)->groups.erase((*group)->group_name);
  return {};
}

Result<Page<Group>> IamModel::list_groups_for_user(std::string_view user_name,
                                                   std::string_view marker, int max_items) const {
  if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok())
    return s.error();
  std::vector<Group> groups;
  {
    std::lock_guard lock(mu_);
    auto user = find_user(user_name);
    if (!user.ok()) return user.error();
    for (const auto& g : (*user)->groups) groups.push_back(groups_.at(g));
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    return CaseInsensitiveLess()(a.group_name, b.group_name);
  });
  return paginate(
      std::move(groups), [](const Group& g) { return g.group_name; }, marker, max_items);
}

Result<Page<Group>> IamModel::list_groups(std::string_view path_prefix, std::string_view marker,
                                          int max_items) const {
  std::lock_guard lock(mu_);
  return list_by_path(groups_, path_prefix, marker, max_items,
                      [](const Group& g) { return g.group_name; });
}

Status IamModel::attach_group_policy(std::string_view group_name, std::string_view policy_arn) {
  if (Status s = validate_name(group_name, "groupName", kGroupNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto group = find_group(group_name);
  if (!group.ok()) return group.error();
  return attach_managed((*group)->attached_policies, "group:" + (*group)->group_name, policy_arn,
                        quotas_.policies_per_group, "PoliciesPerGroup");
}

Status IamModel::put_group_policy(std::string_view group_name, std::string_view policy_name,
                                  std::string_view document) {
  if (Status s = validate_name(group_name, "groupName", kGroupNameMax); !s.ok()) return s;
  if (Status s = validate_name(policy_name, "policyName", kPolicyNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto group = find_group(group_name);
  if (!group.ok()) return group.error();
  // IAM's quota: the inline policies of one group total at most 5,120 characters.
  auto policy = make_inline_policy((*group)->policies, "group", (*group)->group_name, policy_name,
                                   document, 5120);
  if (!policy.ok()) return policy.error();
  (*group)->policies[std::string(policy_name)] = std::move(*policy);
  return {};
}

}  // namespace opsreg::mocks::iam
