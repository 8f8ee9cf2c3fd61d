// The SSH runner against the fake SSH host (mocks/ssh): password authentication (which the
// real sshd test cannot do without a local password), keys, host key and a dropped link.
#include <gtest/gtest.h>

#include "core/ssh/ssh_runner.h"
#include "mocks/ssh/fake_ssh_host.h"
#include "tests/support/ssh_runner_fixtures.h"

namespace opsreg {
namespace {

constexpr const char* kPassword = "runner-test-password";

class SshRunnerFakeHost : public ::testing::Test {
 protected:
  void SetUp() override {
    mocks::ssh::HostSettings s;
    s.users.push_back(
        {"ubuntu", {runner_testing::fixture_public_line("runner_client_ed25519")}, kPassword});
    s.host_key_file = runner_testing::private_key_copy(dir_, "runner_host_a_ed25519");
    auto host = mocks::ssh::FakeSshHost::start(s);
    ASSERT_TRUE(host.ok()) << host.error().message;
    host_ = std::move(*host);
  }

  ssh::SshConnectOptions options(const std::string& key) {
    ssh::SshConnectOptions o;
    o.host = "127.0.0.1";
    o.port = host_->port();
    o.user = "ubuntu";
    if (!key.empty()) o.identity_files = {runner_testing::private_key_copy(dir_, key)};
    o.host_key.user_files = {dir_ / "known_hosts"};
    return o;
  }

  runner_testing::TempDir dir_;
  std::unique_ptr<mocks::ssh::FakeSshHost> host_;
};

TEST_F(SshRunnerFakeHost, PasswordAuthenticationRunsTheCommand) {
  ssh::SshConnectOptions o = options("");
  std::vector<std::string> prompts;
  o.password = [&](const std::string& prompt) -> std::optional<std::string> {
    prompts.push_back(prompt);
    return std::string(kPassword);
  };
  ssh::SshRunner r(o);
  Status s = r.connect();
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(r.auth_method(), "password");
  EXPECT_EQ(prompts, (std::vector<std::string>{"ubuntu@127.0.0.1's password: "}));
  std::string out;
  ssh::RunOptions ro;
  ro.on_output = [&](std::string_view d, bool) { out.append(d); };
  auto res = r.run("echo hi; exit 3", ro);
  ASSERT_TRUE(res.ok()) << res.error().message;
  EXPECT_EQ(out, "hi\n");
  EXPECT_EQ(res->exit_status, 3);
}

TEST_F(SshRunnerFakeHost, WrongPasswordIsPermissionDenied) {
  ssh::SshConnectOptions o = options("runner_wrong_ed25519");
  o.password = [](const std::string&) -> std::optional<std::string> { return "wrong"; };
  Status s = ssh::SshRunner(o).connect();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, "PermissionDenied");
  EXPECT_NE(s.error().message.find("ubuntu@127.0.0.1: Permission denied ("), std::string::npos)
      << s.error().message;
}

TEST_F(SshRunnerFakeHost, KeyAuthWithPtyAndTheHostKeyFingerprint) {
  ssh::SshRunner r(options("runner_client_ed25519"));
  ASSERT_TRUE(r.connect().ok());
  EXPECT_EQ(ssh::fingerprint_sha256(r.server_key()), host_->host_key_fingerprint());
  std::string out;
  ssh::RunOptions ro;
  ro.pty = true;
  ro.on_output = [&](std::string_view d, bool) { out.append(d); };
  auto res = r.run("test -t 1 && echo tty", ro);
  ASSERT_TRUE(res.ok());
  EXPECT_EQ(out, "tty\r\n");
}

TEST_F(SshRunnerFakeHost, DroppedConnectionMidCommandIsConnectionLost) {
  mocks::ssh::HostFaults f;
  f.disconnect_after_output_bytes = 0;
  host_->set_faults(f);
  ssh::SshRunner r(options("runner_client_ed25519"));
  ASSERT_TRUE(r.connect().ok());
  auto res = r.run("echo never");
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.error().code, "ConnectionLost");
  EXPECT_EQ(res.error().message, "Connection to 127.0.0.1 closed by remote host.");
}

}  // namespace
}  // namespace opsreg
