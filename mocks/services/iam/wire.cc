// IAM wire helpers shared by the entity files: XML rendering of entities, paging arguments,
// and the calling user when UserName is omitted.
#include "mocks/services/iam/wire.h"

#include <charconv>

#include "core/aws/uri.h"
#include "core/clock/time_format.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::iam::wire {

void render_user(aws::XmlWriter& w, const User& user, std::string_view element) {
  w.open(element)
      .leaf("Path", user.path)
      .leaf("UserName", user.user_name)
      .leaf("UserId", user.user_id)
      .leaf("Arn", user.arn)
      .leaf("CreateDate", format_iso8601(user.created))
      .close();
}

void render_group(aws::XmlWriter& w, const Group& group, std::string_view element) {
  w.open(element)
      .leaf("Path", group.path)
      .leaf("GroupName", group.group_name)
      .leaf("GroupId", group.group_id)
      .leaf("Arn", group.arn)
      .leaf("CreateDate", format_iso8601(group.created))
      .close();
}

void render_role(aws::XmlWriter& w, const Role& role, std::string_view element, bool last_used) {
  w.open(element)
      .leaf("Path", role.path)
      .leaf("RoleName", role.role_name)
      .leaf("RoleId", role.role_id)
      .leaf("Arn", role.arn)
      .leaf("CreateDate", format_iso8601(role.created))
      .leaf("AssumeRolePolicyDocument", aws::uri_encode(role.assume_role_policy_document));
  w.leaf_if("Description", role.description);
  w.leaf("MaxSessionDuration", std::to_string(role.max_session_duration));
  if (last_used) {
    w.open("RoleLastUsed");
    if (role.last_used) {
      w.leaf("LastUsedDate", format_iso8601(*role.last_used));
      w.leaf_if("Region", role.last_used_region);
    }
    w.close();
  }
  w.close();
}

void render_instance_profile(aws::XmlWriter& w, const InstanceProfileInfo& info,
                             std::string_view element) {
  const InstanceProfile& p = info.profile;
  w.open(element)
      .leaf("Path", p.path)
      .leaf("InstanceProfileName", p.instance_profile_name)
      .leaf("InstanceProfileId", p.instance_profile_id)
      .leaf("Arn", p.arn)
      .leaf("CreateDate", format_iso8601(p.created));
  w.open("Roles");
  for (const Role& r : info.roles) render_role(w, r, "member");
  w.close().close();
}

void render_access_key_metadata(aws::XmlWriter& w, const AccessKey& key, std::string_view element) {
  w.open(element);
  w.leaf_if("UserName", key.user_name);
  w.leaf("AccessKeyId", key.access_key_id)
      .leaf("Status", key.active ? "Active" : "Inactive")
      .leaf("CreateDate", format_iso8601(key.created))
      .close();
}

Result<PageArgs> page_args(const aws::QueryParams& params) {
  PageArgs args;
  args.marker = params.get_or("Marker", "");
  if (auto m = params.get("MaxItems")) {
    int n = 0;
    auto [end, ec] = std::from_chars(m->data(), m->data() + m->size(), n);
    if (ec != std::errc() || end != m->data() + m->size() || m->empty()) {
      return validation_error("1 validation error detected: Value '" + *m +
                              "' at 'maxItems' failed to satisfy constraint: Member must be "
                              "an integer");
    }
    args.max_items = n;
  }
  return args;
}

Result<std::string> user_name_or_caller(const aws::QueryParams& params, const CallContext& ctx) {
  if (auto name = params.get("UserName")) {
    if (Status s = validate_name(*name, "userName", kExistingUserNameMax); !s.ok())
      return s.error();
    return *name;
  }
  const Principal& caller = ctx.caller().principal;
  if (!caller.root && caller.user_name.empty())
    return validation_error("Must specify userName when calling with non-User credentials");
  return caller.user_name;
}

std::string user_resource(CallContext& ctx, std::string_view user_name) {
  if (user_name.empty()) return ctx.caller().principal.arn;
  return ctx.world().iam().user_arn_for(user_name);
}

}  // namespace opsreg::mocks::iam::wire
