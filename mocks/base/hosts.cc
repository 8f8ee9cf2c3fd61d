// Parsing and checking a world file's "hosts": every mistake is a ValidationError that names
// the entry and the field, so a bad world file fails at load rather than at first login.
#include "mocks/base/hosts.h"

#include <arpa/inet.h>

#include <fstream>
#include <set>

#include "core/util/path_inside.h"
#include "mocks/base/ec2_host.h"

namespace opsreg::mocks {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

aws::Error invalid(const std::string& where, const std::string& what) {
  return aws::make_error("ValidationError", "world file: " + where + ": " + what);
}

bool is_ipv4(const std::string& s) {
  in_addr addr{};
  return inet_pton(AF_INET, s.c_str(), &addr) == 1;
}

bool is_key_line(const std::string& s) { return s.starts_with("ssh-") || s.starts_with("ecdsa-"); }

Status check_keys(const json& object, const std::set<std::string>& allowed,
                  const std::string& where) {
  if (!object.is_object()) return invalid(where, "must be an object");
  for (const auto& [key, value] : object.items())
    if (!allowed.contains(key)) return invalid(where, "unknown key \"" + key + "\"");
  return {};
}

std::string string_field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? "" : it->get<std::string>();
}

Result<WorldHostUser> parse_user(const json& u, const fs::path& fixtures_dir,
                                 const std::string& where) {
  if (Status s = check_keys(u, {"name", "authorized_keys", "password"}, where); !s.ok())
    return s.error();
  WorldHostUser user;
  user.name = string_field(u, "name");
  if (user.name.empty()) return invalid(where, "a user needs a \"name\"");
  for (const auto& entry : u.value("authorized_keys", json::array())) {
    std::string text = entry.get<std::string>();
    if (is_key_line(text)) {
      user.authorized_keys.push_back(text);
      continue;
    }
    // A fixture key file: inside the fixtures folder, never elsewhere on the machine.
    auto inside = path_inside(fixtures_dir, text, AbsoluteNames::kRefused);
    if (!inside.ok()) return invalid(where, "authorized key file " + inside.error().message);
    fs::path file = *inside;
    std::ifstream in(file);
    std::string line;
    if (!in || !std::getline(in, line) || !is_key_line(line))
      return invalid(where, "authorized key file " + file.string() +
                                " cannot be read as an OpenSSH public key");
    user.authorized_key_files.push_back(file);
    user.authorized_keys.push_back(line);
  }
  if (u.contains("password")) user.password = u["password"].get<std::string>();
  if (user.authorized_keys.empty() && !user.password)
    return invalid(where, "user " + user.name + " has neither authorized_keys nor a password");
  return user;
}

}  // namespace

bool is_hostname(const std::string& s) {
  if (s.empty() || s.size() > 253 || s.front() == '-' || s.front() == '.') return false;
  for (char c : s)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '.') return false;
  return true;
}

Result<WorldHost> parse_host(const json& h, const fs::path& fixtures_dir, const std::string& where,
                             const std::string& region) {
  if (Status s = check_keys(
          h, {"name", "private_ip", "public_ip", "infrastructure", "users", "ec2"}, where);
      !s.ok())
    return s.error();
  WorldHost host;
  host.name = string_field(h, "name");
  if (!is_hostname(host.name)) return invalid(where, "\"name\" must be a hostname");
  host.private_ip = string_field(h, "private_ip");
  if (!is_ipv4(host.private_ip)) return invalid(where, "\"private_ip\" must be an IPv4 address");
  host.public_ip = string_field(h, "public_ip");
  if (!host.public_ip.empty() && !is_ipv4(host.public_ip))
    return invalid(where, "\"public_ip\" must be an IPv4 address");
  host.infrastructure = h.value("infrastructure", "on-premises");
  if (host.infrastructure != "on-premises" && host.infrastructure != "ec2")
    return invalid(where, "\"infrastructure\" must be \"on-premises\" or \"ec2\"");
  if (host.infrastructure == "ec2") {
    if (!h.contains("ec2")) return invalid(where, "an ec2 host needs an \"ec2\" object");
    auto ec2 = parse_ec2_instance(h["ec2"], where, region);
    if (!ec2.ok()) return ec2.error();
    host.ec2 = std::move(*ec2);
  } else if (h.contains("ec2")) {
    return invalid(where, "\"ec2\" is only for \"infrastructure\": \"ec2\"");
  }
  const json users = h.value("users", json::array());
  if (!users.is_array() || users.empty()) return invalid(where, "\"users\" must list a login");
  for (size_t i = 0; i < users.size(); ++i) {
    auto user = parse_user(users[i], fixtures_dir, where + " users[" + std::to_string(i) + "]");
    if (!user.ok()) return user.error();
    host.users.push_back(std::move(*user));
  }
  return host;
}

Status HostIdentifiers::claim(const WorldHost& host, const std::string& owner) {
  std::vector<const std::string*> ids = {&host.name, &host.private_ip, &host.public_ip};
  if (host.ec2) {
    ids.push_back(&host.ec2->instance_id);
    for (const WorldVolume& v : host.ec2->volumes) ids.push_back(&v.volume_id);
    for (const WorldElasticIp& e : host.ec2->elastic_ips) ids.push_back(&e.public_ip);
  }
  for (const std::string* id : ids) {
    if (id->empty()) continue;
    auto [it, added] = holders_.emplace(*id, owner);
    if (!added)
      return invalid(
          owner, *id + " is already used by " + (it->second == owner ? "this host" : it->second));
  }
  return {};
}

Result<std::vector<WorldHost>> parse_hosts(const json& hosts, const fs::path& fixtures_dir,
                                           const std::string& world_region) {
  std::vector<WorldHost> out;
  if (hosts.is_null()) return out;
  if (!hosts.is_array()) return invalid("hosts", "must be an array");
  HostIdentifiers ids;
  for (size_t i = 0; i < hosts.size(); ++i) {
    std::string where = "hosts[" + std::to_string(i) + "]";
    if (hosts[i].is_object() && hosts[i].contains("name") && hosts[i]["name"].is_string())
      where += " (" + hosts[i]["name"].get<std::string>() + ")";
    auto host = parse_host(hosts[i], fixtures_dir, where, world_region);
    if (!host.ok()) return host.error();
    if (Status s = ids.claim(*host, where); !s.ok()) return s.error();
    out.push_back(std::move(*host));
  }
  return out;
}

std::vector<std::string> host_names(const std::vector<WorldHost>& hosts) {
  std::vector<std::string> names;
  for (const WorldHost& h : hosts) names.push_back(h.name);
  return names;
}

}  // namespace opsreg::mocks
