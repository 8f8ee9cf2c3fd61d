// SSH client (libssh 0.10): connect, verify the host key per policy, authenticate with key
// files or a password, run one command (optionally on a pty, like `ssh -tt`), stream output.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ssh/known_hosts.h"
#include "core/ssh/ssh_config.h"
#include "core/util/result.h"

namespace opsreg::ssh {

// Asked for a secret with a prompt such as "root@10.0.0.5's password: "; nullopt when no
// secret can be had (no terminal, user gave up). See password_prompt.h for the usual source.
using SecretSource = std::function<std::optional<std::string>(const std::string& prompt)>;

struct SshConnectOptions {
  std::string host;  // address or name to connect to (ResolvedHost::hostname)
  int port = 22;
  std::string user;
  // Bounds the TCP connect and each blocking protocol step (not the remote command).
  std::chrono::milliseconds timeout{10000};
  // Private key files tried in order (OpenSSH or PEM; RSA, Ed25519, ECDSA). Files that do not
  // exist are skipped; `identities_required` makes a missing file an error (ssh -i warns).
  std::vector<std::string> identity_files;
  bool identities_required = false;
  // Password / keyboard-interactive answers; empty function: those methods are not tried.
  SecretSource password;
  HostKeyPolicy host_key;  // known_hosts files, strictness, hashing
  // Diagnostics ssh would print on stderr ("Warning: Permanently added ...", the changed-key
  // banner with StrictHostKeyChecking=no). Never receives secrets.
  std::function<void(const std::string& line)> on_notice;

  // Fills host, port, user, identity files and host key policy from a resolved config.
  static SshConnectOptions from_resolved(const ResolvedHost& r);
};

struct RunOptions {
  bool pty = false;            // request a pseudo-terminal first (ssh -tt)
  std::string term = "xterm";  // TERM sent with the pty request
  int cols = 80, rows = 24;
  // Receives output as it arrives; is_stderr is false for stdout (with a pty everything is
  // stdout). May be empty.
  std::function<void(std::string_view data, bool is_stderr)> on_output;
  std::optional<std::string> stdin_data;  // sent then EOF; without it EOF is sent at once
  // Whole-command limit; nullopt waits as long as the command runs.
  std::optional<std::chrono::milliseconds> deadline;
};

struct RunResult {
  // The remote exit status; -1 when the command ended by a signal or without a status.
  int exit_status = -1;
  std::string exit_signal;  // "TERM", "KILL", ... when killed by a signal; else empty
  bool core_dumped = false;
  // What `ssh` itself would exit with: the status, or 255 when there is none.
  int ssh_exit_code() const { return exit_status >= 0 ? exit_status : 255; }
};

// One SSH connection. Not copyable; not thread-safe. Typical use:
//   SshRunner r(opts); if (Status s = r.connect(); !s.ok()) ...; auto res = r.run("cmd", ro);
// Error codes (aws::Error::code): "ConnectionFailed" (refused, unreachable, timeout, name
// not resolved), "HostKeyVerificationFailed" (unknown key under StrictHostKeyChecking=yes or
// ask without a prompt, changed or revoked key), "PermissionDenied" (authentication),
// "SshProtocolError", "CommandTimeout". Messages use OpenSSH's wording.
class SshRunner {
 public:
  explicit SshRunner(SshConnectOptions options);
  ~SshRunner();
  SshRunner(const SshRunner&) = delete;
  SshRunner& operator=(const SshRunner&) = delete;

  // Connects, checks the host key, authenticates. Call once.
  Status connect();

  // Runs `command` on a new session channel (call after connect(); may be called again).
  Result<RunResult> run(const std::string& command, const RunOptions& options = {});

  // The server's host key as seen during connect() (valid after it got that far).
  const HostKey& server_key() const { return server_key_; }
  // Which authentication succeeded: "publickey", "password", "keyboard-interactive".
  const std::string& auth_method() const { return auth_method_; }

  void disconnect();

 private:
  struct Impl;
  SshConnectOptions options_;
  std::unique_ptr<Impl> impl_;
  HostKey server_key_;
  std::string auth_method_;
};

}  // namespace opsreg::ssh
