// IAM role operations on the wire: CreateRole, GetRole, ListRoles, DeleteRole. Each is authorized
// on the role's ARN (ListRoles on the path's, as IAM does).
#include <charconv>

#include "mocks/iam/naming.h"
#include "mocks/services/iam/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::iam::wire {

namespace {

// The integer MaxSessionDuration (default 3600); its range is the model's business.
Result<int> max_session_duration(const aws::QueryParams& params) {
  auto text = params.get("MaxSessionDuration");
  if (!text) return 3600;
  int n = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || end != text->data() + text->size() || text->empty()) {
    return validation_error("1 validation error detected: Value '" + *text +
                            "' at 'maxSessionDuration' failed to satisfy constraint: Member "
                            "must be an integer");
  }
  return n;
}

Result<std::string> create_role(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "RoleName");
  if (!name.ok()) return name.error();
  auto document = required_param(params, "AssumeRolePolicyDocument");
  if (!document.ok()) return document.error();
  if (Status s = validate_policy_text(*document, "assumeRolePolicyDocument"); !s.ok())
    return s.error();
  auto duration = max_session_duration(params);
  if (!duration.ok()) return duration.error();
  std::string path = params.get_or("Path", "/");
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:CreateRole", role_arn(iam.account_id(), path, *name)); !s.ok())
    return s.error();
  auto role = iam.create_role(*name, path, *document, params.get_or("Description", ""), *duration);
  if (!role.ok()) return role.error();
  aws::XmlWriter w(false);
  render_role(w, *role);
  return w.str();
}

Result<std::string> get_role(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "RoleName");
  if (!name.ok()) return name.error();
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:GetRole", iam.role_arn_for(*name)); !s.ok()) return s.error();
  auto role = iam.get_role(*name);
  if (!role.ok()) return role.error();
  aws::XmlWriter w(false);
  render_role(w, *role, "Role", /*last_used=*/true);
  return w.str();
}

Result<std::string> list_roles(const aws::QueryParams& params, CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  std::string prefix = params.get_or("PathPrefix", "/");
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:ListRoles", role_arn(iam.account_id(), prefix, "")); !s.ok())
    return s.error();
  auto page = iam.list_roles(prefix, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  render_list(w, "Roles", *page, [&](const auto& r) { render_role(w, r, "member"); });
  return w.str();
}

Result<std::string> delete_role(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "RoleName");
  if (!name.ok()) return name.error();
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:DeleteRole", iam.role_arn_for(*name)); !s.ok())
    return s.error();
  if (Status s = iam.delete_role(*name); !s.ok()) return s.error();
  return std::string();
}

}  // namespace

void add_role_operations(QueryOperations& ops) {
  ops.add("CreateRole", create_role);
  ops.add("GetRole", get_role);
  ops.add("ListRoles", list_roles);
  ops.add("DeleteRole", delete_role);
}

}  // namespace opsreg::mocks::iam::wire
