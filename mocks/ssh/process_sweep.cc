// /proc scan for marked leftover processes: environ is NUL-separated "NAME=value" entries,
// readable for our own processes. Runs when a host stops and when an exec step ends.
#include "mocks/ssh/process_sweep.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_set>

namespace opsreg::mocks::ssh {

namespace {
std::atomic<std::size_t> scans{0};
}  // namespace

std::size_t proc_scan_count() { return scans.load(); }

std::string host_process_mark(const std::filesystem::path& root) {
  return "OPSREG_HOST_ROOT=" + root.string();
}

void kill_host_processes(const std::filesystem::path& root) {
  kill_marked_processes(host_process_mark(root));
}

void kill_marked_processes(const std::string& wanted) {
  kill_marked_processes(std::vector<std::string>{wanted});
}

void kill_marked_processes(const std::vector<std::string>& marks) {
  if (marks.empty()) return;
  scans.fetch_add(1);
  const std::unordered_set<std::string_view> wanted(marks.begin(), marks.end());
  const pid_t self = getpid();
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    pid_t pid = static_cast<pid_t>(std::atol(name.c_str()));
    if (pid == self) continue;
    std::ifstream in(entry.path() / "environ", std::ios::binary);
    std::string env((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t start = 0;
    while (start < env.size()) {
      size_t end = env.find('\0', start);
      if (end == std::string::npos) end = env.size();
      if (wanted.contains(std::string_view(env).substr(start, end - start))) {
        kill(pid, SIGKILL);
        break;
      }
      start = end + 1;
    }
  }
}

}  // namespace opsreg::mocks::ssh
