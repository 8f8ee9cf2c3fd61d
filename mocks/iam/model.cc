// IamModel: construction, lookups shared by the entity files, key resolution for the edge,
// and the state snapshot. Each entity's rules live in users.cc, groups.cc, roles.cc,
// role_policies.cc, instance_profiles.cc, role_sessions.cc, access_keys.cc,
// inline_policies.cc and managed_policies.cc.
#include "mocks/iam/model.h"

#include "core/aws/crypto.h"
#include "core/clock/time_format.h"
#include "mocks/iam/aws_managed.h"
#include "mocks/iam/errors.h"

namespace opsreg::mocks::iam {

IamModel::IamModel(std::string account_id, const Clock& clock, IdSource& ids)
    : account_id_(std::move(account_id)), clock_(clock), ids_(ids), created_(clock.now()) {
  for (const auto& def : aws_managed_policies()) {
    // The catalogue's documents are valid; a parse failure leaves the policy unparsed, and
    // resolve_key then grants nothing from it.
    (void)add_aws_managed_policy(def.name, def.document);
  }
}

std::string IamModel::user_arn_for(std::string_view user_name) const {
  std::lock_guard lock(mu_);
  auto u = users_.find(user_name);
  return u != users_.end() ? u->second.arn : user_arn(account_id_, "/", user_name);
}

std::string IamModel::group_arn_for(std::string_view group_name) const {
  std::lock_guard lock(mu_);
  auto g = groups_.find(group_name);
  return g != groups_.end() ? g->second.arn : group_arn(account_id_, "/", group_name);
}

std::optional<std::string> IamModel::access_key_owner(std::string_view access_key_id) const {
  std::lock_guard lock(mu_);
  auto k = keys_.find(std::string(access_key_id));
  if (k == keys_.end()) return std::nullopt;
  return k->second.user_name;
}

Result<User*> IamModel::find_user(std::string_view user_name) {
  auto u = users_.find(user_name);
  if (u == users_.end()) return no_such_entity("user", user_name);
  return &u->second;
}

Result<const User*> IamModel::find_user(std::string_view user_name) const {
  auto u = users_.find(user_name);
  if (u == users_.end()) return no_such_entity("user", user_name);
  return &u->second;
}

Result<Group*> IamModel::find_group(std::string_view group_name) {
  auto g = groups_.find(group_name);
  if (g == groups_.end()) return no_such_entity("group", group_name);
  return &g->second;
}

Result<const Group*> IamModel::find_group(std::string_view group_name) const {
  auto g = groups_.find(group_name);
  if (g == groups_.end()) return no_such_entity("group", group_name);
  return &g->second;
}

std::vector<std::string> IamModel::key_ids_of(std::string_view user_name) const {
  if (!user_name.empty()) {
    auto u = users_.find(user_name);
    return u == users_.end() ? std::vector<std::string>{} : u->second.access_key_ids;
  }
  std::vector<std::string> ids;
  for (const auto& [id, k] : keys_)
    if (k.user_name.empty()) ids.push_back(id);
  return ids;
}

void IamModel::add_root_key(std::string access_key_id, std::string secret_access_key) {
  std::lock_guard lock(mu_);
  AccessKey key;
  key.access_key_id = access_key_id;
  key.secret_access_key = std::move(secret_access_key);
  key.created = clock_.now();
  keys_[access_key_id] = std::move(key);
}

std::optional<KeyGrant> IamModel::resolve_key(std::string_view access_key_id) const {
  std::lock_guard lock(mu_);
  auto k = keys_.find(std::string(access_key_id));
  if (k == keys_.end()) {
    auto session = sessions_.find(std::string(access_key_id));
    if (session != sessions_.end()) return resolve_session(session->second);
    // A deleted key works on until its deletion has propagated.
    auto retired = retired_keys_.find(std::string(access_key_id));
    if (retired != retired_keys_.end() && clock_.now() < retired->second.second)
      return retired->second.first;
    return std::nullopt;
  }
  // A new key is unknown until its creation has propagated.
  if (clock_.now() < k->second.effective) return std::nullopt;
  return key_grant(k->second);
}

KeyGrant IamModel::key_grant(const AccessKey& key) const {
  KeyGrant grant;
  grant.secret_access_key = key.secret_access_key;
  grant.active = key.active;
  grant.principal.account_id = account_id_;
  if (key.user_name.empty()) {
    grant.principal.root = true;
    grant.principal.arn = "arn:aws:iam::" + account_id_ + ":root";
    grant.principal.user_id = account_id_;
    return grant;
  }
  const User& user = users_.at(key.user_name);
  grant.principal.arn = user.arn;
  grant.principal.user_name = user.user_name;
  grant.principal.user_id = user.user_id;
  add_effective_policies("user:" + user.user_name, user.policies, user.attached_policies,
                         grant.policies);
  for (const auto& g : user.groups) {
    const Group& group = groups_.at(g);
    add_effective_policies("group:" + group.group_name, group.policies, group.attached_policies,
                           grant.policies);
  }
  return grant;
}

void IamModel::note_key_used(std::string_view access_key_id, std::string_view service,
                             std::string_view region) {
  std::lock_guard lock(mu_);
  auto k = keys_.find(std::string(access_key_id));
  if (k == keys_.end()) {
    // A role session's use is the role's last use (GetRole's RoleLastUsed).
    auto session = sessions_.find(std::string(access_key_id));
    if (session == sessions_.end()) return;
    auto role = roles_.find(session->second.role_name);
    if (role == roles_.end()) return;
    role->second.last_used = clock_.now();
    role->second.last_used_region = region;
    return;
  }
  k->second.last_used = clock_.now();
  k->second.last_used_service = service;
  k->second.last_used_region = region;
}

nlohmann::json IamModel::snapshot() const {
  std::lock_guard lock(mu_);
  auto inline_names = [](const std::map<std::string, InlinePolicy>& policies) {
    nlohmann::json names = nlohmann::json::array();
    for (const auto& [pn, p] : policies) names.push_back(pn);
    return names;
  };
  nlohmann::json users = nlohmann::json::array();
  for (const auto& [name, u] : users_) {
    nlohmann::json keys = nlohmann::json::array();
    for (const auto& id : u.access_key_ids) {
      const AccessKey& k = keys_.at(id);
      keys.push_back({{"access_key_id", id},
                      {"status", k.active ? "Active" : "Inactive"},
                      {"created", format_iso8601(k.created)}});
    }
    users.push_back({{"user_name", u.user_name},
                     {"user_id", u.user_id},
                     {"path", u.path},
                     {"arn", u.arn},
                     {"created", format_iso8601(u.created)},
                     {"groups", u.groups},
                     {"inline_policies", inline_names(u.policies)},
                     {"attached_policies", u.attached_policies},
                     {"access_keys", keys}});
  }
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& [name, g] : groups_)
    groups.push_back({{"group_name", g.group_name},
                      {"group_id", g.group_id},
                      {"path", g.path},
                      {"arn", g.arn},
                      {"users", g.users},
                      {"inline_policies", inline_names(g.policies)},
                      {"attached_policies", g.attached_policies}});
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& [name, r] : roles_) {
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& [id, k] : sessions_)
      if (k.role_id == r.role_id)
        sessions.push_back({{"access_key_id", id},
                            {"session_name", k.session_name},
                            {"expiration", format_iso8601(k.expiration)}});
    roles.push_back({{"role_name", r.role_name},
                     {"role_id", r.role_id},
                     {"path", r.path},
                     {"arn", r.arn},
                     {"created", format_iso8601(r.created)},
                     {"inline_policies", inline_names(r.policies)},
                     {"attached_policies", r.attached_policies},
                     {"instance_profiles", r.instance_profiles},
                     {"sessions", sessions}});
  }
  nlohmann::json profiles = nlohmann::json::array();
  for (const auto& [name, p] : instance_profiles_)
    profiles.push_back({{"instance_profile_name", p.instance_profile_name},
                        {"instance_profile_id", p.instance_profile_id},
                        {"path", p.path},
                        {"arn", p.arn},
                        {"role", p.role_name}});
  nlohmann::json root_keys = nlohmann::json::array();
  for (const auto& [id, k] : keys_)
    if (k.user_name.empty())
      root_keys.push_back({{"access_key_id", id}, {"status", k.active ? "Active" : "Inactive"}});
  return {{"users", users},
          {"groups", groups},
          {"roles", roles},
          {"instance_profiles", profiles},
          {"root_access_keys", root_keys}};
}

}  // namespace opsreg::mocks::iam
