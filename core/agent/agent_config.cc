// Writing and reading the agent's instance-agent.yml (0600, atomically replaced).
#include "core/agent/agent_config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace opsreg::agent {

namespace {

namespace fs = std::filesystem;

aws::Error write_failed(const std::string& path, const std::string& why) {
  return aws::make_error("AgentConfigWriteFailed", "cannot write " + path + ": " + why, 0);
}

// The preconfig's keys the agent keeps: where OpsWorks is, and the key to sign with.
constexpr const char* kKeptKeys[] = {
    "ops_works_endpoint",
    "ops_works_port",
    "ops_works_use_ssl",
    "ops_works_region",
    "instance_service_endpoint",
    "instance_service_port",
    "instance_service_use_ssl",
    "instance_service_region",
    "access_key_id",
    "secret_access_key",
};

}  // namespace

registration::PreconfigValues agent_config_values(const registration::PreconfigValues& preconfig,
                                                  const std::string& instance_id,
                                                  const std::string& hostname) {
  registration::PreconfigValues out;
  if (auto it = preconfig.find("stack_id"); it != preconfig.end()) out["stack_id"] = it->second;
  out["instance_id"] = instance_id;
  out["hostname"] = hostname;
  for (const char* key : kKeptKeys)
    if (auto it = preconfig.find(key); it != preconfig.end()) out[key] = it->second;
  return out;
}

Status write_agent_config(const AgentHost& host, const registration::PreconfigValues& values) {
  const std::string path = host.path(kAgentConfigPath);
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return write_failed(path, ec.message());
  const std::string tmp = path + ".new";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return write_failed(path, std::strerror(errno));
  std::string text = registration::render_preconfig(values) + "\n";
  bool ok = ::fchmod(fd, 0600) == 0;
  for (size_t done = 0; ok && done < text.size();) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  std::string why = ok ? "" : std::strerror(errno);
  if (::close(fd) != 0 && ok) {
    ok = false;
    why = std::strerror(errno);
  }
  if (ok && ::rename(tmp.c_str(), path.c_str()) != 0) {
    ok = false;
    why = std::strerror(errno);
  }
  if (!ok) {
    ::unlink(tmp.c_str());
    return write_failed(path, why);
  }
  return {};
}

Result<registration::PreconfigValues> read_agent_config(const AgentHost& host) {
  const std::string path = host.path(kAgentConfigPath);
  std::ifstream in(path);
  if (!in)
    return aws::make_error(
        "NoAgentConfig", "no agent configuration at " + path + " (the host is not registered)", 0);
  std::stringstream text;
  text << in.rdbuf();
  return registration::parse_preconfig(text.str());
}

}  // namespace opsreg::agent
