// IAM instance profile operations on the wire: CreateInstanceProfile, GetInstanceProfile,
// DeleteInstanceProfile, AddRoleToInstanceProfile (which, as in IAM, also needs iam:PassRole on
// the role), RemoveRoleFromInstanceProfile, ListInstanceProfiles, ListInstanceProfilesForRole.
#include "mocks/services/iam/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::iam::wire {

namespace {

// Reads InstanceProfileName (required) and authorizes `action` ("iam:GetInstanceProfile") on it.
Result<std::string> profile_for(const aws::QueryParams& params, CallContext& ctx,
                                const std::string& action) {
  auto name = required_param(params, "InstanceProfileName");
  if (!name.ok()) return name.error();
  if (Status s = ctx.authorize(action, ctx.world().iam().instance_profile_arn_for(*name)); !s.ok())
    return s.error();
  return name;
}

std::string render_one(const InstanceProfileInfo& profile) {
  aws::XmlWriter w(false);
  render_instance_profile(w, profile);
  return w.str();
}

std::string render_page(const Page<InstanceProfileInfo>& page) {
  aws::XmlWriter w(false);
  render_list(w, "InstanceProfiles", page,
              [&](const auto& p) { render_instance_profile(w, p, "member"); });
  return w.str();
}

Result<std::string> create_instance_profile(const aws::QueryParams& params, CallContext& ctx) {
  auto name = required_param(params, "InstanceProfileName");
  if (!name.ok()) return name.error();
  std::string path = params.get_or("Path", "/");
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:CreateInstanceProfile",
                               instance_profile_arn(iam.account_id(), path, *name));
      !s.ok())
    return s.error();
  auto profile = iam.create_instance_profile(*name, path);
  if (!profile.ok()) return profile.error();
  return render_one(*profile);
}

Result<std::string> get_instance_profile(const aws::QueryParams& params, CallContext& ctx) {
  auto name = profile_for(params, ctx, "iam:GetInstanceProfile");
  if (!name.ok()) return name.error();
  auto profile = ctx.world().iam().get_instance_profile(*name);
  if (!profile.ok()) return profile.error();
  return render_one(*profile);
}

Result<std::string> delete_instance_profile(const aws::QueryParams& params, CallContext& ctx) {
  auto name = profile_for(params, ctx, "iam:DeleteInstanceProfile");
  if (!name.ok()) return name.error();
  if (Status s = ctx.world().iam().delete_instance_profile(*name); !s.ok()) return s.error();
  return std::string();
}

Result<std::string> add_role_to_instance_profile(const aws::QueryParams& params, CallContext& ctx) {
  auto role = required_param(params, "RoleName");
  if (!role.ok()) return role.error();
  auto name = profile_for(params, ctx, "iam:AddRoleToInstanceProfile");
  if (!name.ok()) return name.error();
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:PassRole", iam.role_arn_for(*role)); !s.ok()) return s.error();
  if (Status s = iam.add_role_to_instance_profile(*name, *role); !s.ok()) return s.error();
  return std::string();
}

Result<std::string> remove_role_from_instance_profile(const aws::QueryParams& params,
                                                      CallContext& ctx) {
  auto role = required_param(params, "RoleName");
  if (!role.ok()) return role.error();
  auto name = profile_for(params, ctx, "iam:RemoveRoleFromInstanceProfile");
  if (!name.ok()) return name.error();
  if (Status s = ctx.world().iam().remove_role_from_instance_profile(*name, *role); !s.ok())
    return s.error();
  return std::string();
}

Result<std::string> list_instance_profiles(const aws::QueryParams& params, CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  std::string prefix = params.get_or("PathPrefix", "/");
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:ListInstanceProfiles",
                               instance_profile_arn(iam.account_id(), prefix, ""));
      !s.ok())
    return s.error();
  auto page = iam.list_instance_profiles(prefix, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  return render_page(*page);
}

Result<std::string> list_instance_profiles_for_role(const aws::QueryParams& params,
                                                    CallContext& ctx) {
  auto page_in = page_args(params);
  if (!page_in.ok()) return page_in.error();
  auto role = required_param(params, "RoleName");
  if (!role.ok()) return role.error();
  IamModel& iam = ctx.world().iam();
  if (Status s = ctx.authorize("iam:ListInstanceProfilesForRole", iam.role_arn_for(*role)); !s.ok())
    return s.error();
  auto page = iam.list_instance_profiles_for_role(*role, page_in->marker, page_in->max_items);
  if (!page.ok()) return page.error();
  return render_page(*page);
}

}  // namespace

void add_instance_profile_operations(QueryOperations& ops) {
  ops.add("CreateInstanceProfile", create_instance_profile);
  ops.add("GetInstanceProfile", get_instance_profile);
  ops.add("DeleteInstanceProfile", delete_instance_profile);
  ops.add("AddRoleToInstanceProfile", add_role_to_instance_profile);
  ops.add("RemoveRoleFromInstanceProfile", remove_role_from_instance_profile);
  ops.add("ListInstanceProfiles", list_instance_profiles);
  ops.add("ListInstanceProfilesForRole", list_instance_profiles_for_role);
}

}  // namespace opsreg::mocks::iam::wire
