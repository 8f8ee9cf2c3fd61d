// What one simulated machine's SSH server is: its name, addresses, users and keys, its
// directory tree, the environment its commands see, and fault hooks for failure scenarios.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace opsreg::mocks::ssh {

// A login on the host. Either way of authenticating may be empty (then it never succeeds).
struct HostUser {
  std::string name;  // e.g. "ubuntu"; its home is <root>/home/<name>
  // OpenSSH public key lines ("ssh-ed25519 AAAA... comment"), as in authorized_keys.
  std::vector<std::string> authorized_keys;
  std::optional<std::string> password;  // never logged
};

// Faults injected by failure scenarios. Changeable while the host runs (set_faults(), or
// HostSettings::fault_source read at each use).
struct HostFaults {
  // Every new TCP connection is reset at once, before the SSH banner (the client sees
  // "Connection reset by peer" / "Connection closed by remote host").
  bool refuse_connection = false;
  // Every authentication attempt fails as a wrong key/password would.
  bool refuse_all_auth = false;
  // Drop the TCP connection (no exit-status, no close) once a running command has
  // streamed this many bytes of output; 0 drops it as soon as the command starts.
  std::optional<std::size_t> disconnect_after_output_bytes;
  // A slow host: each command starts (and so answers) this much later on the world's clock —
  // HostSettings::advance_clock moves the clock by it before the command runs. No real wait;
  // ignored when the host has no advance_clock.
  std::chrono::microseconds command_delay{0};
};

// sshd's defaults: LoginGraceTime 120 s; MaxStartups refuses every unauthenticated one past 100.
inline constexpr std::chrono::milliseconds kDefaultLoginGraceTime = std::chrono::seconds(120);
inline constexpr std::size_t kDefaultMaxStartups = 100;

struct HostSettings {
  std::string hostname = "onprem-host";  // printed by `hostname` on the host
  std::string private_ip;                // e.g. "10.0.0.5"; empty: none
  std::string public_ip;                 // e.g. "203.0.113.5"; empty: none
  std::vector<HostUser> users;
  // The host's directory tree. Empty: a fresh temporary directory, removed on stop.
  // Given: created if missing, populated, and kept after stop.
  std::filesystem::path root;
  // Host private key (OpenSSH or PEM, RSA or Ed25519). Empty: a fresh Ed25519 key.
  std::filesystem::path host_key_file;
  // Extra variables exported to every command (e.g. OPSREG_BIN for boot-registration).
  std::map<std::string, std::string> env;
  // Every session in its own namespaces with the tree as its filesystem (mocks/ssh/sandbox.h);
  // off: a plain /bin/sh on the machine with HOME, TMPDIR and PATH in the tree.
  bool sandbox = false;
  // Sandboxed: machine files sessions may read at their own paths (the agent key pool).
  std::vector<std::filesystem::path> shared_files;
  // Like sshd's LoginGraceTime: a connection not authenticated this long after it was accepted
  // (an idle socket, a stalled key exchange or login) is closed. Zero: no limit.
  std::chrono::milliseconds login_grace_time = kDefaultLoginGraceTime;
  // Like sshd's MaxStartups, one number: at most this many connections at once that are not
  // authenticated yet. Our choice where sshd refuses the newest: the OLDEST of them is closed to
  // make room, so a client that logs in promptly gets in however many idle ones are held.
  std::size_t max_startups = kDefaultMaxStartups;
  HostFaults faults;
  // Where the host reads more faults at each use (a world's fault plan, mocks/faults): they add
  // to `faults` / set_faults() (refusals or-ed, the smaller byte limit, the longer delay).
  std::function<HostFaults()> fault_source;
  // Moves the world's clock (for HostFaults::command_delay); empty: delays are ignored.
  std::function<void(std::chrono::microseconds)> advance_clock;
};

}  // namespace opsreg::mocks::ssh
