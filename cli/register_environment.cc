// register_environment: the process environment, or a Harness of the --mock world.
#include "cli/register_environment.h"

#include <cstdio>
#include <cstdlib>

namespace opsreg::cli {

Result<RegisterEnvironment> register_environment(registration::Arguments& args) {
  RegisterEnvironment out;
  if (!args.mock) {
    out.env = config::process_env();
    return out;
  }
  mocks::HarnessOptions options;
  options.clock = mocks::ClockMode::kSystem;
  if (const char* pool = std::getenv("OPSREG_AGENT_KEY_POOL"))
    options.host_env["OPSREG_AGENT_KEY_POOL"] = pool;
  auto started = mocks::Harness::start_file(
      args.mock_world.value_or(mocks::World::default_world_path()), options);
  if (!started.ok()) return started.error();
  out.mock = std::move(*started);
  if (!args.ssh_config) args.ssh_config = out.mock->fleet().ssh_config_path().string();
  std::fprintf(stderr, "mock: edge %s, %zu host(s), ssh config %s\n", out.mock->url().c_str(),
               out.mock->fleet().hosts().size(), args.ssh_config->c_str());
  std::fflush(stderr);
  out.env = out.mock->client_env(out.mock->world()->operator_credentials());
  out.clock = &out.mock->world()->clock();
  return out;
}

}  // namespace opsreg::cli
