// A simulated machine's SSH server: real SSH (libssh server mode) on 127.0.0.1, port 0.
// Commands run in a real /bin/sh inside the host's own directory tree and environment.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "mocks/base/host_settings.h"

namespace opsreg::mocks::ssh {

class HostServer;  // the listener, sessions and children (fake_ssh_host.cc)

// One fake host. Stock OpenSSH `ssh` (and any SSH client) logs in with an authorized key
// (signature verified) or a user's password, and nothing else. Supported requests:
// "exec", "shell", "pty-req" (a real pty from openpty(), like `ssh -tt`), "window-change",
// "env" (LANG, LC_*), "signal". Output streams back as it comes; the command's exit status
// (or exit-signal) is sent before EOF and close, so `ssh` exits with the command's code.
// Several clients at once, one thread per live connection, each waiting on poll (no sleeps). As
// sshd: a connection not logged in within HostSettings::login_grace_time is closed, and at most
// HostSettings::max_startups wait to log in at once (the oldest is closed to make room).
//
// Each command runs as `/bin/sh -c CMD` with cwd = HOME = <root>/home/<user>,
// TMPDIR = <root>/tmp, PATH = <root>/bin first (a `sudo` and a `hostname` of the host)
// then the system's (real curl and tar), OPSREG_HOST_ROOT = <root>, OPSREG_HOST_NAME,
// OPSREG_HOST_PRIVATE_IP, OPSREG_HOST_PUBLIC_IP, plus HostSettings::env. The tree holds
// etc/hosts, etc/hostname, etc/ssh (a generated host key and its .pub), home/<user>
// (.ssh/authorized_keys), root, tmp, var/log, bin. Like sshd: "none" auth is refused with
// "publickey,password", a key probe is answered PK_OK only for an authorized key, and
// six failed attempts disconnect. Only "session" channels are opened (no forwarding).
// `sudo CMD` runs CMD as the host's "root": HOME=<root>/root, USER=root, same uid (no
// privilege change). Confinement is "its own directory tree and environment", NOT a
// security boundary: commands run as the test's own user and can reach the whole machine.
class FakeSshHost {
 public:
  // Loads or generates its host key, creates the host's tree (given a root; a temporary one
  // on first use), binds 127.0.0.1:0 and starts accepting (on the process's shared accept
  // loop, accept_loop.h: an idle host holds its listening socket and no thread). Errors:
  // "InvalidHostKey", "InvalidAuthorizedKey", "HostSetupFailed" (filesystem), "ListenFailed".
  static Result<std::unique_ptr<FakeSshHost>> start(HostSettings settings);

  ~FakeSshHost();  // stop()
  FakeSshHost(const FakeSshHost&) = delete;
  FakeSshHost& operator=(const FakeSshHost&) = delete;

  int port() const;  // the bound loopback port
  // OpenSSH style: "SHA256:" + base64 of SHA-256 of the public key blob, no padding —
  // what `ssh-keygen -lf` prints and ssh shows on first connection.
  const std::string& host_key_fingerprint() const;
  // "ssh-ed25519 AAAA..." (type and base64 blob), for a known_hosts line.
  const std::string& host_public_key() const;
  // The host's tree, made first if it is not yet (a temporary tree is made on first use: a
  // login or this call).
  const std::filesystem::path& root() const;
  // Where the tree is or will be, without making it.
  const std::filesystem::path& root_path() const;
  const HostSettings& settings() const;

  // Replaces the fault hooks; applies to new authentications and new output.
  void set_faults(const HostFaults& faults);

  // Stops accepting, disconnects every client, kills the host's remaining processes and
  // waits for its threads. Idempotent. A temporary root is removed on destruction.
  void stop();
  // stop() for many hosts at once, as a fleet stops: all stop accepting and disconnect their
  // clients before any is waited for, and one /proc scan kills what any of them left behind
  // (a scan per host made a 2000-host world take minutes to stop on a busy machine).
  static void stop_all(const std::vector<FakeSshHost*>& hosts);

 private:
  explicit FakeSshHost(std::unique_ptr<HostServer> server);
  std::unique_ptr<HostServer> server_;
};

}  // namespace opsreg::mocks::ssh
