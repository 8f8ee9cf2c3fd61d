// Writing (once) and finding the cached agent key pool file of a world.
#include "mocks/world/agent_key_pool.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/agent/rsa_key.h"
#include "core/aws/crypto.h"
#include "core/util/data_dir.h"

namespace opsreg::mocks {

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A cached pool is used only when it is this user's own file holding exactly `count` keys.
bool usable(const std::string& path, int count) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != ::getuid())
    return false;
  auto keys = agent::read_key_pool(path);
  return keys.ok() && keys->size() == static_cast<size_t>(count);
}

aws::Error cannot_write(const std::string& path) {
  return aws::make_error("InvalidKeyPool", "cannot write the key pool " + path, 0);
}

}  // namespace

std::string agent_key_pool_fixture() { return fixtures_dir().string() + "/agent-key-pool.pem"; }

Result<std::string> agent_key_pool_file(int count, const std::string& fixture_pool) {
  std::string fixture = read_text(fixture_pool);
  std::string name = "opsreg-agent-key-pool-" + std::to_string(count) + "-" +
                     aws::sha256_hex(fixture).substr(0, 12) + "-" + std::to_string(::getuid()) +
                     ".pem";
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  if (usable(path, count)) return path;

  std::vector<std::string> keys;
  if (auto from_fixture = agent::read_key_pool(fixture_pool); from_fixture.ok())
    keys = std::move(*from_fixture);
  if (keys.size() > static_cast<size_t>(count)) keys.resize(count);
  while (keys.size() < static_cast<size_t>(count)) {
    auto pair = agent::generate_rsa_key(2048);
    if (!pair.ok()) return pair.error();
    keys.push_back(pair->private_pem);
  }
  std::string text;
  for (const auto& k : keys) text += k;
  // Written under a unique name, then renamed: a concurrent world sees the whole file or none.
  std::string tmp = path + ".XXXXXX";
  int fd = ::mkstemp(tmp.data());  // mode 0600
  if (fd < 0) return cannot_write(path);
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return cannot_write(path);
  }
  return path;
}

}  // namespace opsreg::mocks
