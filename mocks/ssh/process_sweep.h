// Finding a fake host's leftover processes (background jobs that outlived their session):
// every process whose environment carries OPSREG_HOST_ROOT=<the host's root>.
#pragma once

#include <filesystem>

namespace opsreg::mocks::ssh {

// Sends SIGKILL to every process of this user whose environment holds exactly
// OPSREG_HOST_ROOT=<root> (read from /proc/<pid>/environ), except the calling process.
// Identifying by environment, not by remembered pids, never hits a recycled pid.
void kill_host_processes(const std::filesystem::path& root);

}  // namespace opsreg::mocks::ssh
