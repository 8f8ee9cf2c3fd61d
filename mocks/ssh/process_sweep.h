// Finding leftover processes by a mark in their environment, which every descendant inherits
// even when it leaves its session or process group (a daemon): a fake host's background jobs
// (OPSREG_HOST_ROOT=<the host's root>), a scenario exec step's processes.
#pragma once

#include <filesystem>
#include <string>

namespace opsreg::mocks::ssh {

// Sends SIGKILL to every process of this user whose environment holds exactly
// OPSREG_HOST_ROOT=<root> (read from /proc/<pid>/environ), except the calling process.
// Identifying by environment, not by remembered pids, never hits a recycled pid.
void kill_host_processes(const std::filesystem::path& root);

// Sends SIGKILL to every process of this user whose environment holds exactly the entry
// `mark` ("NAME=value"), except the calling process.
void kill_marked_processes(const std::string& mark);

}  // namespace opsreg::mocks::ssh
