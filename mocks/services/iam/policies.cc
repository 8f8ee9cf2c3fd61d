// IAM policy operations on the wire, one implementation for users and roles:
// Attach/Detach<Entity>Policy, ListAttached<Entity>Policies (managed) and
// Put/Get/Delete<Entity>Policy (GetXPolicy's document URL-encoded, as AWS returns it),
// List<Entity>Policies (inline). All authorized on the user or role.
#include "core/aws/uri.h"
#include "mocks/iam/naming.h"
#include "mocks/services/iam/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::iam::wire {

namespace {

// What differs between a user's and a role's policies.
struct PolicyTarget {
  std::string param;  // "UserName" or "RoleName"
  std::function<std::string(CallContext&, std::string_view name)> arn_for;
  // The entity's name as stored (GetXPolicy echoes it), or nullopt when it does not exist.
  std::function<std::optional<std::string>(IamModel&, std::string_view name)> stored_name;
  Status (IamModel::*attach)(std::string_view, std::string_view);
  Status (IamModel::*detach)(std::string_view, std::string_view);
  Result<Page<ManagedPolicy>> (IamModel::*list_attached)(std::string_view, std::string_view,
                                                         std::string_view, int) const;
  Status (IamModel::*put)(std::string_view, std::string_view, std::string_view);
  Result<InlinePolicy> (IamModel::*get)(std::string_view, std::string_view) const;
  Status (IamModel::*remove)(std::string_view, std::string_view);
  Result<Page<std::string>> (IamModel::*list)(std::string_view, std::string_view, int) const;
};

const PolicyTarget kUser{
    "UserName",
    [](CallContext& ctx, std::string_view name) { return user_resource(ctx, name); },
    [](IamModel& iam, std::string_view name) -> std::optional<std::string> {
      auto user = iam.get_user(name);
      if (!user.ok()) return std::nullopt;
      return user->user_name;
    },
    &IamModel::attach_user_policy,
    &IamModel::detach_user_policy,
    &IamModel::list_attached_user_policies,
    &IamModel::put_user_policy,
    &IamModel::get_user_policy,
    &IamModel::delete_user_policy,
    &IamModel::list_user_policies};

const PolicyTarget kRole{
    "RoleName",
    [](CallContext& ctx, std::string_view name) { return ctx.world().iam().role_arn_for(name); },
    [](IamModel& iam, std::string_view name) -> std::optional<std::string> {
      auto role = iam.get_role(name);
      if (!role.ok()) return std::nullopt;
      return role->role_name;
    },
    &IamModel::attach_role_policy,
    &IamModel::detach_role_policy,
    &IamModel::list_attached_role_policies,
    &IamModel::put_role_policy,
    &IamModel::get_role_policy,
    &IamModel::delete_role_policy,
    &IamModel::list_role_policies};

// Reads the entity's name (required) and authorizes `action` ("iam:AttachUserPolicy") on it.
Result<std::string> entity_for(const PolicyTarget& t, std::string_view action,
                               const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, t.param);
  if (!name.ok()) return name.error();
  if (Status s = ctx.authorize(action, t.arn_for(ctx, *name)); !s.ok()) return s.error();
  return name;
}

// One implementation per operation, for users and roles alike.
Result<std::string> attach(const PolicyTarget& t, std::string_view action,
                           const aws::QueryParams& params, CallContext& ctx) {
  auto arn = required_param(params, "PolicyArn");
  if (!arn.ok()) return arn.error();
  auto name = entity_for(t, action, params, ctx);
  if (!name.ok()) return name.error();
  if (Status s = (ctx.world().iam().*t.attach)(*name, *arn); !s.ok()) return s.error();
  return std::string();
}

Result<std::string> detach(const PolicyTarget& t, std::string_view action,
                           const aws::QueryParams& params, CallContext& ctx) {
  auto arn = required_param(params, "PolicyArn");
  if (!arn.ok()) return arn.error();
  auto name = entity_for(t, action, params, ctx);
  if (!name.ok()) return name.error();
  if (Status s = (ctx.world().iam().*t.detach)(*name, *arn); !s.ok()) return s.error();
  return std::string();
}

