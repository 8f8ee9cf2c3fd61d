// Finding leftover processes by a mark in their environment, which every descendant inherits
// even when it leaves its session or process group (a daemon): a fake host's background jobs
// (OPSREG_HOST_ROOT=<the host's root>), a scenario exec step's processes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace opsreg::mocks::ssh {

// Sends SIGKILL to every process of this user whose environment holds exactly
// OPSREG_HOST_ROOT=<root> (read from /proc/<pid>/environ), except the calling process.
// Identifying by environment, not by remembered pids, never hits a recycled pid.
void kill_host_processes(const std::filesystem::path& root);
// The environment entry that marks a host's processes: "OPSREG_HOST_ROOT=<root>".
std::string host_process_mark(const std::filesystem::path& root);

// Sends SIGKILL to every process of this user whose environment holds exactly the entry
// `mark` ("NAME=value"), except the calling process.
void kill_marked_processes(const std::string& mark);
// The same for several marks in one scan of /proc: a process holding any of them is killed.
void kill_marked_processes(const std::vector<std::string>& marks);

// How many scans of /proc this process has made (each reads every process's environ, the cost
// that grows with the machine's processes): a fleet's stop makes one for all its hosts.
std::size_t proc_scan_count();

}  // namespace opsreg::mocks::ssh
