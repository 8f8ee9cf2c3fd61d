// Initial setup on the agent's side: /proc/mounts in, AgentInitialSetup, the stack's hosts file
// written over /etc/hosts (the old one kept in the agent's log), the outcome logged.
#include "core/agent/initial_setup.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace opsreg::agent {

namespace {

// /proc/mounts writes space, tab, newline and backslash as \040, \011, \012 and \134.
std::string unescape(const std::string& field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    bool octal = field[i] == '\\' && i + 3 < field.size();
    for (size_t k = 1; octal && k <= 3; ++k) octal = field[i + k] >= '0' && field[i + k] <= '7';
    if (octal) {
      out += static_cast<char>(std::stoi(field.substr(i + 1, 3), nullptr, 8));
      i += 3;
    } else {
      out += field[i];
    }
  }
  return out;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

std::vector<clients::Mount> parse_mounts(std::string_view proc_mounts) {
  std::vector<clients::Mount> out;
  for (const std::string& line : lines_of(std::string(proc_mounts))) {
    std::istringstream fields(line);
    std::string device, mount_point;
    if (!(fields >> device >> mount_point)) continue;
    out.push_back({unescape(device), unescape(mount_point)});
  }
  return out;
}

Result<clients::AgentSetupResult> initial_setup(
    clients::OpsWorksClient& opsworks, const AgentHost& host, const std::string& instance_id,
    const std::function<void(const std::string&)>& log) {
  auto say = [&](const std::string& line) {
    if (log) log(line);
  };
  std::vector<clients::Mount> mounts;
  const std::string mounts_file =
      host.mounts_file.empty() ? host.path("/proc/mounts") : host.mounts_file;
  if (auto text = read_file(mounts_file)) mounts = parse_mounts(*text);
  say("Initial setup: reporting " + std::to_string(mounts.size()) + " mount(s) of this host");

  auto result = opsworks.agent_initial_setup(instance_id, mounts);
  if (!result.ok()) {
    if (result.error().code == "UnknownOperationException") {
      say("The service does not offer AgentInitialSetup (opsreg's model of the agent channel); "
          "initial setup skipped");
      clients::AgentSetupResult skipped;
      skipped.status = "skipped";
      return skipped;
    }
    say("AgentInitialSetup failed: " + result.error().code + ": " + result.error().message);
    return result.error();
  }

  std::string hosts_path = host.path("/etc/hosts");
  if (auto old = read_file(hosts_path)) {
    say("The stack's hosts file replaces /etc/hosts; its old content was:");
    for (const std::string& line : lines_of(*old)) say("  old /etc/hosts| " + line);
  } else {
    say("There was no /etc/hosts; writing the stack's hosts file");
  }
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(hosts_path).parent_path(), ec);
  std::ofstream out(hosts_path, std::ios::trunc);
  out << result->hosts_file;
  out.close();
  if (!out) return aws::make_error("HostsFileNotWritten", "cannot write " + hosts_path, 0);
  say("Wrote /etc/hosts (" + std::to_string(lines_of(result->hosts_file).size()) + " lines)");

  for (const auto& v : result->registered_volumes)
    say("Registered EBS volume " + v.ec2_volume_id + " (" + v.device +
        (v.mount_point.empty() ? ", not mounted" : " on " + v.mount_point) +
        ") with the stack as volume " + v.volume_id);
  for (const auto& ip : result->registered_elastic_ips)
    say("Registered Elastic IP " + ip + " with the stack");

  if (result->service_error) {
    say("Initial setup failed: " + result->service_error->message);
    return aws::make_error("SetupFailed",
                           "instance " + instance_id + " is " + result->status + ": " +
                               result->service_error->message +
                               " (DescribeServiceErrors, service error " +
                               result->service_error->service_error_id + ")",
                           0);
  }
  say("Initial setup done: instance " + instance_id + " is " + result->status);
  return *result;
}

}  // namespace opsreg::agent
