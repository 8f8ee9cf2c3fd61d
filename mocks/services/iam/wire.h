// The IAM wire folder's own header: one add_<entity>_operations per entity file, and the
// helpers they share (IAM's XML for User/Group/Role/InstanceProfile/AccessKey, paging
// parameters and trailers, the caller's own user).
#pragma once

#include <string>

#include "core/aws/query_params.h"
#include "core/aws/xml_writer.h"
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"
#include "mocks/services/query_service.h"

namespace opsreg::mocks::iam::wire {

// Each registers its entity's handlers under their AWS operation names.
void add_user_operations(QueryOperations& ops);              // users.cc
void add_group_operations(QueryOperations& ops);             // groups.cc
void add_access_key_operations(QueryOperations& ops);        // access_keys.cc
void add_policy_operations(QueryOperations& ops);            // policies.cc (users' and roles')
void add_role_operations(QueryOperations& ops);              // roles.cc
void add_instance_profile_operations(QueryOperations& ops);  // instance_profiles.cc

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
