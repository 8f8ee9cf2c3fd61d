// Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey and
// GetAccessKeyLastUsed, for users and (user name "") for the account's root.
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

namespace {
constexpr size_t kAccessKeysPerUser = 2;

AccessKey without_secret(AccessKey key) {
  key.secret_access_key.clear();
  return key;
}
}  // namespace

Result<AccessKey> IamModel::import_access_key(std::string_view user_name, std::string access_key_id,
                                              std::string secret_access_key) {
  if (!user_name.empty()) {
    if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok())
      return s.error();
  }
  if (access_key_id.size() < 16 || access_key_id.size() > 128)
    return invalid_input("Access key id must be 16 to 128 characters: " + access_key_id);
  if (secret_access_key.empty()) return invalid_input("Secret access key must not be empty.");
  std::lock_guard lock(mu_);
  std::string owner;
  if (!user_name.empty()) {
    auto user = find_user(user_name);
    if (!user.ok()) return user.error();
    owner = (*user)->user_name;
  }
  if (keys_.contains(access_key_id)) return access_key_already_exists(access_key_id);
  if (key_ids_of(owner).size() >= kAccessKeysPerUser)
    return limit_exceeded("Cannot exceed quota for AccessKeysPerUser: 2");
  AccessKey key;
  key.access_key_id = std::move(access_key_id);
  key.secret_access_key = std::move(secret_access_key);
  key.user_name = owner;
  key.created = clock_.now();
  if (!owner.empty()) users_.at(owner).access_key_ids.push_back(key.access_key_id);
  keys_[key.access_key_id] = key;
  return key;
}

Result<AccessKey> IamModel::create_access_key(std::string_view user_name) {
  std::string id, secret;
  {
    std::lock_guard lock(mu_);
    do id = ids_.access_key_id();
    while (keys_.contains(id));
  }
  secret = ids_.secret_access_key();
  auto key = import_access_key(user_name, std::move(id), std::move(secret));
  if (!key.ok() || propagation_delay_.count() == 0) return key;
  std::lock_guard lock(mu_);
  key->effective = keys_.at(key->access_key_id).effective = clock_.now() + propagation_delay_;
  return key;
}

Result<Page<AccessKey>> IamModel::list_access_keys(std::string_view user_name,
                                                   std::string_view marker, int max_items) const {
  if (!user_name.empty()) {
    if (Status s = validate_name(user_name, "userName", kExistingUserNameMax); !s.ok())
      return s.error();
  }
  std::vector<AccessKey> keys;
  {
    std::lock_guard lock(mu_);
    if (!user_name.empty()) {
      auto user = find_user(user_name);
      if (!user.ok()) return user.error();
    }
    for (const auto& id : key_ids_of(user_name)) keys.push_back(without_secret(keys_.at(id)));
  }
  std::sort(keys.begin(), keys.end(), [](const AccessKey& a, const AccessKey& b) {
    return CaseInsensitiveLess()(a.access_key_id, b.access_key_id);
  });
  return paginate(
      std::move(keys), [](const AccessKey& k) { return k.access_key_id; }, marker, max_items);
}

Status IamModel::update_access_key(std::string_view user_name, std::string_view access_key_id,
                                   bool active) {
  std::lock_guard lock(mu_);
  if (!user_name.empty()) {
    auto user = find_user(user_name);
    if (!user.ok()) return user.error();
    user_name = (*user)->user_name;
  }
  auto k = keys_.find(std::string(access_key_id));
  if (k == keys_.end() || k->second.user_name != user_name)
    return no_such_access_key(access_key_id);
  k->second.active = active;
  return {};
}

Status IamModel::delete_access_key(std::string_view user_name, std::string_view access_key_id) {
  std::lock_guard lock(mu_);
  User* owner = nullptr;
  if (!user_name.empty()) {
    auto user = find_user(user_name);
    if (!user.ok()) return user.error();
    owner = *user;
    user_name = owner->user_name;
  }
  auto k = keys_.find(std::string(access_key_id));
  if (k == keys_.end() || k->second.user_name != user_name)
    return no_such_access_key(access_key_id);
  if (propagation_delay_.count() > 0)
    retired_keys_[k->first] = {key_grant(k->second), clock_.now() + propagation_delay_};
  if (owner) std::erase(owner->access_key_ids, k->first);
  keys_.erase(k);
  return {};
}

Result<AccessKey> IamModel::get_access_key_last_used(std::string_view access_key_id) const {
  std::lock_guard lock(mu_);
  auto k = keys_.find(std::string(access_key_id));
  if (k == keys_.end()) return no_such_access_key(access_key_id);
  return without_secret(k->second);
}

}  // namespace opsreg::mocks::iam
