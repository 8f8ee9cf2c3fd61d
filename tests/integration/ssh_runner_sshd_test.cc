// The SSH runner against Debian's real OpenSSH sshd on a loopback port: key formats, exit
// status and signals, pty, streaming, permission denied, host keys first seen and changed.
#include <dirent.h>
#include <gtest/gtest.h>
#include <pwd.h>

#include "core/ssh/ssh_runner.h"
#include "tests/integration/sshd_server.h"

namespace opsreg {
namespace {

using ssh::RunOptions;
using ssh::SshConnectOptions;
using ssh::SshRunner;

std::string current_user() {
  passwd* pw = getpwuid(getuid());
  return pw != nullptr ? pw->pw_name : "root";
}

class SshRunnerSshd : public ::testing::Test {
 protected:
  void SetUp() override {
    if (access("/usr/sbin/sshd", X_OK) != 0) GTEST_SKIP() << "no /usr/sbin/sshd";
    if (geteuid() != 0) GTEST_SKIP() << "sshd with its own config needs root here";
  }

  void start(runner_testing::SshdOptions o = {}) { ASSERT_TRUE(sshd_.start(o)) << sshd_.log(); }

  SshConnectOptions options(const std::string& key = "runner_client_ed25519") {
    SshConnectOptions o;
    o.host = "127.0.0.1";
    o.port = sshd_.port();
    o.user = current_user();
    o.timeout = std::chrono::seconds(10);
    if (!key.empty()) o.identity_files = {runner_testing::private_key_copy(dir_, key)};
    o.host_key.user_files = {dir_ / "known_hosts"};
    o.host_key.strict = ssh::StrictHostKeyChecking::kAcceptNew;
    o.on_notice = [this](const std::string& line) { notices_.push_back(line); };
    return o;
  }

  struct Output {
    std::string out, err;
    int chunks = 0;
  };
  RunOptions collect(Output* o, bool pty = false) {
    RunOptions r;
    r.pty = pty;
    r.on_output = [o](std::string_view data, bool is_stderr) {
      (is_stderr ? o->err : o->out).append(data);
      ++o->chunks;
    };
    return r;
  }

  runner_testing::TempDir dir_;
  runner_testing::Sshd sshd_{dir_};
  std::vector<std::string> notices_;
};

int open_fds() {
  int n = 0;
  DIR* d = opendir("/proc/self/fd");
  while (readdir(d) != nullptr) ++n;
  closedir(d);
  return n;
}

TEST_F(SshRunnerSshd, KeyAuthRunsCommandStreamsOutputAndReturnsStatus) {
  start();
  int fds_before = open_fds();
  {
    SshRunner r(options());
    ASSERT_TRUE(r.connect().ok());
    EXPECT_EQ(r.auth_method(), "publickey");
    Output o;
    auto res = r.run("echo hi; echo oops >&2; exit 3", collect(&o));
    ASSERT_TRUE(res.ok()) << res.error().message;
    EXPECT_EQ(o.out, "hi\n");
    EXPECT_EQ(o.err, "oops\n");
    EXPECT_EQ(res->exit_status, 3);
    EXPECT_EQ(res->exit_signal, "");
    // A second command on the same connection.
    Output o2;
    auto res2 = r.run("echo again", collect(&o2));
    ASSERT_TRUE(res2.ok());
    EXPECT_EQ(o2.out, "again\n");
    EXPECT_EQ(res2->exit_status, 0);
  }
  EXPECT_EQ(open_fds(), fds_before) << "the runner leaked a descriptor";
}

TEST_F(SshRunnerSshd, EveryKeyFormatAuthenticates) {
  start();
  for (const char* key : {"runner_client_ed25519", "runner_client_rsa_pem",
                          "runner_client_rsa_openssh", "runner_client_ecdsa"}) {
    SshRunner r(options(key));
    Status s = r.connect();
    ASSERT_TRUE(s.ok()) << key << ": " << s.error().message;
    Output o;
    auto res = r.run("echo $USER-ok", collect(&o));
    ASSERT_TRUE(res.ok()) << key;
    EXPECT_EQ(o.out, current_user() + "-ok\n") << key;
  }
}

TEST_F(SshRunnerSshd, SecondKeyIsTriedWhenTheFirstIsRefused) {
  start();
  SshConnectOptions o = options("runner_wrong_ed25519");
  o.identity_files.push_back(dir_ / "missing_key_is_skipped");
  o.identity_files.push_back(runner_testing::private_key_copy(dir_, "runner_client_ecdsa"));
  o.identities_required = true;
  SshRunner r(o);
  EXPECT_TRUE(r.connect().ok());
  EXPECT_EQ(notices_.back(), "Warning: Identity file " + (dir_ / "missing_key_is_skipped") +
                                 " not accessible: No such file or directory.");
}

TEST_F(SshRunnerSshd, PtyGivesATerminalLikeSshTT) {
  start();
  SshRunner r(options());
  ASSERT_TRUE(r.connect().ok());
  Output with, without;
  auto a = r.run("test -t 0 && test -t 1 && echo tty:$TERM", collect(&with, true));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(with.out, "tty:xterm\r\n");  // the pty's line discipline turns \n into \r\n
  auto b = r.run("test -t 1 || echo no-tty", collect(&without));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(without.out, "no-tty\n");
}

TEST_F(SshRunnerSshd, LargeOutputIsStreamedInChunksWithFlowControl) {
  start();
  SshRunner r(options());
  ASSERT_TRUE(r.connect().ok());
  Output o;
  auto res = r.run("head -c 4000000 /dev/zero | tr '\\0' x; echo done >&2", collect(&o));
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(o.out.size(), 4000000u);
  EXPECT_EQ(o.out.find_first_not_of('x'), std::string::npos);
  EXPECT_EQ(o.err, "done\n");
  EXPECT_GT(o.chunks, 10);
}

TEST_F(SshRunnerSshd, StdinIsSentThenClosed) {
  start();
  SshRunner r(options());
  ASSERT_TRUE(r.connect().ok());
  Output o;
  RunOptions ro = collect(&o);
  ro.stdin_data = "line one\nline two\n";
  auto res = r.run("wc -l", ro);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(o.out, "2\n");
  Output o2;
  auto res2 = r.run("cat; echo eof-seen", collect(&o2));  // no stdin: EOF at once
  ASSERT_TRUE(res2.ok());
  EXPECT_EQ(o2.out, "eof-seen\n");
}

TEST_F(SshRunnerSshd, CommandKilledBySignalReportsTheSignal) {
  start();
  SshRunner r(options());
  ASSERT_TRUE(r.connect().ok());
  auto res = r.run("kill -TERM $$");
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(res->exit_status, -1);
  EXPECT_EQ(res->exit_signal, "TERM");
  EXPECT_EQ(res->ssh_exit_code(), 255);
}

TEST_F(SshRunnerSshd, DeadlineStopsAHangingCommand) {
  start();
  SshRunner r(options());
  ASSERT_TRUE(r.connect().ok());
  RunOptions ro;
  ro.deadline = std::chrono::milliseconds(300);
  auto res = r.run("exec tail -f /dev/null", ro);
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().code, "CommandTimeout");
}

TEST_F(SshRunnerSshd, WrongKeyIsPermissionDenied) {
  start();
  SshRunner r(options("runner_wrong_ed25519"));
  Status s = r.connect();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "PermissionDenied");
  EXPECT_EQ(s.error().message, current_user() + "@127.0.0.1: Permission denied (publickey).");
}

