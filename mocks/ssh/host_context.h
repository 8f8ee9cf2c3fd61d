// What every connection of one fake host shares: its settings, tree, authenticator, the
// current fault hooks and the stop flag.
#pragma once

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>

#include "mocks/base/host_settings.h"
#include "mocks/ssh/host_auth.h"
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

  // The faults now in force: set_faults()'s combined with settings().fault_source's.
  HostFaults faults() const {
    HostFaults f;
    {
      std::lock_guard lock(mu_);
      f = faults_;
    }
    if (!settings_.fault_source) return f;
    HostFaults more = settings_.fault_source();
    f.refuse_connection = f.refuse_connection || more.refuse_connection;
    f.refuse_all_auth = f.refuse_all_auth || more.refuse_all_auth;
    if (more.disconnect_after_output_bytes &&
        (!f.disconnect_after_output_bytes ||
         *more.disconnect_after_output_bytes < *f.disconnect_after_output_bytes))
      f.disconnect_after_output_bytes = more.disconnect_after_output_bytes;
    f.command_delay = std::max(f.command_delay, more.command_delay);
    return f;
  }
  void set_faults(const HostFaults& faults) {
    std::lock_guard lock(mu_);
    faults_ = faults;
  }

  bool stopping() const { return stopping_.load(); }
  void set_stopping() { stopping_.store(true); }

 private:
  const HostSettings settings_;
  const HostTree tree_;
  const std::shared_ptr<const Authenticator> auth_;
  mutable std::mutex mu_;
  HostFaults faults_;  // guarded by mu_
  std::atomic<bool> stopping_{false};
};

}  // namespace opsreg::mocks::ssh
