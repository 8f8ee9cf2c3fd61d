// Expanding a world file's "host_groups": one host is parsed as the group's pattern (so the
// users' key files are read once, however many hosts), then copied with each host's own name,
// addresses and instance id; every name and address is checked against every other host's.
#include "mocks/base/host_groups.h"

#include <arpa/inet.h>

#include <cstdio>
#include <optional>

namespace opsreg::mocks {

namespace {

using nlohmann::json;

aws::Error invalid(const std::string& where, const std::string& what) {
  return aws::make_error("ValidationError", "world file: " + where + ": " + what);
}

std::string string_member(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string Ipv4Range::at(std::uint64_t i) const {
  in_addr addr{htonl(static_cast<std::uint32_t>(first + i))};
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, &addr, text, sizeof text);
  return text;
}

Result<Ipv4Range> parse_ipv4_range(const std::string& cidr, const std::string& where,
                                   const std::string& field) {
  const std::string bad =
      "\"" + field + "\" must be an IPv4 range like 10.100.0.0/16, not \"" + cidr + "\"";
  const std::size_t slash = cidr.find('/');
  if (slash == std::string::npos) return invalid(where, bad);
  const std::string address = cidr.substr(0, slash), bits = cidr.substr(slash + 1);
  in_addr addr{};
  if (inet_pton(AF_INET, address.c_str(), &addr) != 1 || bits.empty() || bits.size() > 2 ||
      bits.find_first_not_of("0123456789") != std::string::npos || std::stoi(bits) > 32)
    return invalid(where, bad);
  const int prefix = std::stoi(bits);
  const std::uint32_t mask = prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix);
  const std::uint32_t base = ntohl(addr.s_addr);
  Ipv4Range range;
  range.text = cidr;
  if ((base & ~mask) != 0) {
    range.first = base & mask;
    return invalid(where, "\"" + field + "\" " + cidr + " has host bits set (did you mean " +
                              range.at(0) + "/" + bits + "?)");
  }
  const std::uint64_t total = std::uint64_t{1} << (32 - prefix);
  range.first = prefix <= 30 ? base + 1 : base;  // network and broadcast addresses skipped
  range.size = prefix <= 30 ? total - 2 : total;
  return range;
}

Result<HostNameTemplate> HostNameTemplate::parse(const std::string& text,
                                                 const std::string& where) {
  const std::string bad = "\"name\" may hold {n} or {n:0W} (W from 1 to 9) and no other braces";
  HostNameTemplate t;
  t.literals_.emplace_back();
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '}') return invalid(where, bad);
    if (text[i] != '{') {
      t.literals_.back() += text[i++];
      continue;
    }
    int width = 0;
    if (text.compare(i, 3, "{n}") == 0) {
      i += 3;
    } else if (text.compare(i, 4, "{n:0") == 0 && i + 5 < text.size() && text[i + 4] >= '1' &&
               text[i + 4] <= '9' && text[i + 5] == '}') {
      width = text[i + 4] - '0';
      i += 6;
    } else {
      return invalid(where, bad);
    }
    if (t.numbered_ && width != t.width_) return invalid(where, bad + ", one width for all");
    t.numbered_ = true;
    t.width_ = width;
    t.literals_.emplace_back();
  }
  return t;
}

std::string HostNameTemplate::name(std::int64_t n) const {
  char digits[32];
  std::snprintf(digits, sizeof digits, "%0*lld", width_, static_cast<long long>(n));
  std::string out = literals_.front();
  for (std::size_t i = 1; i < literals_.size(); ++i) out += digits + literals_[i];
  return out;
}

std::string group_instance_id(std::uint64_t seed, const std::string& host_name) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
  for (char c : std::to_string(seed) + "/" + host_name) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char id[24];
  std::snprintf(id, sizeof id, "i-0%016llx", static_cast<unsigned long long>(hash));
  return id;
}