TEST_F(SshRunnerSshd, WrongPasswordIsPermissionDeniedAfterOpenSshPrompts) {
  runner_testing::SshdOptions so;
  so.password_authentication = true;
  start(so);
  SshConnectOptions o = options("runner_wrong_ed25519");
  std::vector<std::string> prompts;
  int asked = 0;
  o.password = [&](const std::string& prompt) -> std::optional<std::string> {
    prompts.push_back(prompt);
    return "not-the-password-" + std::to_string(++asked);
  };
  SshRunner r(o);
  Status s = r.connect();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            current_user() + "@127.0.0.1: Permission denied (publickey,password).");
  ASSERT_EQ(prompts.size(), 3u);  // NumberOfPasswordPrompts
  EXPECT_EQ(prompts[0], current_user() + "@127.0.0.1's password: ");
  // A successful password login needs a real password for the local user, which this
  // machine does not have; it is tested against the fake SSH host (mocks/ssh).
}

TEST_F(SshRunnerSshd, ConnectionRefusedIsReportedAsSshDoes) {
  int port = runner_testing::free_loopback_port();
  SshConnectOptions o = options();
  o.port = port;
  SshRunner r(o);
  Status s = r.connect();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "ConnectionFailed");
  EXPECT_EQ(s.error().message,
            "ssh: connect to host 127.0.0.1 port " + std::to_string(port) + ": Connection refused");
}

TEST_F(SshRunnerSshd, FirstConnectionAddsHostKeyAndAChangedKeyIsRefused) {
  start();
  {
    SshRunner r(options());
    ASSERT_TRUE(r.connect().ok());
    EXPECT_EQ(ssh::fingerprint_sha256(r.server_key()),
              ssh::fingerprint_sha256(runner_testing::fixture_public_key("runner_host_a_ed25519")));
  }
  const std::string name = "[127.0.0.1]:" + std::to_string(sshd_.port());
  EXPECT_EQ(notices_, (std::vector<std::string>{"Warning: Permanently added '" + name +
                                                "' (ED25519) to the list of known hosts."}));
  EXPECT_EQ(runner_testing::read_text(dir_ / "known_hosts"),
            name + " " + runner_testing::fixture_public_line("runner_host_a_ed25519") + "\n");

  {  // Same key again: accepted silently.
    notices_.clear();
    SshConnectOptions o = options();
    o.host_key.strict = ssh::StrictHostKeyChecking::kYes;
    SshRunner r(o);
    ASSERT_TRUE(r.connect().ok());
    EXPECT_TRUE(notices_.empty());
  }

  // Another host key on the same address and port.
  int port = sshd_.port();
  sshd_.stop();
  runner_testing::SshdOptions so;
  so.host_key = "runner_host_b_ed25519";
  so.port = port;
  start(so);
  SshRunner r(options());
  Status s = r.connect();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "HostKeyVerificationFailed");
  const std::string& m = s.error().message;
  EXPECT_NE(m.find("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!"), std::string::npos) << m;
  EXPECT_NE(
      m.find(ssh::fingerprint_sha256(runner_testing::fixture_public_key("runner_host_b_ed25519"))),
      std::string::npos);
  EXPECT_NE(m.find("Offending ED25519 key in " + (dir_ / "known_hosts") + ":1"), std::string::npos);
  EXPECT_EQ(m.substr(m.size() - 29), "Host key verification failed.");
}

