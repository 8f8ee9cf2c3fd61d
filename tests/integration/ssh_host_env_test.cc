// What a command sees on the fake SSH host: the host's own tree (HOME, TMPDIR, etc/hosts),
// its sudo and hostname, the host's extra environment, accepted env requests, real curl/tar.
#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>

#include "tests/integration/ssh_host_fixture.h"

namespace opsreg::testing {
namespace {

using SshHostEnv = SshHostTest;

TEST_F(SshHostEnv, CommandRunsInTheHostsHomeWithItsTmpdir) {
  ProcessResult r = ssh_run("pwd; echo \"$HOME\"; echo \"$TMPDIR\"; echo \"$OPSREG_HOST_ROOT\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string root = host_->root().string();
  EXPECT_EQ(r.out,
            root + "/home/ubuntu\n" + root + "/home/ubuntu\n" + root + "/tmp\n" + root + "\n");
}

TEST_F(SshHostEnv, CommandCanRewriteTheHostsEtcHosts) {
  EXPECT_NE(read_text(host_->root() / "etc/hosts").find("10.0.0.5\tweb-1\n"), std::string::npos);
  ProcessResult r = ssh_run("printf '10.0.0.9\\tdb-1\\n' > \"$OPSREG_HOST_ROOT/etc/hosts\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(read_text(host_->root() / "etc/hosts"), "10.0.0.9\tdb-1\n");
}

TEST_F(SshHostEnv, SudoRunsTheCommandAsTheHostsRoot) {
  ProcessResult r = ssh_run("sudo sh -c 'echo \"$HOME $USER $SUDO_USER $OPSREG_HOST_ROOT\"'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string root = host_->root().string();
  EXPECT_EQ(r.out, root + "/root root ubuntu " + root + "\n");
}

TEST_F(SshHostEnv, SudoSetsNameValueArgumentsAndPassesTheExitCode) {
  ProcessResult r = ssh_run(
      "sudo -E OPSWORKS_ASSETS_DOWNLOAD_BUCKET=assets sh -c "
      "'echo $OPSWORKS_ASSETS_DOWNLOAD_BUCKET; exit 6'");
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_EQ(r.out, "assets\n");
}

TEST_F(SshHostEnv, HostnamePrintsTheHostsNameAndAddresses) {
  ProcessResult r =
      ssh_run("hostname; hostname -f; hostname -I; cat \"$OPSREG_HOST_ROOT/etc/hostname\"");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "web-1\nweb-1\n10.0.0.5 203.0.113.5\nweb-1\n");
}

TEST_F(SshHostEnv, HostEnvironmentReachesEveryCommandAndSudo) {
  mocks::ssh::HostSettings settings = default_settings();
  settings.env["OPSREG_BIN"] = "/opt/opsreg/bin/opsreg";
  start_host(settings);
  ProcessResult r = ssh_run("echo $OPSREG_BIN; sudo sh -c 'echo $OPSREG_BIN'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "/opt/opsreg/bin/opsreg\n/opt/opsreg/bin/opsreg\n");
}

TEST_F(SshHostEnv, EnvRequestsAcceptOnlyLangAndLcVariables) {
  ProcessResult r = ssh_run("echo \"$LANG|$LC_ALL|${OPSREG_SNEAKY:-unset}\"", "user_ed25519",
                            {"-o", "SetEnv=LANG=C.UTF-8 LC_ALL=C OPSREG_SNEAKY=1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "C.UTF-8|C|unset\n");
}

TEST_F(SshHostEnv, GivenRootIsPopulatedAndKeptAfterStop) {
  mocks::ssh::HostSettings settings = default_settings();
  settings.root = dir_ / "host-root";
  start_host(settings);
  ASSERT_EQ(ssh_run("echo kept > \"$TMPDIR/marker\"").exit_code, 0);
  host_.reset();
  EXPECT_EQ(read_text(dir_ / "host-root/tmp/marker"), "kept\n");
  EXPECT_TRUE(std::filesystem::exists(dir_ / "host-root/home/ubuntu/.ssh/authorized_keys"));
}

TEST_F(SshHostEnv, TemporaryRootIsRemovedWithTheHost) {
  std::filesystem::path root = host_->root();
  EXPECT_TRUE(std::filesystem::exists(root / "var/log"));
  host_.reset();
  EXPECT_FALSE(std::filesystem::exists(root));
}

// The registration script's tools: real curl over HTTP, real tar, a private temp dir.
TEST_F(SshHostEnv, CurlDownloadsATarballThatTarUnpacks) {
  std::filesystem::path src = dir_ / "src/opsworks-agent-installer";
  std::filesystem::create_directories(src);
  write_text(src / "boot-registration", "#!/bin/sh\necho registered\n");
  std::filesystem::permissions(src / "boot-registration", std::filesystem::perms::owner_all);
  ASSERT_EQ(run({"/usr/bin/tar", "-czf", (dir_ / "installer.tgz").string(), "-C",
                 (dir_ / "src").string(), "opsworks-agent-installer"})
                .exit_code,
            0);
  std::string tarball = read_text(dir_ / "installer.tgz");

  httplib::Server server;
  server.Get("/installer.tgz", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(tarball, "application/x-gzip");
  });
  int port = server.bind_to_any_port("127.0.0.1");
  std::thread serving([&] { server.listen_after_bind(); });  // the socket already listens

  ProcessResult r = ssh_run(
      "set -e; umask 007; dir=$(mktemp -d); cd \"$dir\"; "
      "curl -sS -L --retry 5 http://127.0.0.1:" +
      std::to_string(port) +
      "/installer.tgz | tar -xzf -; "
      "case \"$dir\" in \"$TMPDIR\"/*) echo in-host-tmp ;; esac; "
      "sudo ./opsworks-agent-installer/boot-registration; cd /; rm -rf \"$dir\"");
  server.stop();
  serving.join();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "in-host-tmp\nregistered\n");
}

}  // namespace
}  // namespace opsreg::testing
