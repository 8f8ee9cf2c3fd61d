// libFuzzer target: OpenSSH client configuration as `register` reads it (core/ssh/ssh_config.h:
// the lexer, Host/Match blocks, Include, value checks) and resolve() of a few targets through
// it. Include reaches only a scratch folder of small configs: an input naming an absolute or
// home path is skipped (reading the machine's files is not parsing). Asserts that a resolved
// host always has a name and a port in 1..65535.
// libFuzzer: -max_len=4096 -timeout=10
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "core/ssh/ssh_config.h"
#include "fuzz/fuzz_check.h"

namespace {

namespace fs = std::filesystem;

// The folder relative Includes resolve in: one plain config, one that includes itself.
const std::string& include_dir() {
  static const std::string dir = [] {
    fs::path d = fs::temp_directory_path() / "opsreg-fuzz-ssh-config";
    fs::create_directories(d);
    std::ofstream(d / "hosts.conf") << "Host web-*\n  User deploy\n  Port 2222\n";
    std::ofstream(d / "loop.conf") << "Include loop.conf\n";
    return d.string();
  }();
  return dir;
}

void check(const opsreg::ssh::ResolvedHost& h) {
  FUZZ_CHECK(!h.target.empty());
  FUZZ_CHECK(!h.hostname.empty());
  FUZZ_CHECK(h.port >= 1 && h.port <= 65535);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower.find("include") != std::string::npos && lower.find_first_of("/~") != std::string::npos)
    return 0;
  opsreg::ssh::LocalContext local{include_dir(), "fuzzer"};
  auto config = opsreg::ssh::SshConfig::parse(text, "fuzz_config", include_dir(), local);
  if (!config.ok()) {
    FUZZ_CHECK(!config.error().message.empty());
    return 0;
  }
  check(config->resolve("web-1"));
  check(config->resolve("admin@db.example.com"));
  opsreg::ssh::ResolveOverrides overrides;
  overrides.port = 2200;
  overrides.user = "root";
  auto h = config->resolve("10.0.0.7", overrides);
  check(h);
  FUZZ_CHECK(h.port == 2200 && h.user == "root");
  return 0;
}
