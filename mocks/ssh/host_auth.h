// Who may log in to a fake host: each user's authorized public keys and password, and the
// "refuse all" fault. Pure decisions; the libssh callbacks live in session.cc.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "mocks/ssh/host_settings.h"

struct ssh_key_struct;

namespace opsreg::mocks::ssh {

class Authenticator {
 public:
  // Parses every user's authorized_keys lines (options before the key type are not
  // supported). Errors: "InvalidAuthorizedKey" naming the user and line number.
  static Result<std::shared_ptr<const Authenticator>> create(const std::vector<HostUser>& users);
  ~Authenticator();

  bool has_user(const std::string& user) const;
  // True if `key` (its public part) is one of `user`'s authorized keys. The caller checks
  // that the client proved possession (a verified signature) before granting access.
  bool accepts_key(const std::string& user, ssh_key_struct* key) const;
  // Constant-time comparison with the user's password, if it has one.
  bool accepts_password(const std::string& user, const std::string& password) const;

 private:
  struct User {
    std::vector<ssh_key_struct*> keys;  // owned
    std::optional<std::string> password;
  };
  Authenticator() = default;
  std::map<std::string, User> users_;
};

}  // namespace opsreg::mocks::ssh
