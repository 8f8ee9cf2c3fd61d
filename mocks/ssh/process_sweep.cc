// /proc scan for marked leftover processes: environ is NUL-separated "NAME=value" entries,
// readable for our own processes. Runs when a host stops and when an exec step ends.
#include "mocks/ssh/process_sweep.h"

#include <signal.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

namespace opsreg::mocks::ssh {

void kill_host_processes(const std::filesystem::path& root) {
  kill_marked_processes("OPSREG_HOST_ROOT=" + root.string());
}

void kill_marked_processes(const std::string& wanted) {
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
      if (env.compare(start, end - start, wanted) == 0) {
        kill(pid, SIGKILL);
        break;
      }
      start = end + 1;
    }
  }
}

}  // namespace opsreg::mocks::ssh
