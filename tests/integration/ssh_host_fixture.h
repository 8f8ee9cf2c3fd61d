// Test support for the fake SSH host: a running host with a test user, fixture keys copied
// to 0600 files, and a runner for OpenSSH's real `ssh` client (exit code, stdout, stderr).
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mocks/ssh/fake_ssh_host.h"

namespace opsreg::testing {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal if killed by one
  std::string out;
  std::string err;
};

// A child process with piped stdin/stdout/stderr, waited on without sleeping.
class Process {
 public:
  // `env` entries ("NAME=value") are added to (or replace) this process's environment.
  // `input` is written to stdin, which is then closed unless keep_stdin_open.
  static Process start(const std::vector<std::string>& argv,
                       const std::vector<std::string>& env = {}, const std::string& input = "",
                       bool keep_stdin_open = false);
  Process(Process&& other) noexcept;
  ~Process();
  // Reads stdout and stderr to EOF (poll), then reaps the child.
  ProcessResult wait();

 private:
  Process() = default;
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
};

ProcessResult run(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                  const std::string& input = "");

std::filesystem::path ssh_fixture(const std::string& name);  // fixtures/ssh/<name>
std::string read_text(const std::filesystem::path& path);
void write_text(const std::filesystem::path& path, const std::string& text);

// One test's fake host: user "ubuntu" (keys user_ed25519, user_rsa, user_rsa_pem; password
// kPassword) unless a test starts its own with start_host().
class SshHostTest : public ::testing::Test {
 protected:
  static constexpr const char* kUser = "ubuntu";
  static constexpr const char* kPassword = "correct-horse-test";

  void SetUp() override;
  void TearDown() override;

  mocks::ssh::HostSettings default_settings() const;
  void start_host(mocks::ssh::HostSettings settings);
  // A private key from fixtures/ssh/ copied to a 0600 file in this test's directory.
  std::string key(const std::string& name);
  // `ssh -F /dev/null ... -i KEY -p PORT user@127.0.0.1 CMD` with `options` before the
  // destination (e.g. "-tt"). An empty key_name means no -i (and no key at all).
  std::vector<std::string> ssh(const std::string& command,
                               const std::string& key_name = "user_ed25519",
                               const std::vector<std::string>& options = {},
                               const std::string& user = kUser);
  ProcessResult ssh_run(const std::string& command, const std::string& key_name = "user_ed25519",
                        const std::vector<std::string>& options = {});

  std::filesystem::path dir_;  // this test's scratch directory
  std::filesystem::path known_hosts_;
  std::unique_ptr<mocks::ssh::FakeSshHost> host_;
};

}  // namespace opsreg::testing
