// Temporary credentials of a role session (STS AssumeRole, an EC2 instance profile): what
// IamModel::issue_role_session hands out. The edge accepts them with their session token until
// they expire or the role is deleted; the caller is then the assumed-role ARN.
#pragma once

#include <string>

#include "core/aws/sigv4.h"
#include "core/clock/clock.h"

namespace opsreg::mocks::iam {

// Role session names: 2..64 characters of [\w+=,.@-] (STS roleSessionNameType).
inline constexpr size_t kRoleSessionNameMin = 2;
inline constexpr size_t kRoleSessionNameMax = 64;

struct RoleSession {
  aws::Credentials credentials;  // access_key_id "ASIA...", secret, session_token
  TimePoint expiration;
  std::string assumed_role_arn;  // arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION
  std::string assumed_role_id;   // AROA...:SESSION (STS AssumedRoleUser.AssumedRoleId)
};

// arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION (the role's path is not part of it, as in AWS).
std::string assumed_role_arn(std::string_view account_id, std::string_view role_name,
                             std::string_view session_name);

}  // namespace opsreg::mocks::iam
