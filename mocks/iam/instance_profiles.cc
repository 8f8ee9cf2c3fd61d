// Instance profiles: CreateInstanceProfile, GetInstanceProfile, DeleteInstanceProfile,
// AddRoleToInstanceProfile (at most one role, IAM's fixed quota), RemoveRoleFromInstanceProfile,
// ListInstanceProfiles and ListInstanceProfilesForRole.
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

namespace {
// IAM's quota of roles per instance profile, which cannot be raised.
constexpr int kRolesPerInstanceProfile = 1;

Status validate_profile_name(std::string_view name) {
  return validate_name(name, "instanceProfileName", kInstanceProfileNameMax);
}

std::string profile_key(const InstanceProfileInfo& p) { return p.profile.instance_profile_name; }
}  // namespace

Result<InstanceProfile*> IamModel::find_instance_profile(std::string_view name) {
  auto p = instance_profiles_.find(name);
  if (p == instance_profiles_.end()) return no_such_instance_profile(name);
  return &p->second;
}

Result<const InstanceProfile*> IamModel::find_instance_profile(std::string_view name) const {
  auto p = instance_profiles_.find(name);
  if (p == instance_profiles_.end()) return no_such_instance_profile(name);
  return &p->second;
}

InstanceProfileInfo IamModel::profile_info(const InstanceProfile& profile) const {
  InstanceProfileInfo info{profile, {}};
  if (!profile.role_name.empty()) info.roles.push_back(roles_.at(profile.role_name));
  return info;
}

std::string IamModel::instance_profile_arn_for(std::string_view name) const {
  std::lock_guard lock(mu_);
  auto p = instance_profiles_.find(name);
  return p != instance_profiles_.end() ? p->second.arn
                                       : instance_profile_arn(account_id_, "/", name);
}

Result<InstanceProfileInfo> IamModel::create_instance_profile(std::string_view name,
                                                              std::string_view path) {
  if (Status s = validate_profile_name(name); !s.ok()) return s.error();
  if (Status s = validate_path(path); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  if (instance_profiles_.contains(name)) return instance_profile_already_exists(name);
  if (Status s = within_quota(instance_profiles_.size(), quotas_.instance_profiles,
                              "InstanceProfilesPerAccount");
      !s.ok())
    return s.error();
  InstanceProfile profile;
  profile.instance_profile_name = name;
  profile.instance_profile_id = ids_.unique_id("AIPA");
  profile.path = path;
  profile.arn = instance_profile_arn(account_id_, path, name);
  profile.created = clock_.now();
  instance_profiles_.emplace(profile.instance_profile_name, profile);
  return InstanceProfileInfo{profile, {}};
}

Result<InstanceProfileInfo> IamModel::get_instance_profile(std::string_view name) const {
  if (Status s = validate_profile_name(name); !s.ok()) return s.error();
  std::lock_guard lock(mu_);
  auto profile = find_instance_profile(name);
  if (!profile.ok()) return profile.error();
  return profile_info(**profile);
}

Status IamModel::delete_instance_profile(std::string_view name) {
  if (Status s = validate_profile_name(name); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto profile = find_instance_profile(name);
  if (!profile.ok()) return profile.error();
  if (!(*profile)->role_name.empty()) return delete_conflict("remove roles from instance profile");
  instance_profiles_.erase(instance_profiles_.find(name));
  return {};
}

Status IamModel::add_role_to_instance_profile(std::string_view profile_name,
                                              std::string_view role_name) {
  if (Status s = validate_profile_name(profile_name); !s.ok()) return s;
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto profile = find_instance_profile(profile_name);
  if (!profile.ok()) return profile.error();
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  // Adding the role it already holds counts against the quota too, as in IAM.
  if (!(*profile)->role_name.empty())
    return limit_exceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: " +
                          std::to_string(kRolesPerInstanceProfile));
  (*profile)->role_name = (*role)->role_name;
  (*role)->instance_profiles.insert((*profile)->instance_profile_name);
  return {};
}

Status IamModel::remove_role_from_instance_profile(std::string_view profile_name,
                                                   std::string_view role_name) {
  if (Status s = validate_profile_name(profile_name); !s.ok()) return s;
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s;
  std::lock_guard lock(mu_);
  auto profile = find_instance_profile(profile_name);
  if (!profile.ok()) return profile.error();
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  if (to_lower((*profile)->role_name) != to_lower((*role)->role_name))
    return no_such_entity("role", role_name);
  (*profile)->role_name.clear();
  (*role)->instance_profiles.erase((*profile)->instance_profile_name);
  return {};
}

Result<Page<InstanceProfileInfo>> IamModel::list_instance_profiles(std::string_view path_prefix,
                                                                   std::string_view marker,
                                                                   int max_items) const {
  if (path_prefix.empty())
    path_prefix = "/";
  else if (Status s = validate_path_prefix(path_prefix); !s.ok())
    return s.error();
  std::vector<InstanceProfileInfo> matching;
  {
    std::lock_guard lock(mu_);
    for (const auto& [name, p] : instance_profiles_)
      if (p.path.starts_with(path_prefix)) matching.push_back(profile_info(p));
  }
  return paginate(std::move(matching), profile_key, marker, max_items);
}

Result<Page<InstanceProfileInfo>> IamModel::list_instance_profiles_for_role(
    std::string_view role_name, std::string_view marker, int max_items) const {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s.error();
  std::vector<InstanceProfileInfo> holding;
  {
    std::lock_guard lock(mu_);
    auto role = find_role(role_name);
    if (!role.ok()) return role.error();
    for (const auto& name : (*role)->instance_profiles)
      holding.push_back(profile_info(instance_profiles_.at(name)));
  }
  std::sort(holding.begin(), holding.end(),
            [](const InstanceProfileInfo& a, const InstanceProfileInfo& b) {
              return CaseInsensitiveLess()(profile_key(a), profile_key(b));
            });
  return paginate(std::move(holding), profile_key, marker, max_items);
}

}  // namespace opsreg::mocks::iam
