// Who is behind a request's access key: the account's root, an IAM user, or a role session.
// IAM's model resolves keys to principals; the edge, services and policies read them.
#pragma once

#include <string>

namespace opsreg::mocks {

struct Principal {
  bool root = false;
  std::string account_id;
  // arn:aws:iam::ACCOUNT:root, :user/PATH/NAME, or arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION
  std::string arn;
  std::string user_name;  // empty for root and role sessions
  std::string user_id;    // AIDA... (root: the account id; role session: AROA...:SESSION)
  std::string role_name;  // role sessions only: the assumed role
  bool is_role_session() const { return !role_name.empty(); }
};

}  // namespace opsreg::mocks
