// The simulated machines of a world file's "hosts" section: names, addresses and SSH logins,
// parsed and checked here. mocks/ssh/host_fleet.h starts an SSH server for each of them.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/util/result.h"

namespace opsreg::mocks {

// A login on a simulated host: its authorized public keys and/or its password.
struct WorldHostUser {
  std::string name;  // e.g. "ubuntu"
  // The world file's "authorized_keys" entries as absolute paths of .pub files (entries are
  // paths relative to fixtures/, or absolute); empty for a key given inline.
  std::vector<std::filesystem::path> authorized_key_files;
  // The OpenSSH public key lines, read from those files or given inline ("ssh-ed25519 AAAA…").
  std::vector<std::string> authorized_keys;
  std::optional<std::string> password;  // a test password from the world file; never logged
};

// One simulated machine. Only "on-premises" machines exist so far (EC2 hosts come later).
struct WorldHost {
  std::string name;        // its hostname, and how `ssh`/`opsreg register` reach it
  std::string private_ip;  // IPv4, required: what the agent reports as PrivateIp
  std::string public_ip;   // IPv4 or empty
  std::string infrastructure = "on-premises";
  std::vector<WorldHostUser> users;  // at least one; the first is the default login
};

// Parses a world file's "hosts" array (null: no hosts), reading key files under
// `fixtures_dir`. Each entry: {"name", "private_ip", "public_ip", "infrastructure",
// "users": [{"name", "authorized_keys": [PATH or key line], "password"}]}.
// Errors: ValidationError "world file: hosts[N] (NAME): …" for unknown keys, bad or duplicate
// names and addresses, unreadable key files, users with neither keys nor a password.
Result<std::vector<WorldHost>> parse_hosts(const nlohmann::json& hosts,
                                           const std::filesystem::path& fixtures_dir);

}  // namespace opsreg::mocks
