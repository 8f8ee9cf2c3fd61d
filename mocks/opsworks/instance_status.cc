// The OpsWorks instance statuses, as the API model documents them.
#include "mocks/opsworks/instance_status.h"

#include <algorithm>

namespace opsreg::mocks::opsworks {

const std::vector<std::string>& instance_statuses() {
  static const std::vector<std::string> kStatuses = {
      "booting",       "connection_lost", "online",        "pending",
      "rebooting",     "requested",       "running_setup", "setup_failed",
      "shutting_down", "start_failed",    "stop_failed",   "stopped",
      "stopping",      "terminated",      "terminating",   "registered"};
  return kStatuses;
}

bool is_instance_status(const std::string& status) {
  const auto& all = instance_statuses();
  return std::find(all.begin(), all.end(), status) != all.end();
}

}  // namespace opsreg::mocks::opsworks