namespace {

// A group's count, name template and address ranges, checked against each other.
struct GroupShape {
  std::int64_t count = 0;
  HostNameTemplate name;
  Ipv4Range private_ips;
  std::optional<Ipv4Range> public_ips;
};

Result<GroupShape> group_shape(const json& group, const std::string& where) {
  GroupShape shape;
  const auto count = group.find("count");
  if (count == group.end() || !count->is_number_integer() || count->get<std::int64_t>() < 1 ||
      count->get<std::int64_t>() > kMaxGroupHosts)
    return invalid(where,
                   "\"count\" must be a whole number from 1 to " + std::to_string(kMaxGroupHosts));
  shape.count = count->get<std::int64_t>();
  auto name = HostNameTemplate::parse(string_member(group, "name"), where);
  if (!name.ok()) return name.error();
  shape.name = std::move(*name);
  if (shape.count > 1 && !shape.name.numbered())
    return invalid(where, "\"name\" must hold {n} to number the group's " +
                              std::to_string(shape.count) + " hosts");
  auto fits = [&](const char* field) -> Result<Ipv4Range> {
    auto range = parse_ipv4_range(string_member(group, field), where, field);
    if (!range.ok()) return range.error();
    if (range->size < static_cast<std::uint64_t>(shape.count))
      return invalid(where, "\"count\" " + std::to_string(shape.count) + " does not fit in \"" +
                                field + "\" " + range->text + " (" + std::to_string(range->size) +
                                " addresses)");
    return range;
  };
  auto private_ips = fits("private_ip");
  if (!private_ips.ok()) return private_ips.error();
  shape.private_ips = *private_ips;
  if (group.contains("public_ip") && !group["public_ip"].is_null()) {
    auto public_ips = fits("public_ip");
    if (!public_ips.ok()) return public_ips.error();
    shape.public_ips = *public_ips;
  }
  return shape;
}

// The group's first host as a "hosts" entry: the group's members with its own name, addresses
// and instance id, and without the count.
Result<json> first_host_entry(const json& group, const GroupShape& shape, const std::string& where,
                              std::uint64_t seed) {
  json first = group;
  first.erase("count");
  first["name"] = shape.name.name(1);
  first["private_ip"] = shape.private_ips.at(0);
  if (shape.public_ips) first["public_ip"] = shape.public_ips->at(0);
  if (first.contains("ec2") && first["ec2"].is_object()) {
    json& ec2 = first["ec2"];
    for (const char* own : {"instance_id", "volumes", "elastic_ips"})
      if (ec2.contains(own))
        return invalid(where, std::string("a group's \"ec2\" cannot give \"") + own +
                                  "\": each host's must be its own (instance ids are drawn from "
                                  "the seed and the host's name)");
    ec2["instance_id"] = group_instance_id(seed, shape.name.name(1));
  }
  return first;
}

}  // namespace

Result<std::vector<WorldHost>> expand_host_groups(const json& groups, std::vector<WorldHost> hosts,
                                                  const std::filesystem::path& fixtures_dir,
                                                  const std::string& region, std::uint64_t seed) {
  if (groups.is_null()) return hosts;
  if (!groups.is_array()) return invalid("host_groups", "must be an array");
  HostIdentifiers ids;
  for (std::size_t i = 0; i < hosts.size(); ++i)
    if (Status s = ids.claim(hosts[i], "hosts[" + std::to_string(i) + "] (" + hosts[i].name + ")");
        !s.ok())
      return s.error();
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const json& group = groups[g];
    const std::string at = "host_groups[" + std::to_string(g) + "]";
    if (!group.is_object()) return invalid(at, "must be an object");
    const std::string where = at + " (" + string_member(group, "name") + ")";
    auto shape = group_shape(group, where);
    if (!shape.ok()) return shape.error();
    auto entry = first_host_entry(group, *shape, where, seed);
    if (!entry.ok()) return entry.error();
    auto pattern = parse_host(*entry, fixtures_dir, where, region);
    if (!pattern.ok()) return pattern.error();
    hosts.reserve(hosts.size() + static_cast<std::size_t>(shape->count));
    for (std::int64_t n = 1; n <= shape->count; ++n) {
      WorldHost host = *pattern;
      host.name = shape->name.name(n);
      if (!is_hostname(host.name))
        return invalid(where, "\"name\" must make hostnames, not " + host.name);
      host.private_ip = shape->private_ips.at(static_cast<std::uint64_t>(n - 1));
      if (shape->public_ips)
        host.public_ip = shape->public_ips->at(static_cast<std::uint64_t>(n - 1));
      if (host.ec2) host.ec2->instance_id = group_instance_id(seed, host.name);
      if (Status s = ids.claim(host, at + " (" + host.name + ")"); !s.ok()) return s.error();
      hosts.push_back(std::move(host));
    }
  }
  return hosts;
}

}  // namespace opsreg::mocks
