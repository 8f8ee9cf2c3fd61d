// What every connection of one fake host shares: its settings, tree, authenticator, the
// current fault hooks, the stop flag, and the process groups its commands started.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>

#include "mocks/ssh/host_auth.h"
#include "mocks/ssh/host_settings.h"
#include "mocks/ssh/host_tree.h"

namespace opsreg::mocks::ssh {

class HostContext {
 public:
  HostContext(HostSettings settings, HostTree tree, std::shared_ptr<const Authenticator> auth)
      : settings_(std::move(settings)),
        tree_(std::move(tree)),
        auth_(std::move(auth)),
        faults_(settings_.faults) {}

  const HostSettings& settings() const { return settings_; }
  const HostTree& tree() const { return tree_; }
  const Authenticator& auth() const { return *auth_; }

  HostFaults faults() const {
    std::lock_guard lock(mu_);
    return faults_;
  }
  void set_faults(const HostFaults& faults) {
    std::lock_guard lock(mu_);
    faults_ = faults;
  }

  bool stopping() const { return stopping_.load(); }
  void set_stopping() { stopping_.store(true); }

  // Every command leads its own process group; stop() kills what is left of them.
  void track_group(pid_t pgid) {
    std::lock_guard lock(mu_);
    groups_.insert(pgid);
  }
  std::set<pid_t> groups() const {
    std::lock_guard lock(mu_);
    return groups_;
  }

 private:
  const HostSettings settings_;
  const HostTree tree_;
  const std::shared_ptr<const Authenticator> auth_;
  mutable std::mutex mu_;
  HostFaults faults_;       // guarded by mu_
  std::set<pid_t> groups_;  // guarded by mu_
  std::atomic<bool> stopping_{false};
};

}  // namespace opsreg::mocks::ssh
