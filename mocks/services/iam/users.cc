// IAM user operations on the wire: CreateUser, GetUser (the caller, root included, when UserName
// is omitted), ListUsers, DeleteUser.
#include "core/clock/time_format.h"
#include "mocks/services/iam/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::iam::wire {

namespace {

Result<std::string> create_user(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "UserName");
  if (!name.ok()) return name.error();
  std::string path = params.get_or("Path", "/");
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:CreateUser", user_arn(iam.account_id(), path, *name)); !s.ok())
    return s.error();
  auto user = iam.create_user(*name, path);
  if (!user.ok()) return user.error();
  aws::XmlWriter w(false);
  render_user(w, *user);
  return w.str();
}

Result<std::string> get_user(const aws::QueryParams& params, CallContext& ctx) {
  auto name = user_name_or_caller(params, ctx);
  if (!name.ok()) return name.error();
  if (Status s = ctx.authorize("iam:GetUser", user_resource(ctx, *name)); !s.ok()) return s.error();
  IamModel& iam = ctx.world().iam();
  aws::XmlWriter w(false);
  if (name->empty()) {
    // The root "user", as AWS returns it: no name or path.
    const Principal& root = ctx.caller().principal;
    w.open("User")
        .leaf("UserId", root.user_id)
        .leaf("Arn", root.arn)
        .leaf("CreateDate", format_iso8601(iam.account_created()))
        .close();
    return w.str();
  }
  auto user = iam.get_user(*name);
  if (!user.ok()) return user.error();
  render_user(w, *user);
  return w.str();
}

Result<std::string> list_users(const aws::QueryParams& params, CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  std::string prefix = params.get_or("PathPrefix", "/");
  IamModel& iam = ctx.world().iam();
  // IAM authorizes ListUsers against the path ARN, e.g. arn:aws:iam::123456789012:user/.
  if (Status s = ctx.authorize("iam:ListUsers", user_arn(iam.account_id(), prefix, "")); !s.ok())
    return s.error();
  auto page = iam.list_users(prefix, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  render_list(w, "Users", *page, [&](const auto& u) { render_user(w, u, "member"); });
  return w.str();
}

Result<std::string> delete_user(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "UserName");
  if (!name.ok()) return name.error();
  if (Status s = ctx.authorize("iam:DeleteUser", user_resource(ctx, *name)); !s.ok())
    return s.error();
  if (Status s = ctx.world().iam().delete_user(*name); !s.ok()) return s.error();
  return std::string();
}

}  // namespace

void add_user_operations(QueryOperations& ops) {
  ops.add("CreateUser", create_user);
  ops.add("GetUser", get_user);
  ops.add("ListUsers", list_users);
  ops.add("DeleteUser", delete_user);
}

}  // namespace opsreg::mocks::iam::wire
