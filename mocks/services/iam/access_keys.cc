// IAM access key operations on the wire: CreateAccessKey (the only response with a secret),
// ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed. Without UserName they
// act on the caller; for root, on the account's root keys.
#include "core/clock/time_format.h"
#include "mocks/iam/errors.h"
#include "mocks/services/iam/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::iam::wire {

namespace {

Result<std::string> create_access_key(const aws::QueryParams& params, CallContext& ctx) {
  auto name = user_name_or_caller(params, ctx);
  if (!name.ok()) return name.error();
  if (Status s = ctx.authorize("iam:CreateAccessKey", user_resource(ctx, *name)); !s.ok())
    return s.error();
  auto key = ctx.world().iam().create_access_key(*name);
  if (!key.ok()) return key.error();
  aws::XmlWriter w(false);
  w.open("AccessKey");
  w.leaf_if("UserName", key->user_name);
  w.leaf("AccessKeyId", key->access_key_id)
      .leaf("Status", "Active")
      .leaf("SecretAccessKey", key->secret_access_key)
      .leaf("CreateDate", format_iso8601(key->created))
      .close();
  return w.str();
}

Result<std::string> list_access_keys(const aws::QueryParams& params, CallContext& ctx) {
  auto name = user_name_or_caller(params, ctx);
  if (!name.ok()) return name.error();
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  if (Status s = ctx.authorize("iam:ListAccessKeys", user_resource(ctx, *name)); !s.ok())
    return s.error();
  auto page = ctx.world().iam().list_access_keys(*name, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  render_list(w, "AccessKeyMetadata", *page,
              [&](const auto& k) { render_access_key_metadata(w, k); });
  return w.str();
}

Result<std::string> update_access_key(const aws::QueryParams& params, CallContext& ctx) {
  auto name = user_name_or_caller(params, ctx);
  if (!name.ok()) return name.error();
  auto id = required_param(params, "AccessKeyId");
  if (!id.ok()) return id.error();
  auto status = required_param(params, "Status");
  if (!status.ok()) return status.error();
  if (*status != "Active" && *status != "Inactive") {
    if (*status == "Expired")
      return invalid_input("Status Expired cannot be set by UpdateAccessKey.");
    return validation_error("1 validation error detected: Value '" + *status +
                            "' at 'status' failed to satisfy constraint: Member must satisfy "
                            "enum value set: [Active, Inactive, Expired]");
  }
  if (Status s = ctx.authorize("iam:UpdateAccessKey", user_resource(ctx, *name)); !s.ok())
    return s.error();
  if (Status s = ctx.world().iam().update_access_key(*name, *id, *status == "Active"); !s.ok())
    return s.error();
  return std::string();
}

Result<std::string> delete_access_key(const aws::QueryParams& params, CallContext& ctx) {
  auto name = user_name_or_caller(params, ctx);
  if (!name.ok()) return name.error();
  auto id = required_param(params, "AccessKeyId");
  if (!id.ok()) return id.error();
  if (Status s = ctx.authorize("iam:DeleteAccessKey", user_resource(ctx, *name)); !s.ok())
    return s.error();
  if (Status s = ctx.world().iam().delete_access_key(*name, *id); !s.ok()) return s.error();
  return std::string();
}

Result<std::string> get_access_key_last_used(const aws::QueryParams& params, CallContext& ctx) {
  auto id = required_param(params, "AccessKeyId");
  if (!id.ok()) return id.error();
  IamModel& iam = ctx.world().iam();
  auto owner = iam.access_key_owner(*id);
  std::string resource = !owner           ? "*"
                         : owner->empty() ? "arn:aws:iam::" + iam.account_id() + ":root"
                                          : iam.user_arn_for(*owner);
  if (Status s = ctx.authorize("iam:GetAccessKeyLastUsed", resource); !s.ok()) return s.error();
  auto key = iam.get_access_key_last_used(*id);
  if (!key.ok()) return key.error();
  aws::XmlWriter w(false);
  w.leaf_if("UserName", key->user_name);
  w.open("AccessKeyLastUsed");
  if (key->last_used) {
    w.leaf("LastUsedDate", format_iso8601(*key->last_used))
        .leaf("ServiceName", key->last_used_service)
        .leaf("Region", key->last_used_region);
  } else {
    w.leaf("ServiceName", "N/A").leaf("Region", "N/A");
  }
  w.close();
  return w.str();
}

}  // namespace

void add_access_key_operations(QueryOperations& ops) {
  ops.add("CreateAccessKey", create_access_key);
  ops.add("ListAccessKeys", list_access_keys);
  ops.add("UpdateAccessKey", update_access_key);
  ops.add("DeleteAccessKey", delete_access_key);
  ops.add("GetAccessKeyLastUsed", get_access_key_last_used);
}

}  // namespace opsreg::mocks::iam::wire
