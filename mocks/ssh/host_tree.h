// The fake host's filesystem and environment: a directory tree standing for its "/"
// (etc/hosts, home/<user>, root, tmp, var/log, bin with sudo and hostname shims).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/util/result.h"
#include "mocks/base/host_settings.h"

namespace opsreg::mocks::ssh {

class HostTree {
 public:
  // Creates (or completes) the tree under settings.root, or under a fresh temporary
  // directory when it is empty. Errors: "HostSetupFailed".
  static Result<HostTree> create(const HostSettings& settings);

  HostTree(HostTree&& other) noexcept;
  HostTree& operator=(HostTree&&) = delete;
  ~HostTree();  // removes the tree if it was a temporary directory

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path home_of(const std::string& user) const;
  std::filesystem::path host_key_file() const { return root_ / "etc/ssh/ssh_host_ed25519_key"; }

  // The whole environment of a command run by `user`: HOME, USER, LOGNAME, SHELL, PATH,
  // TMPDIR, OPSREG_HOST_* and settings.env, then `extra` (TERM, accepted LANG/LC_*, SSH_*).
  // Sandboxed (settings.sandbox), the paths are the session's own (HOME=/home/<user>, TMPDIR=/tmp),
  // OPSREG_BIN and OPSREG_HOST_MOUNTS name what the sandbox binds, and OPSREG_HOST_ROOT is for
  // the sandbox's launcher only.
  std::vector<std::string> environment(
      const std::string& user, const std::vector<std::pair<std::string, std::string>>& extra) const;
  const HostSettings& settings() const { return settings_; }

 private:
  HostTree(std::filesystem::path root, bool temporary, HostSettings settings);
  Status populate() const;
  std::vector<std::string> sandbox_environment(
      const std::string& user, const std::vector<std::pair<std::string, std::string>>& extra) const;
  std::filesystem::path root_;
  bool temporary_ = false;
  HostSettings settings_;
};

}  // namespace opsreg::mocks::ssh
