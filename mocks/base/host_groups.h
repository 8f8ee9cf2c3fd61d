// A world file's "host_groups": many alike simulated machines from one entry, numbered by a
// name template and given addresses in order from CIDR ranges, expanded into plain hosts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/util/result.h"
#include "mocks/base/hosts.h"

namespace opsreg::mocks {

// The most hosts one group may hold.
inline constexpr std::int64_t kMaxGroupHosts = 100000;

// The addresses of an IPv4 CIDR range ("10.100.0.0/16") that hosts take, in order: all but the
// network and broadcast addresses (a /31 has both of its two, a /32 its one). Errors:
// ValidationError "world file: WHERE: \"FIELD\" …" for a bad range or one with host bits set.
struct Ipv4Range {
  std::uint32_t first = 0;  // host order
  std::uint64_t size = 0;
  std::string text;                       // as written
  std::string at(std::uint64_t i) const;  // the i-th address (i < size), dotted
};
Result<Ipv4Range> parse_ipv4_range(const std::string& cidr, const std::string& where,
                                   const std::string& field);

// The name template of a group: text with "{n}" (the host's number from 1) or "{n:0W}" (zero-
// padded to W digits, W from 1 to 9) anywhere; no other braces.
class HostNameTemplate {
 public:
  static Result<HostNameTemplate> parse(const std::string& text, const std::string& where);
  std::string name(std::int64_t n) const;
  bool numbered() const { return numbered_; }

 private:
  std::vector<std::string> literals_;  // literal, {n}, literal, {n}, ..., literal
  int width_ = 0;                      // zero-padding of every {n}
  bool numbered_ = false;
};

// The EC2 instance id of a group's host: "i-0" and 16 hex digits drawn from the world's seed and
// the host's name, so a world file gives the same ids every time.
std::string group_instance_id(std::uint64_t seed, const std::string& host_name);

// `hosts` (the world's "hosts", parsed) followed by the hosts of every group of `groups` (null:
// none). Each group: {"name": TEMPLATE, "count": N, "private_ip": CIDR, "public_ip": CIDR,
// "infrastructure", "users", "ec2"} — the members of a host, with ranges for the addresses; an
// ec2 group's "ec2" takes neither "instance_id" (drawn by group_instance_id) nor "volumes" or
// "elastic_ips" (their ids are a single instance's). Errors: ValidationError
// "world file: host_groups[N] (TEMPLATE): …" for a bad template, range or count (1 to
// kMaxGroupHosts, fitting the ranges; "{n}" is needed past one host), any mistake of a host, and
// a name or address already used (naming the host that has it).
Result<std::vector<WorldHost>> expand_host_groups(const nlohmann::json& groups,
                                                  std::vector<WorldHost> hosts,
                                                  const std::filesystem::path& fixtures_dir,
                                                  const std::string& region, std::uint64_t seed);

}  // namespace opsreg::mocks