TEST_F(SshRunnerSshd, ChangedKeyWithStrictNoStillUsesKeysButNeverPasswords) {
  runner_testing::SshdOptions so;
  so.password_authentication = true;
  start(so);
  runner_testing::write_text(dir_ / "known_hosts",
                             "[127.0.0.1]:" + std::to_string(sshd_.port()) + " " +
                                 runner_testing::fixture_public_line("runner_host_b_ed25519") +
                                 "\n");
  bool asked = false;
  SshConnectOptions o = options("runner_wrong_ed25519");
  o.host_key.strict = ssh::StrictHostKeyChecking::kNo;
  o.password = [&](const std::string&) -> std::optional<std::string> {
    asked = true;
    return "x";
  };
  Status s = SshRunner(o).connect();
  ASSERT_FALSE(s.ok());
  EXPECT_FALSE(asked) << "a password was requested for a host whose key changed";
  ASSERT_EQ(notices_.size(), 1u);
  EXPECT_NE(notices_[0].find("Password authentication is disabled"), std::string::npos);

  notices_.clear();
  SshConnectOptions good = options();
  good.host_key.strict = ssh::StrictHostKeyChecking::kNo;
  SshRunner r(good);
  EXPECT_TRUE(r.connect().ok());
}

TEST_F(SshRunnerSshd, UnknownHostUnderStrictYesIsRefused) {
  start();
  SshConnectOptions o = options();
  o.host_key.strict = ssh::StrictHostKeyChecking::kYes;
  Status s = SshRunner(o).connect();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().message,
            "No ED25519 host key is known for [127.0.0.1]:" + std::to_string(sshd_.port()) +
                " and you have requested strict checking.\n"
                "Host key verification failed.");
}

TEST_F(SshRunnerSshd, TargetResolvedThroughAnSshConfigFile) {
  start();
  std::string key = runner_testing::private_key_copy(dir_, "runner_client_rsa_pem");
  runner_testing::write_text(dir_ / "ssh_config",
                             "Host web1 10.0.0.5\n  HostName 127.0.0.1\n  Port " +
                                 std::to_string(sshd_.port()) + "\n  IdentityFile " + key +
                                 "\n  UserKnownHostsFile " + (dir_ / "kh") +
                                 "\n  HashKnownHosts yes\n");
  auto cfg = ssh::SshConfig::load_file(dir_ / "ssh_config", {dir_.path(), current_user()});
  ASSERT_TRUE(cfg.ok()) << cfg.error().message;
  SshRunner r(SshConnectOptions::from_resolved(cfg->resolve("10.0.0.5")));
  ASSERT_TRUE(r.connect().ok());
  Output o;
  auto res = r.run("echo via-config", collect(&o));
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(o.out, "via-config\n");
  EXPECT_EQ(runner_testing::read_text(dir_ / "kh").rfind("|1|", 0), 0u);  // hashed, as configured
}

}  // namespace
}  // namespace opsreg

namespace opsreg {
namespace {

// A peer that accepts TCP but never sends the SSH banner: connect() gives up at the timeout.
TEST(SshRunnerTimeouts, SilentServerTimesOutDuringBannerExchange) {
  int lfd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof(a);
  ASSERT_EQ(bind(lfd, reinterpret_cast<sockaddr*>(&a), sizeof(a)), 0);
  ASSERT_EQ(listen(lfd, 1), 0);
  ASSERT_EQ(getsockname(lfd, reinterpret_cast<sockaddr*>(&a), &len), 0);
  ssh::SshConnectOptions o;
  o.host = "127.0.0.1";
  o.port = ntohs(a.sin_port);
  o.user = "nobody";
  o.timeout = std::chrono::milliseconds(300);
  auto t0 = std::chrono::steady_clock::now();
  Status s = ssh::SshRunner(o).connect();
  auto took = std::chrono::steady_clock::now() - t0;
  close(lfd);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "ConnectionFailed");
  EXPECT_EQ(s.error().message, "Connection timed out during banner exchange");
  EXPECT_LT(took, std::chrono::seconds(5));
}

}  // namespace
}  // namespace opsreg
