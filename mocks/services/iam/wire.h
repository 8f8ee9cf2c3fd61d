// Shared wire helpers for the IAM handlers: rendering User/Group/Role/InstanceProfile/AccessKey
// as IAM's XML,
// paging parameters and trailers, the caller's own user, and the per-entity action tables.
#pragma once

#include <functional>
#include <string>

#include "core/aws/query_params.h"
#include "core/aws/xml_writer.h"
#include "mocks/iam/model.h"
#include "mocks/services/query_service.h"

namespace opsreg::mocks::iam::wire {

// Adds one action to the service (QueryService::add_action).
using AddAction = std::function<void(std::string, QueryService::Action)>;

void add_user_actions(const AddAction& add);
void add_group_actions(const AddAction& add);
void add_access_key_actions(const AddAction& add);
void add_policy_actions(const AddAction& add);       // users' policies (handlers_policies.cc)
void add_role_policy_actions(const AddAction& add);  // roles' policies (handlers_policies.cc)
void add_role_actions(const AddAction& add);
void add_instance_profile_actions(const AddAction& add);

// <Path/><UserName/><UserId/><Arn/><CreateDate/> inside an element called `element`.
void render_user(aws::XmlWriter& w, const User& user, std::string_view element = "User");
// <Path/><GroupName/><GroupId/><Arn/><CreateDate/> inside an element called `element`.
void render_group(aws::XmlWriter& w, const Group& group, std::string_view element = "Group");
// <Path/><RoleName/><RoleId/><Arn/><CreateDate/><AssumeRolePolicyDocument/> (URL-encoded, as
// IAM sends policy documents), <Description/> when set, <MaxSessionDuration/>, and with
// `last_used` <RoleLastUsed/> (GetRole only), inside an element called `element`.
void render_role(aws::XmlWriter& w, const Role& role, std::string_view element = "Role",
                 bool last_used = false);
// <Path/><InstanceProfileName/><InstanceProfileId/><Arn/><CreateDate/><Roles/> inside `element`.
void render_instance_profile(aws::XmlWriter& w, const InstanceProfileInfo& profile,
                             std::string_view element = "InstanceProfile");
// An AccessKeyMetadata entry (no secret) inside `element`.
void render_access_key_metadata(aws::XmlWriter& w, const AccessKey& key,
                                std::string_view element = "member");
// <IsTruncated/> and, when truncated, <Marker/>.
template <class T>
void render_page_tail(aws::XmlWriter& w, const Page<T>& page) {
  w.leaf("IsTruncated", page.is_truncated ? "true" : "false");
  if (page.is_truncated) w.leaf("Marker", page.marker);
}

// A List* answer: <`list`> with `render_item(item)` for each item of the page, then the tail.
template <class T, class RenderItem>
void render_list(aws::XmlWriter& w, const char* list, const Page<T>& page, RenderItem render_item) {
  w.open(list);
  for (const T& item : page.items) render_item(item);
  w.close();
  render_page_tail(w, page);
}

// Marker ("" when absent) and MaxItems (default 100) of a listing request. A MaxItems that is
// not an integer is a ValidationError; its range is checked by the model.
struct PageArgs {
  std::string marker;
  int max_items = kDefaultMaxItems;
};
Result<PageArgs> page_args(const aws::QueryParams& params);

// The UserName parameter, or the calling user's name when it is omitted ("" for root, whose
// access keys are the account's). A UserName that is present is validated.
// A role session has no user to default to: ValidationError "Must specify userName when calling
// with non-User credentials", as IAM answers.
Result<std::string> user_name_or_caller(const aws::QueryParams& params, const CallContext& ctx);
// The ARN that authorizes an action on `user_name` ("" = the caller itself).
std::string user_resource(CallContext& ctx, std::string_view user_name);

}  // namespace opsreg::mocks::iam::wire
