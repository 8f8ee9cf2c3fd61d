// OpenSSH client configuration (ssh_config(5)): Host blocks, Include, the first-obtained-value
// rule, and resolve(target) -> where and how to connect, as `ssh [-F FILE] TARGET` would.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/util/result.h"

namespace opsreg::ssh {

// StrictHostKeyChecking values; "off" is a synonym of no, "accept-new" of new-only adding.
enum class StrictHostKeyChecking { kYes, kNo, kAcceptNew, kAsk };

// Parses "yes"/"no"/"off"/"accept-new"/"ask" (case-insensitive); nullopt otherwise.
std::optional<StrictHostKeyChecking> parse_strict_host_key_checking(std::string_view word);
const char* to_string(StrictHostKeyChecking s);

// Everything the runner needs to reach one target, after config resolution.
struct ResolvedHost {
  std::string target;    // the name given on the command line (what Host patterns match)
  std::string hostname;  // HostName (with %h expanded), else target
  int port = 22;
  std::string user;  // User, else the caller's default (the local user name)
  // IdentityFile entries in order, ~ and %-tokens expanded. When the config names none,
  // OpenSSH's defaults (~/.ssh/id_rsa, id_ecdsa, id_ed25519, ...) and identity_defaulted=true;
  // the runner skips files that do not exist, as ssh does for defaults.
  std::vector<std::string> identity_files;
  bool identity_defaulted = true;
  // UserKnownHostsFile entries (default ~/.ssh/known_hosts ~/.ssh/known_hosts2); the first
  // one is where new keys are written. GlobalKnownHostsFile entries are read only.
  std::vector<std::string> known_hosts_files;
  std::vector<std::string> global_known_hosts_files;
  // Default here is accept-new (opsreg's documented default; plain OpenSSH's is ask).
  StrictHostKeyChecking strict = StrictHostKeyChecking::kAcceptNew;
  bool hash_known_hosts = false;               // HashKnownHosts: write new entries hashed
  std::string host_key_alias;                  // HostKeyAlias: name used in known_hosts instead
  std::optional<int> connect_timeout;          // ConnectTimeout, seconds
  bool password_authentication = true;         // PasswordAuthentication
  bool kbd_interactive_authentication = true;  // KbdInteractiveAuthentication
  bool pubkey_authentication = true;           // PubkeyAuthentication
  bool batch_mode = false;                     // BatchMode: never prompt
};

// Values given on the command line, which win over the config (ssh -l, -p, -i, -o ...).
struct ResolveOverrides {
  std::optional<std::string> user;              // -l USER or USER@target
  std::optional<int> port;                      // -p PORT
  std::vector<std::string> identity_files;      // -i FILE: tried before the config's files
  std::optional<StrictHostKeyChecking> strict;  // -o StrictHostKeyChecking=...
};

// Environment of the local side, for ~, %d, %u and the default user. Defaults come from
// HOME and the password database.
struct LocalContext {
  std::string home;        // ~ and %d
  std::string local_user;  // %u and the default remote user
  static LocalContext from_environment();
};

class SshConfig {
 public:
  // Loads the file named by `ssh -F FILE`: it must exist; the system config is not read.
  static Result<SshConfig> load_file(const std::string& path, const LocalContext& local);
  // Loads ~/.ssh/config (if present) then /etc/ssh/ssh_config (if present), as ssh does
  // without -F. `system_path` may be empty to skip the system file (tests).
  static Result<SshConfig> load_default(const LocalContext& local,
                                        const std::string& system_path = "/etc/ssh/ssh_config");
  // Parses config text. Relative Include paths resolve against `include_dir` (~/.ssh for user
  // files, /etc/ssh for the system file). `origin` names the text in messages.
  static Result<SshConfig> parse(std::string_view text, const std::string& origin,
                                 const std::string& include_dir, const LocalContext& local);

  // Resolves `target` ("host", "user@host") through the config. Never fails: unknown hosts
  // resolve to themselves with defaults.
  ResolvedHost resolve(std::string_view target, const ResolveOverrides& overrides = {}) const;

  // The names the Host lines give literally (no wildcard, no negation), in order, each once:
  // the hosts a config was written for (`opsreg serve`'s lists every world host).
  std::vector<std::string> host_names() const;

  // Things the parser skipped or did not understand (Match blocks, unknown keywords are
  // ignored silently as ssh only does for IgnoreUnknown; here they are listed).
  const std::vector<std::string>& notes() const { return notes_; }

  struct Entry {
    std::string keyword;            // lower-cased
    std::vector<std::string> args;  // unquoted
    int block = -1;                 // index into blocks_; -1: before any Host line
  };
  struct Block {
    std::vector<std::string> patterns;  // Host patterns; empty + match_all for `Match all`
    bool match_all = false;
    bool never = false;  // a Match block we do not evaluate
  };

 private:
  Status parse_into(std::string_view text, const std::string& origin,
                    const std::string& include_dir, int depth, int start_block);

  LocalContext local_;
  std::vector<Entry> entries_;
  std::vector<Block> blocks_;
  std::vector<std::string> notes_;
};

}  // namespace opsreg::ssh
