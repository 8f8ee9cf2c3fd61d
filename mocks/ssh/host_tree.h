// The fake host's filesystem and environment: a directory tree standing for its "/"
// (etc/hosts, home/<user>, root, tmp, var/log, bin with sudo and hostname shims). A temporary
// tree is made on first use (a login, or a look at root()), so that an idle host of a large
// fleet costs no file.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/util/result.h"
#include "mocks/base/host_settings.h"

namespace opsreg::mocks::ssh {

class HostTree {
 public:
  // What make() writes besides the tree's own files (the generated host key, given the path
  // host_key_file()).
  using ExtraFiles = std::function<Status(const std::filesystem::path& host_key_file)>;
  // Creates (or completes) the tree under settings.root now; with no settings.root, names a
  // fresh temporary directory that make() creates. A sandboxed host checks here that it can
  // have its namespaces. Errors: "HostSetupFailed", "SandboxUnavailable".
  static Result<HostTree> create(const HostSettings& settings, ExtraFiles extra = {});

  HostTree(HostTree&& other) noexcept;
  HostTree& operator=(HostTree&&) = delete;
  ~HostTree();  // removes the tree if it was a temporary directory

  // Where the tree is (made or not yet).
  const std::filesystem::path& root() const { return root_; }
  // Makes the tree if it is not yet made (once; later calls give the first answer). Thread-safe.
  Status make() const;
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
  HostTree(std::filesystem::path root, bool temporary, HostSettings settings, ExtraFiles extra);
  Status populate() const;
  struct Made {
    std::once_flag once;
    Status status;
    bool made = false;  // the root directory exists because of make()
  };
  std::vector<std::string> sandbox_environment(
      const std::string& user, const std::vector<std::pair<std::string, std::string>>& extra) const;
  std::filesystem::path root_;
  bool temporary_ = false;
  HostSettings settings_;
  ExtraFiles extra_;
  std::unique_ptr<Made> made_ = std::make_unique<Made>();
};

}  // namespace opsreg::mocks::ssh
