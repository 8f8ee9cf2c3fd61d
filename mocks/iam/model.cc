// IamModel: construction, key resolution for the edge, and the state snapshot.
#include "mocks/iam/model.h"

#include "core/clock/time_format.h"

namespace opsreg::mocks::iam {

IamModel::IamModel(std::string account_id, const Clock& clock, IdSource& ids)
    : account_id_(std::move(account_id)), clock_(clock), ids_(ids) {}

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
  if (k == keys_.end()) return std::nullopt;
  KeyGrant grant;
  grant.secret_access_key = k->second.secret_access_key;
  grant.active = k->second.active;
  grant.principal.account_id = account_id_;
  if (k->second.user_name.empty()) {
    grant.principal.root = true;
    grant.principal.arn = "arn:aws:iam::" + account_id_ + ":root";
    grant.principal.user_id = account_id_;
    return grant;
  }
  const User& user = users_.at(k->second.user_name);
  grant.principal.arn = user.arn;
  grant.principal.user_name = user.user_name;
  grant.principal.user_id = user.user_id;
  auto add_policies = [&](const std::map<std::string, InlinePolicy>& inline_policies,
                          const std::set<std::string>& attached) {
    for (const auto& [name, p] : inline_policies) grant.policies.push_back(p.parsed);
    for (const auto& arn : attached) grant.policies.push_back(managed_.at(arn).parsed);
  };
  add_policies(user.policies, user.attached_policies);
  for (const auto& g : user.groups) {
    const Group& group = groups_.at(g);
    add_policies(group.policies, group.attached_policies);
  }
  return grant;
}

void IamModel::note_key_used(std::string_view access_key_id, std::string_view service,
                             std::string_view region) {
  std::lock_guard lock(mu_);
  auto k = keys_.find(std::string(access_key_id));
  if (k == keys_.end()) return;
  k->second.last_used = clock_.now();
  k->second.last_used_service = service;
  k->second.last_used_region = region;
}

nlohmann::json IamModel::snapshot() const {
  std::lock_guard lock(mu_);
  nlohmann::json users = nlohmann::json::array();
  for (const auto& [name, u] : users_) {
    nlohmann::json keys = nlohmann::json::array();
    for (const auto& id : u.access_key_ids) {
      const AccessKey& k = keys_.at(id);
      keys.push_back({{"access_key_id", id},
                      {"status", k.active ? "Active" : "Inactive"},
                      {"created", format_iso8601(k.created)}});
    }
    nlohmann::json inline_names = nlohmann::json::array();
    for (const auto& [pn, p] : u.policies) inline_names.push_back(pn);
    users.push_back({{"user_name", u.user_name},
                     {"user_id", u.user_id},
                     {"path", u.path},
                     {"arn", u.arn},
                     {"groups", u.groups},
                     {"inline_policies", inline_names},
                     {"attached_policies", u.attached_policies},
                     {"access_keys", keys}});
  }
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& [name, g] : groups_)
    groups.push_back(
        {{"group_name", g.group_name}, {"path", g.path}, {"arn", g.arn}, {"users", g.users}});
  return {{"users", users}, {"groups", groups}};
}

}  // namespace opsreg::mocks::iam
