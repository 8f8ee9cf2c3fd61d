// Terminals on the fake SSH host: `ssh -tt` gets a real pty (output is the pty's), plain
// exec gets pipes; stdin is forwarded either way; exit status passes through both.
#include <gtest/gtest.h>

#include "tests/integration/ssh_host_fixture.h"

namespace opsreg::testing {
namespace {

using SshHostPty = SshHostTest;

TEST_F(SshHostPty, SshTtGetsARealPty) {
  ProcessResult r =
      ssh_run("tty; test -t 0 && test -t 1 && echo all-terminal", "user_ed25519", {"-tt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("/dev/pts/", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("all-terminal\r\n"), std::string::npos) << r.out;  // the pty's CRLF
}

TEST_F(SshHostPty, StderrOnAPtyComesBackOnTheTerminalStream) {
  ProcessResult r = ssh_run("echo to-err >&2", "user_ed25519", {"-tt"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "to-err\r\n");
  EXPECT_EQ(r.err, "");
}

TEST_F(SshHostPty, PtyCommandExitStatusPassesThrough) {
  EXPECT_EQ(ssh_run("exit 5", "user_ed25519", {"-tt"}).exit_code, 5);
}

TEST_F(SshHostPty, PtyHasTermAndAWindowSize) {
  ProcessResult r = ssh_run("echo \"$TERM\"; stty size", "user_ed25519", {"-tt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\r\n"), std::string::npos);
  std::string size = r.out.substr(r.out.find("\r\n") + 2);
  EXPECT_EQ(size.find("0 0"), std::string::npos) << size;  // a real size, not 0x0
}

TEST_F(SshHostPty, WithoutTtStdinIsNotATerminal) {
  ProcessResult r = ssh_run("test -t 0 || echo not-a-terminal");
  EXPECT_EQ(r.out, "not-a-terminal\n");
}

TEST_F(SshHostPty, StdinIsForwardedToTheCommand) {
  ProcessResult r =
      run(ssh("tr a-z A-Z", "user_ed25519", {"-o", "BatchMode=yes"}), {}, "hello stdin\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "HELLO STDIN\n");
}

TEST_F(SshHostPty, LargeOutputArrivesWhole) {
  ProcessResult r = ssh_run("head -c 3000000 /dev/zero | tr '\\0' x");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.size(), 3000000u);
  EXPECT_EQ(r.out.find_first_not_of('x'), std::string::npos);
}

TEST_F(SshHostPty, ShellRequestRunsALoginShellReadingStdin) {
  ProcessResult r =
      run(ssh("", "user_ed25519", {"-o", "BatchMode=yes", "-T"}), {}, "echo from-shell; exit 7\n");
  EXPECT_EQ(r.exit_code, 7) << r.err;
  EXPECT_EQ(r.out, "from-shell\n");
}

TEST_F(SshHostPty, KilledCommandIsReportedAsASignal) {
  ProcessResult r = ssh_run("kill -TERM $$");
  EXPECT_EQ(r.exit_code, 255);  // OpenSSH's ssh exits 255 on exit-signal
}

}  // namespace
}  // namespace opsreg::testing
