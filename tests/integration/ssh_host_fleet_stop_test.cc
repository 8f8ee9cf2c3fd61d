// A fleet stops all its hosts together: one scan of /proc finds what any of them left running
// (a scan per host made a 2000-host world take minutes to stop on a machine with many
// processes), and every host's leftovers die while other processes live on.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "mocks/ssh/host_fleet.h"
#include "mocks/ssh/process_sweep.h"
#include "tests/integration/ssh_host_fixture.h"

namespace opsreg::mocks::ssh {
namespace {

using testing::Process;

// `n` plain on-premises hosts with one user and no key.
std::vector<WorldHost> hosts(int n) {
  std::vector<WorldHost> out;
  for (int i = 0; i < n; ++i) {
    WorldHost h;
    h.name = "stop-" + std::to_string(i);
    h.private_ip = "10.9." + std::to_string(i / 250) + "." + std::to_string(1 + i % 250);
    h.users.push_back({"ubuntu", {}, {}, std::string("pw")});
    out.push_back(std::move(h));
  }
  return out;
}

std::unique_ptr<HostFleet> start_fleet(int n) {
  auto fleet = HostFleet::start(hosts(n), {"/bin/true", {}});
  EXPECT_TRUE(fleet.ok()) << fleet.error().message;
  return fleet.ok() ? std::move(*fleet) : nullptr;
}

// Whether the process has exited within `timeout_ms` (its pidfd turns readable).
bool exits_within(pid_t pid, int timeout_ms) {
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  if (pidfd < 0) return true;  // already reaped
  pollfd p{pidfd, POLLIN, 0};
  bool exited = poll(&p, 1, timeout_ms) == 1;
  close(pidfd);
  return exited;
}

TEST(HostFleetStop, OneProcScanStopsTheWholeFleet) {
  std::unique_ptr<HostFleet> fleet = start_fleet(40);
  ASSERT_TRUE(fleet);
  const std::size_t before = proc_scan_count();
  fleet.reset();
  EXPECT_EQ(proc_scan_count() - before, 1u);
}

TEST(HostFleetStop, EveryHostsLeftoversDieAndOtherProcessesLive) {
  std::unique_ptr<HostFleet> fleet = start_fleet(3);
  ASSERT_TRUE(fleet);
  // Processes marked as a host's own, as its sessions' children are, and one of no host.
  std::vector<Process> leftovers;
  for (const FleetHost& h : fleet->hosts())
    leftovers.push_back(Process::start({"/bin/sleep", "300"}, {host_process_mark(h.ssh->root())}));
  Process bystander = Process::start({"/bin/sleep", "300"}, {host_process_mark("/nowhere")});
  fleet.reset();
  for (Process& p : leftovers) {
    EXPECT_TRUE(exits_within(p.pid(), 10000)) << "a host's leftover still runs";
    EXPECT_EQ(p.wait().exit_code, 128 + SIGKILL);
  }
  EXPECT_FALSE(exits_within(bystander.pid(), 0));
  kill(bystander.pid(), SIGKILL);
  EXPECT_EQ(bystander.wait().exit_code, 128 + SIGKILL);
}

}  // namespace
}  // namespace opsreg::mocks::ssh
