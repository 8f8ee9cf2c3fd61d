// Private to the SSH runner: the libssh session it owns, and the authentication step
// (ssh_auth.cc) split from connection setup (ssh_runner.cc) and command runs (ssh_run.cc).
#pragma once

#include <libssh/libssh.h>

#include <string>

#include "core/ssh/ssh_runner.h"

namespace opsreg::ssh {

struct SshRunner::Impl {
  ssh_session session = nullptr;
  bool connected = false;
  bool password_allowed = true;  // false after a changed host key accepted with `no`

  ~Impl() {
    if (session != nullptr) {
      if (connected) ssh_disconnect(session);
      ssh_free(session);
    }
  }
};

// Tries publickey (each identity file), keyboard-interactive and password, in OpenSSH's
// default order. On success returns the method name; else "PermissionDenied" with
// "user@host: Permission denied (<server's methods>)." or a protocol error.
Result<std::string> authenticate(ssh_session session, const SshConnectOptions& options,
                                 bool password_allowed);

}  // namespace opsreg::ssh