Result<std::string> list_attached(const PolicyTarget& t, std::string_view action,
                                  const aws::QueryParams& params, CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  auto name = entity_for(t, action, params, ctx);
  if (!name.ok()) return name.error();
  auto page = (ctx.world().iam().*t.list_attached)(*name, params.get_or("PathPrefix", "/"),
                                                   page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  render_list(w, "AttachedPolicies", *page, [&](const auto& p) {
    w.open("member").leaf("PolicyName", p.policy_name).leaf("PolicyArn", p.arn).close();
  });
  return w.str();
}

Result<std::string> put(const PolicyTarget& t, std::string_view action,
                        const aws::QueryParams& params, CallContext& ctx) {
  auto policy_name = required_param(params, "PolicyName");
  if (!policy_name.ok()) return policy_name.error();
  auto document = required_param(params, "PolicyDocument");
  if (!document.ok()) return document.error();
  if (Status s = validate_policy_text(*document, "policyDocument"); !s.ok()) return s.error();
  auto name = entity_for(t, action, params, ctx);
  if (!name.ok()) return name.error();
  if (Status s = (ctx.world().iam().*t.put)(*name, *policy_name, *document); !s.ok())
    return s.error();
  return std::string();
}

Result<std::string> get(const PolicyTarget& t, std::string_view action,
                        const aws::QueryParams& params, CallContext& ctx) {
  auto policy_name = required_param(params, "PolicyName");
  if (!policy_name.ok()) return policy_name.error();
  auto name = entity_for(t, action, params, ctx);
  if (!name.ok()) return name.error();
  IamModel& iam = ctx.world().iam();
  auto policy = (iam.*t.get)(*name, *policy_name);
  if (!policy.ok()) return policy.error();
  aws::XmlWriter w(false);
  w.leaf(t.param, t.stored_name(iam, *name).value_or(*name))
      .leaf("PolicyName", *policy_name)
      .leaf("PolicyDocument", aws::uri_encode(policy->document));
  return w.str();
}

Result<std::string> remove(const PolicyTarget& t, std::string_view action,
                           const aws::QueryParams& params, CallContext& ctx) {
  auto policy_name = required_param(params, "PolicyName");
  if (!policy_name.ok()) return policy_name.error();
  auto name = entity_for(t, action, params, ctx);
  if (!name.ok()) return name.error();
  if (Status s = (ctx.world().iam().*t.remove)(*name, *policy_name); !s.ok()) return s.error();
  return std::string();
}

Result<std::string> list(const PolicyTarget& t, std::string_view action,
                         const aws::QueryParams& params, CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  auto name = entity_for(t, action, params, ctx);
  if (!name.ok()) return name.error();
  auto page = (ctx.world().iam().*t.list)(*name, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  render_list(w, "PolicyNames", *page, [&](const auto& n) { w.leaf("member", n); });
  return w.str();
}

using Impl = Result<std::string> (*)(const PolicyTarget&, std::string_view, const aws::QueryParams&,
                                     CallContext&);

// The handler that runs `impl` on `target`'s policies, authorized as IAM action `action`.
QueryHandler on(const PolicyTarget& target, Impl impl, std::string_view action) {
  return [&target, impl, action](const aws::QueryParams& params, CallContext& ctx) {
    return impl(target, action, params, ctx);
  };
}

}  // namespace

void add_policy_operations(QueryOperations& ops) {
  ops.add("AttachUserPolicy", on(kUser, attach, "iam:AttachUserPolicy"));
  ops.add("DetachUserPolicy", on(kUser, detach, "iam:DetachUserPolicy"));
  ops.add("ListAttachedUserPolicies", on(kUser, list_attached, "iam:ListAttachedUserPolicies"));
  ops.add("PutUserPolicy", on(kUser, put, "iam:PutUserPolicy"));
  ops.add("GetUserPolicy", on(kUser, get, "iam:GetUserPolicy"));
  ops.add("DeleteUserPolicy", on(kUser, remove, "iam:DeleteUserPolicy"));
  ops.add("ListUserPolicies", on(kUser, list, "iam:ListUserPolicies"));
  ops.add("AttachRolePolicy", on(kRole, attach, "iam:AttachRolePolicy"));
  ops.add("DetachRolePolicy", on(kRole, detach, "iam:DetachRolePolicy"));
  ops.add("ListAttachedRolePolicies", on(kRole, list_attached, "iam:ListAttachedRolePolicies"));
  ops.add("PutRolePolicy", on(kRole, put, "iam:PutRolePolicy"));
  ops.add("GetRolePolicy", on(kRole, get, "iam:GetRolePolicy"));
  ops.add("DeleteRolePolicy", on(kRole, remove, "iam:DeleteRolePolicy"));
  ops.add("ListRolePolicies", on(kRole, list, "iam:ListRolePolicies"));
}

}  // namespace opsreg::mocks::iam::wire
