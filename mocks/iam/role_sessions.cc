// Role sessions: issuing temporary credentials for a role and resolving them for the edge.
#include "mocks/iam/role_sessions.h"

#include <algorithm>
#include <cctype>

#include "core/aws/crypto.h"
#include "mocks/iam/errors.h"
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {

namespace {

// STS session tokens are opaque base64; AWS's start with this (base64 of a protobuf header).
constexpr char kTokenPrefix[] = "IQoJb3JpZ2luX2Vj";
constexpr size_t kTokenRandomBytes = 240;

Status validate_session_name(std::string_view name) {
  std::vector<std::string> failures;
  if (name.size() < kRoleSessionNameMin)
    failures.push_back("have length greater than or equal to " +
                       std::to_string(kRoleSessionNameMin));
  if (name.size() > kRoleSessionNameMax)
    failures.push_back("have length less than or equal to " + std::to_string(kRoleSessionNameMax));
  bool pattern_ok = std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("_+=,.@-").find(c) != std::string_view::npos;
  });
  if (!pattern_ok) failures.push_back("satisfy regular expression pattern: [\\w+=,.@-]*");
  if (failures.empty()) return {};
  std::string msg =
      std::to_string(failures.size()) +
      (failures.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (size_t i = 0; i < failures.size(); ++i) {
    if (i) msg += "; ";
    msg += "Value '" + std::string(name) +
           "' at 'roleSessionName' failed to satisfy constraint: Member must " + failures[i];
  }
  return validation_error(msg);
}

}  // namespace

std::string assumed_role_arn(std::string_view account_id, std::string_view role_name,
                             std::string_view session_name) {
  return "arn:aws:sts::" + std::string(account_id) + ":assumed-role/" + std::string(role_name) +
         "/" + std::string(session_name);
}

Result<RoleSession> IamModel::issue_role_session(std::string_view role_name,
                                                 std::string_view session_name, TimePoint now,
                                                 std::chrono::seconds duration) {
  if (Status s = validate_name(role_name, "roleName", kRoleNameMax); !s.ok()) return s.error();
  if (Status s = validate_session_name(session_name); !s.ok()) return s.error();
  if (duration.count() <= 0) return invalid_input("A role session must last at least a second.");
  std::string random_bytes;
  for (size_t i = 0; i < kTokenRandomBytes; i += 8) {
    uint64_t r = ids_.next();
    random_bytes.append(reinterpret_cast<const char*>(&r), sizeof r);
  }
  SessionKey key;
  key.secret_access_key = ids_.secret_access_key();
  key.session_token = kTokenPrefix + aws::base64_encode(random_bytes);
  key.session_name = session_name;
  key.issued = now;
  key.expiration = now + duration;
  std::lock_guard lock(mu_);
  auto role = find_role(role_name);
  if (!role.ok()) return role.error();
  do key.access_key_id = "ASIA" + ids_.access_key_id().substr(4);
  while (keys_.contains(key.access_key_id) || sessions_.contains(key.access_key_id));
  key.role_name = (*role)->role_name;
  key.role_id = (*role)->role_id;
  RoleSession session;
  session.credentials = {key.access_key_id, key.secret_access_key, key.session_token};
  session.expiration = key.expiration;
  session.assumed_role_arn = assumed_role_arn(account_id_, key.role_name, key.session_name);
  session.assumed_role_id = key.role_id + ":" + key.session_name;
  sessions_.emplace(key.access_key_id, std::move(key));
  return session;
}

std::optional<KeyGrant> IamModel::resolve_session(const SessionKey& session) const {
  auto r = roles_.find(session.role_name);
  if (r == roles_.end() || r->second.role_id != session.role_id) return std::nullopt;
  const Role& role = r->second;
  KeyGrant grant;
  grant.secret_access_key = session.secret_access_key;
  grant.session_token = session.session_token;
  grant.expiration = session.expiration;
  grant.principal.account_id = account_id_;
  grant.principal.arn = assumed_role_arn(account_id_, role.role_name, session.session_name);
  grant.principal.user_id = role.role_id + ":" + session.session_name;
  grant.principal.role_name = role.role_name;
  add_effective_policies("role:" + role.role_name, role.policies, role.attached_policies,
                         grant.policies);
  return grant;
}

}  // namespace opsreg::mocks::iam
