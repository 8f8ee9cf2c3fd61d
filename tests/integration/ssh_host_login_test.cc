// The fake SSH host seen by OpenSSH's real client: who gets in (keys in OpenSSH and PEM
// formats, passwords) and who does not, output and exit status, the host key fingerprint.
#include <gtest/gtest.h>

#include "tests/integration/ssh_host_fixture.h"

namespace opsreg::testing {
namespace {

using SshHostLogin = SshHostTest;

TEST_F(SshHostLogin, AuthorizedEd25519KeyLogsInAndGetsOutput) {
  ProcessResult r = ssh_run("echo hello from $(hostname)");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "hello from web-1\n");
}

TEST_F(SshHostLogin, ExitStatusIsTheCommandsExitCode) {
  EXPECT_EQ(ssh_run("exit 3").exit_code, 3);
  EXPECT_EQ(ssh_run("false").exit_code, 1);
  EXPECT_EQ(ssh_run("no-such-command-here").exit_code, 127);
}

TEST_F(SshHostLogin, StdoutAndStderrArriveOnTheirOwnStreams) {
  ProcessResult r = ssh_run("echo to-out; echo to-err >&2; exit 4");
  EXPECT_EQ(r.exit_code, 4);
  EXPECT_EQ(r.out, "to-out\n");
  EXPECT_EQ(r.err, "to-err\n");
}

TEST_F(SshHostLogin, RsaKeysInOpenSshAndPemFormatsLogIn) {
  for (const char* name : {"user_rsa", "user_rsa_pem"}) {
    ProcessResult r = ssh_run("echo ok", name);
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.err;
    EXPECT_EQ(r.out, "ok\n") << name;
  }
}

TEST_F(SshHostLogin, WrongKeyIsRefusedWithPermissionDenied) {
  ProcessResult r = ssh_run("echo should-not-run", "wrong_ed25519");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("Permission denied (publickey,password)"), std::string::npos) << r.err;
}

TEST_F(SshHostLogin, AuthorizedKeysFileIsReadAtEachLoginAsSshdDoes) {
  std::filesystem::path file = host_->root() / "home" / kUser / ".ssh" / "authorized_keys";
  const std::string before = read_text(file);
  write_text(file, "# only the other key now\n" + read_text(ssh_fixture("wrong_ed25519.pub")));
  ProcessResult refused = ssh_run("echo no");
  EXPECT_EQ(refused.exit_code, 255);
  EXPECT_NE(refused.err.find("Permission denied"), std::string::npos) << refused.err;
  EXPECT_EQ(ssh_run("echo in", "wrong_ed25519").out, "in\n");
  write_text(file, before);
  EXPECT_EQ(ssh_run("echo back").out, "back\n");
}

TEST_F(SshHostLogin, AuthorizedKeyOfAnotherUserIsRefused) {
  ProcessResult r = run(ssh("echo no", "user_ed25519", {"-o", "BatchMode=yes"}, "root"));
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_NE(r.err.find("Permission denied"), std::string::npos) << r.err;
}

TEST_F(SshHostLogin, RefuseAllAuthFaultRefusesEvenTheRightKey) {
  mocks::ssh::HostFaults refuse;
  refuse.refuse_all_auth = true;
  host_->set_faults(refuse);
  ProcessResult r = ssh_run("echo no");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_NE(r.err.find("Permission denied"), std::string::npos) << r.err;
  host_->set_faults({});
  EXPECT_EQ(ssh_run("echo yes").out, "yes\n");
}

// OpenSSH 9.2 reads the password from SSH_ASKPASS when SSH_ASKPASS_REQUIRE=force.
class SshHostPassword : public SshHostTest {
 protected:
  ProcessResult login_with(const std::string& password) {
    std::filesystem::path askpass = dir_ / "askpass";
    write_text(askpass, "#!/bin/sh\nprintf '%s\\n' \"$OPSREG_TEST_PASSWORD\"\n");
    std::filesystem::permissions(askpass, std::filesystem::perms::owner_all);
    return run(ssh("echo in as $USER", "",
                   {"-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
                    "-o", "NumberOfPasswordPrompts=1"}),
               {"SSH_ASKPASS=" + askpass.string(), "SSH_ASKPASS_REQUIRE=force", "DISPLAY=:0",
                "OPSREG_TEST_PASSWORD=" + password});
  }
};

TEST_F(SshHostPassword, RightPasswordLogsIn) {
  ProcessResult r = login_with(kPassword);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "in as ubuntu\n");
}

TEST_F(SshHostPassword, WrongPasswordIsRefused) {
  ProcessResult r = login_with("not-the-password");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("Permission denied"), std::string::npos) << r.err;
}

TEST_F(SshHostLogin, FingerprintIsWhatSshKeygenComputes) {
  // The generated host key's public half is on the host as etc/ssh/ssh_host_ed25519_key.pub.
  ProcessResult keygen =
      run({"/usr/bin/ssh-keygen", "-lf", (host_->root() / "etc/ssh/ssh_host_ed25519_key.pub")});
  ASSERT_EQ(keygen.exit_code, 0) << keygen.err;
  EXPECT_NE(keygen.out.find(" " + host_->host_key_fingerprint() + " "), std::string::npos)
      << keygen.out << " vs " << host_->host_key_fingerprint();
  EXPECT_EQ(host_->host_key_fingerprint().rfind("SHA256:", 0), 0u);
  EXPECT_EQ(host_->host_key_fingerprint().find('='), std::string::npos);

  // What ssh records in known_hosts is the same key.
  ASSERT_EQ(ssh_run("true").exit_code, 0);
  EXPECT_NE(read_text(known_hosts_).find(host_->host_public_key()), std::string::npos);
  ProcessResult known = run({"/usr/bin/ssh-keygen", "-lf", known_hosts_.string()});
  EXPECT_NE(known.out.find(" " + host_->host_key_fingerprint() + " "), std::string::npos)
      << known.out;
}

TEST_F(SshHostLogin, HostKeyFromAnRsaFileKeepsItsFingerprint) {
  mocks::ssh::HostSettings settings = default_settings();
  settings.host_key_file = ssh_fixture("host_rsa");
  start_host(settings);
  ProcessResult keygen = run({"/usr/bin/ssh-keygen", "-lf", ssh_fixture("host_rsa.pub")});
  EXPECT_NE(keygen.out.find(" " + host_->host_key_fingerprint() + " "), std::string::npos)
      << keygen.out << " vs " << host_->host_key_fingerprint();
  EXPECT_EQ(host_->host_public_key().rfind("ssh-rsa ", 0), 0u);
  ProcessResult r = ssh_run("echo rsa-host");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "rsa-host\n");
}

TEST_F(SshHostLogin, ChangedHostKeyIsRefusedByTheClient) {
  ASSERT_EQ(ssh_run("true").exit_code, 0);
  mocks::ssh::HostSettings settings = default_settings();
  settings.host_key_file = ssh_fixture("host_ed25519");
  int old_port = host_->port();
  start_host(settings);  // a new host: new port, so re-record the old key under it
  std::string recorded = read_text(known_hosts_);
  std::string old_tag = "[127.0.0.1]:" + std::to_string(old_port);
  std::string new_tag = "[127.0.0.1]:" + std::to_string(host_->port());
  recorded.replace(recorded.find(old_tag), old_tag.size(), new_tag);
  write_text(known_hosts_, recorded);
  ProcessResult r = ssh_run("echo should-not-run");
  EXPECT_EQ(r.exit_code, 255);
  EXPECT_NE(r.err.find("HOST IDENTIFICATION HAS CHANGED"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace opsreg::testing
