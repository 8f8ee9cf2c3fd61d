// Who may log in to a fake host: like sshd, each user's ~/.ssh/authorized_keys in the host's
// tree (read at every attempt, so a changed file counts at once) and their password. Pure
// decisions; the libssh callbacks live in session.cc.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "mocks/base/host_settings.h"

struct ssh_key_struct;

namespace opsreg::mocks::ssh {

class Authenticator {
 public:
  // `authorized_keys_file(user)` is where the host keeps that user's authorized_keys. The
  // users' configured lines are checked here (options before the key type are not supported).
  // Errors: "InvalidAuthorizedKey" naming the user and line number.
  static Result<std::shared_ptr<const Authenticator>> create(
      const std::vector<HostUser>& users,
      std::function<std::filesystem::path(const std::string& user)> authorized_keys_file);

  bool has_user(const std::string& user) const;
  // True if `key` (its public part) is on a line of `user`'s authorized_keys file as it is
  // now; lines that are not keys are skipped, as sshd skips them. The caller checks that the
  // client proved possession (a verified signature) before granting access.
  bool accepts_key(const std::string& user, ssh_key_struct* key) const;
  // Constant-time comparison with the user's password, if it has one.
  bool accepts_password(const std::string& user, const std::string& password) const;

 private:
  struct User {
    std::filesystem::path authorized_keys;
    std::optional<std::string> password;
  };
  Authenticator() = default;
  std::map<std::string, User> users_;
};

}  // namespace opsreg::mocks::ssh
