// IAM user policy actions on the wire: AttachUserPolicy, DetachUserPolicy,
// ListAttachedUserPolicies (managed) and PutUserPolicy, GetUserPolicy (document URL-encoded, as
// AWS returns it), DeleteUserPolicy, ListUserPolicies (inline). All authorized on the user.
#include "core/aws/uri.h"
#include "mocks/iam/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::iam::wire {

namespace {

// Reads UserName (required) and authorizes `action` on that user.
Result<std::string> user_for(const aws::QueryParams& params, CallContext& ctx,
                             const std::string& action) {
  auto name = required_param(params, "UserName");
  if (!name.ok()) return name.error();
  if (Status s = ctx.authorize("iam:" + action, user_resource(ctx, *name)); !s.ok())
    return s.error();
  return name;
}

Result<std::string> attach_user_policy(const aws::QueryParams& params, CallContext& ctx) {
  auto arn = required_param(params, "PolicyArn");
  if (!arn.ok()) return arn.error();
  auto name = user_for(params, ctx, "AttachUserPolicy");
  if (!name.ok()) return name.error();
  if (Status s = ctx.world().iam().attach_user_policy(*name, *arn); !s.ok()) return s.error();
  return std::string();
}

Result<std::string> detach_user_policy(const aws::QueryParams& params, CallContext& ctx) {
  auto arn = required_param(params, "PolicyArn");
  if (!arn.ok()) return arn.error();
  auto name = user_for(params, ctx, "DetachUserPolicy");
  if (!name.ok()) return name.error();
  if (Status s = ctx.world().iam().detach_user_policy(*name, *arn); !s.ok()) return s.error();
  return std::string();
}

Result<std::string> list_attached_user_policies(const aws::QueryParams& params, CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  auto name = user_for(params, ctx, "ListAttachedUserPolicies");
  if (!name.ok()) return name.error();
  auto page = ctx.world().iam().list_attached_user_policies(*name, params.get_or("PathPrefix", "/"),
                                                            page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  w.open("AttachedPolicies");
  for (const auto& p : page->items)
    w.open("member").leaf("PolicyName", p.policy_name).leaf("PolicyArn", p.arn).close();
  w.close();
  render_page_tail(w, *page);
  return w.str();
}

Result<std::string> put_user_policy(const aws::QueryParams& params, CallContext& ctx) {
  auto policy_name = required_param(params, "PolicyName");
  if (!policy_name.ok()) return policy_name.error();
  auto document = required_param(params, "PolicyDocument");
  if (!document.ok()) return document.error();
  auto name = user_for(params, ctx, "PutUserPolicy");
  if (!name.ok()) return name.error();
  if (Status s = ctx.world().iam().put_user_policy(*name, *policy_name, *document); !s.ok())
    return s.error();
  return std::string();
}

Result<std::string> get_user_policy(const aws::QueryParams& params, CallContext& ctx) {
  auto policy_name = required_param(params, "PolicyName");
  if (!policy_name.ok()) return policy_name.error();
  auto name = user_for(params, ctx, "GetUserPolicy");
  if (!name.ok()) return name.error();
  IamModel& iam = ctx.world().iam();
  auto policy = iam.get_user_policy(*name, *policy_name);
  if (!policy.ok()) return policy.error();
  auto user = iam.get_user(*name);
  aws::XmlWriter w(false);
  w.leaf("UserName", user.ok() ? user->user_name : *name)
      .leaf("PolicyName", *policy_name)
      .leaf("PolicyDocument", aws::uri_encode(policy->document));
  return w.str();
}

Result<std::string> delete_user_policy(const aws::QueryParams& params, CallContext& ctx) {
  auto policy_name = required_param(params, "PolicyName");
  if (!policy_name.ok()) return policy_name.error();
  auto name = user_for(params, ctx, "DeleteUserPolicy");
  if (!name.ok()) return name.error();
  if (Status s = ctx.world().iam().delete_user_policy(*name, *policy_name); !s.ok())
    return s.error();
  return std::string();
}

Result<std::string> list_user_policies(const aws::QueryParams& params, CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  auto name = user_for(params, ctx, "ListUserPolicies");
  if (!name.ok()) return name.error();
  auto page = ctx.world().iam().list_user_policies(*name, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  w.open("PolicyNames");
  for (const auto& n : page->items) w.leaf("member", n);
  w.close();
  render_page_tail(w, *page);
  return w.str();
}

}  // namespace

void add_policy_actions(const AddAction& add) {
  add("AttachUserPolicy", attach_user_policy);
  add("DetachUserPolicy", detach_user_policy);
  add("ListAttachedUserPolicies", list_attached_user_policies);
  add("PutUserPolicy", put_user_policy);
  add("GetUserPolicy", get_user_policy);
  add("DeleteUserPolicy", delete_user_policy);
  add("ListUserPolicies", list_user_policies);
}

}  // namespace opsreg::mocks::iam::wire
