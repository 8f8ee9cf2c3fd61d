// Writing the world's agent key pool file from the fixture pool (and fresh keys if need be).
#include "mocks/world/agent_key_pool.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "core/agent/rsa_key.h"

namespace opsreg::mocks {

std::string AgentKeyPool::fixture_path() {
  return std::string(OPSREG_FIXTURES_DIR) + "/agent-key-pool.pem";
}

Result<std::unique_ptr<AgentKeyPool>> AgentKeyPool::make(int count,
                                                         const std::string& fixture_pool) {
  std::vector<std::string> keys;
  if (auto fixture = agent::read_key_pool(fixture_pool); fixture.ok()) keys = std::move(*fixture);
  if (keys.size() > static_cast<size_t>(count)) keys.resize(count);
  while (keys.size() < static_cast<size_t>(count)) {
    auto pair = agent::generate_rsa_key(2048);
    if (!pair.ok()) return pair.error();
    keys.push_back(pair->private_pem);
  }
  std::string templ =
      (std::filesystem::temp_directory_path() / "opsreg-agent-key-pool-XXXXXX.pem").string();
  int fd = ::mkstemps(templ.data(), 4);  // mode 0600
  if (fd < 0) return aws::make_error("InvalidKeyPool", "cannot create " + templ, 0);
  std::unique_ptr<AgentKeyPool> pool(new AgentKeyPool(templ));
  std::string text;
  for (const auto& k : keys) text += k;
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) return aws::make_error("InvalidKeyPool", "cannot write " + templ, 0);
  return pool;
}

AgentKeyPool::~AgentKeyPool() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

}  // namespace opsreg::mocks
