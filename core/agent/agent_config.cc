// Writing and reading the agent's instance-agent.yml (0600, atomically replaced).
#include "core/agent/agent_config.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/util/atomic_file.h"

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
  std::string text = registration::render_preconfig(values) + "\n";
  if (Status s = write_file_atomically(path, text, 0600); !s.ok())
    return aws::make_error("AgentConfigWriteFailed", s.error().message,
                           0);  // "cannot write P: why"
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
