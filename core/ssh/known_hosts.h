// OpenSSH known_hosts files: plain and hashed (|1|salt|hash) entries, [host]:port names,
// markers; checking a server key against them and adding new keys, with OpenSSH's wording.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ssh/ssh_config.h"
#include "core/util/result.h"

namespace opsreg::ssh {

// A public host key as it travels in SSH: algorithm name and the raw key blob.
struct HostKey {
  std::string type;  // "ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256", ...
  std::string blob;  // raw bytes (the base64 field of a known_hosts line, decoded)
  bool empty() const { return type.empty(); }
};

// "SHA256:<base64 of sha256(blob), no padding>", as ssh-keygen -l prints it.
std::string fingerprint_sha256(const HostKey& key);
// "ED25519", "RSA", "ECDSA", ... as OpenSSH names key types in messages.
std::string key_type_label(std::string_view type);
// The name a host is filed under: "host" on port 22, "[host]:port" otherwise.
std::string known_hosts_name(std::string_view host, int port);
// A hashed name: "|1|<base64 salt>|<base64 HMAC-SHA1(salt, name)>"; salt is 20 raw bytes.
std::string hash_host_name(std::string_view name, std::string_view salt);

enum class HostKeyStatus {
  kKnown,    // a matching key is listed
  kUnknown,  // no key of this type for the host (other types may be known)
  kChanged,  // a key of the same type is listed and differs
  kRevoked,  // the key is marked @revoked
};

struct HostKeyMatch {
  HostKeyStatus status = HostKeyStatus::kUnknown;
  std::string file;  // where the deciding line is (changed/known/revoked)
  int line = 0;      // 1-based
};

// One parsed line of a known_hosts file.
struct KnownHostsEntry {
  std::string marker;  // "", "@cert-authority", "@revoked"
  std::string hosts;   // the host field as written (patterns or a |1| hash)
  HostKey key;
  std::string file;
  int line = 0;
};

class KnownHosts {
 public:
  // Reads every file; missing files are empty. Malformed lines are skipped, as ssh does.
  static KnownHosts load(const std::vector<std::string>& files);

  // Looks `name` (from known_hosts_name) up for `key`.
  HostKeyMatch check(std::string_view name, const HostKey& key) const;
  // Key types already filed under `name` (to prefer them in key exchange).
  std::vector<std::string> known_types(std::string_view name) const;

  // Appends "<name or hash> <type> <base64>" to `file` (created 0600 with its directory
  // 0700 if missing) and to this in-memory set.
  Status add(const std::string& file, std::string_view name, const HostKey& key, bool hashed);

  const std::vector<KnownHostsEntry>& entries() const { return entries_; }

 private:
  std::vector<KnownHostsEntry> entries_;
};

// How the runner treats server keys (from ssh_config).
struct HostKeyPolicy {
  StrictHostKeyChecking strict = StrictHostKeyChecking::kAcceptNew;
  std::vector<std::string> user_files;    // first: where new keys go
  std::vector<std::string> global_files;  // read only
  bool hash_new_entries = false;
  std::string alias;  // HostKeyAlias; empty: file under the connected host name
};

struct HostKeyVerdict {
  bool accepted = false;
  // With StrictHostKeyChecking=no a changed key is let through (as OpenSSH does) but
  // password and keyboard-interactive authentication must then be refused.
  bool password_auth_allowed = true;
  std::vector<std::string> notices;  // lines ssh would print on stderr
};

// Decides on a server key as OpenSSH's check_host_key does:
//   known -> accept; unknown -> yes/ask: refuse, accept-new/no: add and accept;
//   changed -> the "REMOTE HOST IDENTIFICATION HAS CHANGED" banner and refuse, except with
//   StrictHostKeyChecking=no, which continues with password authentication disabled;
//   revoked -> refuse always.
// Refusals are an aws::Error with code "HostKeyVerificationFailed" whose message is the full
// text ssh prints, ending in "Host key verification failed.".
Result<HostKeyVerdict> verify_host_key(const HostKeyPolicy& policy, std::string_view host, int port,
                                       const HostKey& key);

}  // namespace opsreg::ssh
