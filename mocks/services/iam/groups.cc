// IAM group operations on the wire: CreateGroup, GetGroup (with a page of members), DeleteGroup,
// AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser.
#include "mocks/services/iam/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::iam::wire {

namespace {

Result<std::string> create_group(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "GroupName");
  if (!name.ok()) return name.error();
  std::string path = params.get_or("Path", "/");
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:CreateGroup", group_arn(iam.account_id(), path, *name));
      !s.ok())
    return s.error();
  auto group = iam.create_group(*name, path);
  if (!group.ok()) return group.error();
  aws::XmlWriter w(false);
  render_group(w, *group);
  return w.str();
}

Result<std::string> get_group(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "GroupName");
  if (!name.ok()) return name.error();
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:GetGroup", iam.group_arn_for(*name)); !s.ok()) return s.error();
  auto got = iam.get_group(*name, page_in->marker, page_in->max_items);
  if (!got.ok()) return got.error();
  const auto& [group, page] = *got;
  aws::XmlWriter w(false);
  render_group(w, group);
  render_list(w, "Users", page, [&](const auto& u) { render_user(w, u, "member"); });
  return w.str();
}

Result<std::string> delete_group(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "GroupName");
  if (!name.ok()) return name.error();
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:DeleteGroup", iam.group_arn_for(*name)); !s.ok())
    return s.error();
  if (Status s = iam.delete_group(*name); !s.ok()) return s.error();
  return std::string();
}

// AddUserToGroup / RemoveUserFromGroup: `action` ("iam:AddUserToGroup") authorized on the group.
QueryHandler membership(std::string action, bool add) {
  return [action, add](const aws::QueryParams& params, CallContext& ctx) -> Result<std::string> {
    auto group = required_param(params, "GroupName");
    if (!group.ok()) return group.error();
    auto user = required_param(params, "UserName");
    if (!user.ok()) return user.error();
    IamModel& iam = ctx.world().iam();
    if (Status s = ctx.authorize(action, iam.group_arn_for(*group)); !s.ok()) return s.error();
    Status s =
        add ? iam.add_user_to_group(*group, *user) : iam.remove_user_from_group(*group, *user);
    if (!s.ok()) return s.error();
    return std::string();
  };
}

Result<std::string> list_groups_for_user(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "UserName");
  if (!name.ok()) return name.error();
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  if (Status s = ctx.authorize("iam:ListGroupsForUser", user_resource(ctx, *name)); !s.ok())
    return s.error();
  auto page = ctx.world().iam().list_groups_for_user(*name, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  render_list(w, "Groups", *page, [&](const auto& g) { render_group(w, g, "member"); });
  return w.str();
}

Result<std::string> list_groups(const aws::QueryParams& params, CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  std::string prefix = params.get_or("PathPrefix", "/");
  IamModel& iam = ctx.world().iam();
  // Authorized against the path ARN, as ListUsers (arn:aws:iam::123456789012:group/).
  if (Status s = ctx.authorize("iam:ListGroups", group_arn(iam.account_id(), prefix, "")); !s.ok())
    return s.error();
  auto page = iam.list_groups(prefix, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  render_list(w, "Groups", *page, [&](const auto& g) { render_group(w, g, "member"); });
  return w.str();
}

}  // namespace

void add_group_operations(QueryOperations& ops) {
  ops.add("CreateGroup", create_group);
  ops.add("GetGroup", get_group);
  ops.add("DeleteGroup", delete_group);
  ops.add("AddUserToGroup", membership("iam:AddUserToGroup", true));
  ops.add("RemoveUserFromGroup", membership("iam:RemoveUserFromGroup", false));
  ops.add("ListGroupsForUser", list_groups_for_user);
  ops.add("ListGroups", list_groups);
}

}  // namespace opsreg::mocks::iam::wire
