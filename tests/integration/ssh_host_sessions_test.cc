// Connections to the fake SSH host: several at once, stop() ending running commands, and
// the disconnect fault cutting a command's output mid-stream.
#include <gtest/gtest.h>

#include <vector>

#include "tests/integration/ssh_host_fixture.h"

namespace opsreg::testing {
namespace {

using SshHostSessions = SshHostTest;

TEST_F(SshHostSessions, TwoSessionsRunAtOnce) {
  // The reader blocks on a FIFO until the second session writes to it: this only ends if
  // both sessions run at the same time.
  ASSERT_EQ(run({"/usr/bin/mkfifo", (host_->root() / "tmp/rendezvous").string()}).exit_code, 0);
  Process reader = Process::start(ssh("read line < \"$TMPDIR/rendezvous\"; echo got $line",
                                      "user_ed25519", {"-o", "BatchMode=yes"}));
  ProcessResult writer = ssh_run("echo hello > \"$TMPDIR/rendezvous\"");
  ProcessResult read = reader.wait();
  EXPECT_EQ(writer.exit_code, 0) << writer.err;
  EXPECT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(read.out, "got hello\n");
}

TEST_F(SshHostSessions, ManyClientsAtOnceEachGetTheirOwnOutput) {
  std::vector<Process> clients;
  for (int i = 0; i < 8; ++i) {
    clients.push_back(
        Process::start(ssh("echo client-" + std::to_string(i) + "; exit " + std::to_string(i),
                           i % 2 == 0 ? "user_ed25519" : "user_rsa", {"-o", "BatchMode=yes"})));
  }
  for (int i = 0; i < 8; ++i) {
    ProcessResult r = clients[static_cast<size_t>(i)].wait();
    EXPECT_EQ(r.exit_code, i) << r.err;
    EXPECT_EQ(r.out, "client-" + std::to_string(i) + "\n");
  }
}

TEST_F(SshHostSessions, StopEndsARunningCommandAndTheClientSeesTheConnectionGo) {
  Process client = Process::start(ssh("echo started; cat", "user_ed25519", {"-o", "BatchMode=yes"}),
                                  {}, "", true);
  ASSERT_TRUE(client.read_stdout_until("started\n"));
  host_->stop();
  ProcessResult r = client.wait();
  EXPECT_EQ(r.exit_code, 255);
}

TEST_F(SshHostSessions, DisconnectFaultCutsTheOutputMidCommand) {
  mocks::ssh::HostFaults faults;
  faults.disconnect_after_output_bytes = 5;
  host_->set_faults(faults);
  ProcessResult r = ssh_run("printf 0123456789; cat /dev/zero");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_EQ(r.out, "01234");
}

TEST_F(SshHostSessions, DisconnectFaultAtZeroDropsBeforeAnyOutput) {
  mocks::ssh::HostFaults faults;
  faults.disconnect_after_output_bytes = 0;
  host_->set_faults(faults);
  ProcessResult r = ssh_run("echo never-seen");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_EQ(r.out, "");
  host_->set_faults({});
  EXPECT_EQ(ssh_run("echo back").out, "back\n");
}

TEST_F(SshHostSessions, ClientGoneMidCommandLeavesTheHostServing) {
  Process client = Process::start(ssh("echo started; cat", "user_ed25519", {"-o", "BatchMode=yes"}),
                                  {}, "", true);
  ASSERT_TRUE(client.read_stdout_until("started\n"));
  kill(client.pid(), SIGKILL);
  EXPECT_EQ(client.wait().exit_code, 128 + SIGKILL);
  EXPECT_EQ(ssh_run("echo still-serving").out, "still-serving\n");
}

}  // namespace
}  // namespace opsreg::testing
