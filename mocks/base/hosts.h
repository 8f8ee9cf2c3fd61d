// The simulated machines of a world file's "hosts" section: names, addresses and SSH logins,
// parsed and checked here. mocks/ssh/host_fleet.h starts an SSH server for each of them.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
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

// An EBS volume attached to an EC2 host (world file "ec2": {"volumes": [...]}).
struct WorldVolume {
  std::string volume_id;  // "vol-" + 8 or 17 hex digits
  std::string device;     // the attachment's device name, e.g. "/dev/xvdf"
  int size = 8;           // GiB
  std::string volume_type = "gp2";
  std::string mount_point;  // where the host has it mounted ("" : attached, not mounted)
};

// An Elastic IP associated with an EC2 host.
struct WorldElasticIp {
  std::string public_ip;      // IPv4
  std::string allocation_id;  // "eipalloc-…" (VPC) or "" (EC2-Classic style)
};

// What EC2 knows of a simulated instance (world file host "ec2" object).
struct WorldEc2Instance {
  std::string instance_id;        // "i-" + 8 or 17 hex digits
  std::string region;             // default: the world's region
  std::string availability_zone;  // default: region + "a"
  std::string vpc_id;             // "" : no VPC (EC2-Classic style)
  std::string subnet_id;
  std::string instance_type = "t3.micro";
  std::string image_id = "ami-0abcdef1234567890";
  std::string state = "running";  // pending|running|shutting-down|terminated|stopping|stopped
  std::map<std::string, std::string> tags;  // e.g. {"Name": "web-1"}
  std::string instance_profile_role;        // IAM role of the instance profile; "" : none
  std::vector<WorldVolume> volumes;
  std::vector<WorldElasticIp> elastic_ips;
};

// One simulated machine: an on-premises server, or an EC2 instance (`ec2` set).
struct WorldHost {
  std::string name;        // its hostname, and how `ssh`/`opsreg register` reach it
  std::string private_ip;  // IPv4, required: what the agent reports as PrivateIp
  std::string public_ip;   // IPv4 or empty
  std::string infrastructure = "on-premises";  // or "ec2"
  std::vector<WorldHostUser> users;            // at least one; the first is the default login
  std::optional<WorldEc2Instance> ec2;         // set exactly when infrastructure is "ec2"
};

// Parses a world file's "hosts" array (null: no hosts), reading key files under
// `fixtures_dir`. Each entry: {"name", "private_ip", "public_ip", "infrastructure",
// "users": [{"name", "authorized_keys": [PATH or key line], "password"}], "ec2": {...}}
// where "ec2" (required for "infrastructure": "ec2", refused otherwise) holds
// {"instance_id", "region", "availability_zone", "vpc_id", "subnet_id", "instance_type",
//  "image_id", "state", "tags": {K: V}, "instance_profile": {"role": NAME},
//  "volumes": [{"volume_id", "device", "size", "volume_type", "mount_point"}],
//  "elastic_ips": [{"public_ip", "allocation_id"}]}; `world_region` fills "region".
// Errors: ValidationError "world file: hosts[N] (NAME): …" for unknown keys, bad or duplicate
// names and addresses, unreadable key files, users with neither keys nor a password.
Result<std::vector<WorldHost>> parse_hosts(const nlohmann::json& hosts,
                                           const std::filesystem::path& fixtures_dir,
                                           const std::string& world_region = "us-east-1");

// One "hosts" entry (`where` names it in errors: "hosts[2] (web-1)"), as parse_hosts reads it.
Result<WorldHost> parse_host(const nlohmann::json& host, const std::filesystem::path& fixtures_dir,
                             const std::string& where, const std::string& region);

// A hostname as RFC 1123 allows: letters, digits, '-' and '.', not starting with '-' or '.'.
bool is_hostname(const std::string& s);

// The names, addresses and EC2 ids of a world's hosts (they share one namespace in the ssh
// config and in EC2), each held by one host.
class HostIdentifiers {
 public:
  // Claims every identifier of `host` for `owner` ("hosts[2] (web-1)"). Errors: ValidationError
  // "world file: OWNER: X is already used by HOLDER" for one another host holds (or `host` twice).
  Status claim(const WorldHost& host, const std::string& owner);

 private:
  std::unordered_map<std::string, std::string> holders_;  // identifier -> owner
};

// The hosts' names, in order.
std::vector<std::string> host_names(const std::vector<WorldHost>& hosts);

}  // namespace opsreg::mocks
