// SSH faults on a running fake host, seen by OpenSSH's `ssh`: a refused connection, a slow host
// (the world's clock moves, no real wait), and faults read from a source at each use.
#include <gtest/gtest.h>

#include <atomic>

#include "core/clock/clock.h"
#include "tests/integration/ssh_host_fixture.h"

namespace opsreg {
namespace {

using testing::ProcessResult;

class SshHostFaults : public testing::SshHostTest {};

TEST_F(SshHostFaults, RefuseConnectionResetsBeforeTheBanner) {
  mocks::ssh::HostFaults refuse;
  refuse.refuse_connection = true;
  host_->set_faults(refuse);
  ProcessResult r = ssh_run("echo no");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_EQ(r.out, "");  // (the fixture's LogLevel=ERROR hides "Connection reset by peer")
  host_->set_faults({});
  EXPECT_EQ(ssh_run("echo yes").out, "yes\n");
}

TEST_F(SshHostFaults, SlowHostMovesTheClockBeforeTheCommandRuns) {
  auto clock = std::make_shared<VirtualClock>(TimePoint{});
  mocks::ssh::HostSettings s = default_settings();
  s.advance_clock = [clock](std::chrono::microseconds by) { clock->advance(by); };
  s.faults.command_delay = std::chrono::minutes(5);
  host_.reset();
  start_host(std::move(s));
  ProcessResult r = ssh_run("echo slow");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "slow\n");
  EXPECT_EQ(clock->now().time_since_epoch(), std::chrono::minutes(5));
  ssh_run("true");
  EXPECT_EQ(clock->now().time_since_epoch(), std::chrono::minutes(10));
}

TEST_F(SshHostFaults, FaultSourceIsReadAtEachUse) {
  auto refuse_auth = std::make_shared<std::atomic<bool>>(true);
  mocks::ssh::HostSettings s = default_settings();
  s.fault_source = [refuse_auth] {
    mocks::ssh::HostFaults f;
    f.refuse_all_auth = refuse_auth->load();
    return f;
  };
  host_.reset();
  start_host(std::move(s));
  ProcessResult r = ssh_run("echo no");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_NE(r.err.find("Permission denied"), std::string::npos) << r.err;
  refuse_auth->store(false);
  EXPECT_EQ(ssh_run("echo yes").out, "yes\n");
}

}  // namespace
}  // namespace opsreg
