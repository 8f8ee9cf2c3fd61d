// The fake SSH host seen by libssh's client (what opsreg's SSH runner uses): password and
// key authentication, a denied password, exec with and without a pty, the exit status.
#include <gtest/gtest.h>
#include <libssh/libssh.h>

#include <memory>

#include "tests/integration/ssh_host_fixture.h"

namespace opsreg::testing {
namespace {

struct SessionFree {
  void operator()(ssh_session s) const {
    ssh_disconnect(s);
    ssh_free(s);
  }
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionFree>;

class SshHostLibsshClient : public SshHostTest {
 protected:
  // A connected session (host key not checked: these tests are about authentication).
  SessionPtr connect(const std::string& user) {
    SessionPtr s(ssh_new());
    int port = host_->port();
    ssh_options_set(s.get(), SSH_OPTIONS_HOST, "127.0.0.1");
    ssh_options_set(s.get(), SSH_OPTIONS_PORT, &port);
    ssh_options_set(s.get(), SSH_OPTIONS_USER, user.c_str());
    ssh_options_set(s.get(), SSH_OPTIONS_KNOWNHOSTS, "/dev/null");
    EXPECT_EQ(ssh_connect(s.get()), SSH_OK) << ssh_get_error(s.get());
    // "none" first, as OpenSSH does: by its answer the server's EXT_INFO (server-sig-algs)
    // has arrived, without which libssh's client refuses RSA keys ("ssh-rsa" not allowed).
    EXPECT_EQ(ssh_userauth_none(s.get(), nullptr), SSH_AUTH_DENIED);
    return s;
  }

  struct Run {
    int exit_status = -1;
    std::string out;
  };
  Run exec(ssh_session s, const std::string& command, bool pty) {
    Run result;
    ssh_channel channel = ssh_channel_new(s);
    EXPECT_EQ(ssh_channel_open_session(channel), SSH_OK);
    if (pty) {
      EXPECT_EQ(ssh_channel_request_pty_size(channel, "xterm", 100, 30), SSH_OK)
          << ssh_get_error(s);
    }
    EXPECT_EQ(ssh_channel_request_exec(channel, command.c_str()), SSH_OK);
    char buf[4096];
    int n;
    while ((n = ssh_channel_read(channel, buf, sizeof buf, 0)) > 0) {
      result.out.append(buf, static_cast<size_t>(n));
    }
    result.exit_status = ssh_channel_get_exit_status(channel);
    ssh_channel_close(channel);
    ssh_channel_free(channel);
    return result;
  }
};

TEST_F(SshHostLibsshClient, PasswordLogsInAndExecReturnsOutputAndStatus) {
  SessionPtr s = connect(kUser);
  ASSERT_EQ(ssh_userauth_password(s.get(), nullptr, kPassword), SSH_AUTH_SUCCESS);
  Run r = exec(s.get(), "echo via-libssh; exit 4", false);
  EXPECT_EQ(r.out, "via-libssh\n");
  EXPECT_EQ(r.exit_status, 4);
}

TEST_F(SshHostLibsshClient, WrongPasswordIsDenied) {
  SessionPtr s = connect(kUser);
  EXPECT_EQ(ssh_userauth_password(s.get(), nullptr, "wrong"), SSH_AUTH_DENIED);
  EXPECT_EQ(ssh_userauth_password(s.get(), nullptr, kPassword), SSH_AUTH_SUCCESS);
}

TEST_F(SshHostLibsshClient, PemRsaKeyLogsInAndPtyExecSeesATerminal) {
  SessionPtr s = connect(kUser);
  ssh_key user_key = nullptr;
  ASSERT_EQ(ssh_pki_import_privkey_file(key("user_rsa_pem").c_str(), nullptr, nullptr, nullptr,
                                        &user_key),
            SSH_OK);
  EXPECT_EQ(ssh_userauth_try_publickey(s.get(), nullptr, user_key), SSH_AUTH_SUCCESS);
  EXPECT_EQ(ssh_userauth_publickey(s.get(), nullptr, user_key), SSH_AUTH_SUCCESS);
  ssh_key_free(user_key);
  Run r = exec(s.get(), "test -t 1 && stty size; exit 2", true);
  EXPECT_EQ(r.out, "30 100\r\n");
  EXPECT_EQ(r.exit_status, 2);
}

TEST_F(SshHostLibsshClient, UnauthorizedKeyIsDeniedEvenWhenOffered) {
  SessionPtr s = connect(kUser);
  ssh_key user_key = nullptr;
  ASSERT_EQ(ssh_pki_import_privkey_file(key("wrong_ed25519").c_str(), nullptr, nullptr, nullptr,
                                        &user_key),
            SSH_OK);
  EXPECT_EQ(ssh_userauth_try_publickey(s.get(), nullptr, user_key), SSH_AUTH_DENIED);
  EXPECT_EQ(ssh_userauth_publickey(s.get(), nullptr, user_key), SSH_AUTH_DENIED);
  ssh_key_free(user_key);
}

TEST_F(SshHostLibsshClient, WindowChangeResizesTheCommandsPty) {
  SessionPtr s = connect(kUser);
  ASSERT_EQ(ssh_userauth_password(s.get(), nullptr, kPassword), SSH_AUTH_SUCCESS);
  ssh_channel channel = ssh_channel_new(s.get());
  ASSERT_EQ(ssh_channel_open_session(channel), SSH_OK);
  ASSERT_EQ(ssh_channel_request_pty_size(channel, "xterm", 100, 30), SSH_OK);
  ASSERT_EQ(ssh_channel_request_exec(channel, "stty size; read line; stty size"), SSH_OK);
  std::string out;
  char buf[256];
  while (out.find("30 100\r\n") == std::string::npos) {
    int n = ssh_channel_read(channel, buf, sizeof buf, 0);
    ASSERT_GT(n, 0) << out;
    out.append(buf, static_cast<size_t>(n));
  }
  ASSERT_EQ(ssh_channel_change_pty_size(channel, 120, 40), SSH_OK);
  ASSERT_EQ(ssh_channel_write(channel, "go\n", 3), 3);
  int n;
  while ((n = ssh_channel_read(channel, buf, sizeof buf, 0)) > 0) {
    out.append(buf, static_cast<size_t>(n));
  }
  EXPECT_NE(out.find("40 120\r\n"), std::string::npos) << out;
  EXPECT_EQ(ssh_channel_get_exit_status(channel), 0);
  ssh_channel_close(channel);
  ssh_channel_free(channel);
}

}  // namespace
}  // namespace opsreg::testing
