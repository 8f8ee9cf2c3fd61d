// `opsreg serve`: the fakes as real servers until SIGINT/SIGTERM. When ready, prints one JSON
// line on stdout (endpoint, region, account, operator credentials, stacks, hosts, ssh_config),
// and for CI writes the same line to --ready-file and the tools' environment to --env.
// Its help: cli/help_texts_serve.cc.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/help.h"
#include "cli/options.h"
#include "core/ssh/shell_quote.h"
#include "core/util/atomic_file.h"
#include "mocks/admin/admin_api.h"
#include "mocks/harness/harness.h"

namespace opsreg::cli {

namespace {
int usage(const std::string& why) { return usage_error(serve_help(), why); }

// The environment a user's tool is given, as `export NAME=value` lines: the harness's tool_env
// as the operator (HOME left out: sourcing the file keeps the shell's own home; AWS_CONFIG_FILE
// and AWS_SHARED_CREDENTIALS_FILE already keep ~/.aws out), and where serve and its admin API are.
std::string export_lines(const mocks::Harness& harness) {
  std::map<std::string, std::string> env =
      harness.tool_env(harness.world()->operator_credentials());
  env.erase("HOME");
  env["OPSREG_ENDPOINT"] = harness.url();
  env["OPSREG_ADMIN_URL"] = harness.url() + "/_opsreg";
  std::string lines;
  for (const auto& [name, value] : env)
    lines += "export " + name + "=" + ssh::shell_quote(value) + "\n";
  return lines;
}

// The readiness line: how to reach this world.
nlohmann::json ready_line(const mocks::Harness& harness) {
  std::shared_ptr<mocks::World> world = harness.world();
  const std::string url = harness.url();
  nlohmann::json stacks = nlohmann::json::array();
  nlohmann::json snapshot = world->snapshot();
  for (const auto& s : snapshot["opsworks"].value("stacks", nlohmann::json::array()))
    stacks.push_back({{"name", s.value("Name", "")},
                      {"stack_id", s.value("StackId", "")},
                      {"region", s.value("Region", "")}});
  return {
      {"endpoint", url},
      {"region", world->region()},
      {"account_id", world->account_id()},
      {"operator",
       {{"access_key_id", world->operator_credentials().access_key_id},
        {"secret_access_key", world->operator_credentials().secret_access_key}}},
      {"stacks", stacks},
      {"agent_installer_url",
       url + "/" + world->agent_installer().bucket + "/" + world->agent_installer().key},
      {"admin", url + std::string(mocks::kAdminPrefix)},
      {"ssh_config", harness.fleet().ssh_config_path().string()},
      {"hosts", harness.hosts_json()},
  };
}
}  // namespace

int serve_main(const Args& args) {
  auto parsed = parse_options(args, serve_help().options);
  if (!parsed.ok()) return usage(parsed.error().message);
  if (parsed->help) return print_help(serve_help());
  if (std::string empty = empty_value(*parsed, serve_help().options); !empty.empty())
    return usage(empty);
  if (!parsed->positional.empty())
    return usage("unexpected argument '" + parsed->positional.front() +
                 "' (serve takes only flags)");
  const std::string world_path =
      parsed->value("--world").value_or(mocks::World::default_world_path());
  int port = 0;
  if (auto text = parsed->value("--port")) {
    try {
      size_t used = 0;
      port = std::stoi(*text, &used);
      if (used != text->size() || port < 0 || port > 65535) throw std::out_of_range("port");
    } catch (const std::exception&) {
      return usage("--port must be a number from 0 to 65535");
    }
  }
  const mocks::ClockMode clock =
      parsed->has("--virtual-clock") ? mocks::ClockMode::kVirtual : mocks::ClockMode::kSystem;
  const std::string env_file = parsed->value("--env").value_or("");
  const std::string ready_file = parsed->value("--ready-file").value_or("");
  const bool print_env = parsed->has("--print-env");

  // Block the signals before any thread starts so that only sigwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  mocks::HarnessOptions options;
  options.clock = clock;
  options.port = port;
  auto started = mocks::Harness::start_file(world_path, options);
  if (!started.ok()) {
    std::fprintf(stderr, "opsreg serve: %s\n", started.error().message.c_str());
    return kExitFailed;
  }
  mocks::Harness& harness = **started;
  // The registered hosts' agents contact OpsWorks as the clock moves: at each tick of the
  // system clock (the timer), and through the ticks an admin clock advance passes.
  if (clock == mocks::ClockMode::kSystem) harness.start_agent_timer();

  // The files first, then the line: whoever sees the line (or the ready file) finds the rest.
  const std::string line = ready_line(harness).dump() + "\n";
  const std::string exports = export_lines(harness);
  for (const auto& [path, content, mode] :
       {std::tuple{env_file, exports, 0600}, std::tuple{ready_file, line, 0644}}) {
    if (path.empty()) continue;
    if (Status s = write_file_atomically(path, content, mode); !s.ok()) {
      std::fprintf(stderr, "opsreg serve: %s\n", s.error().message.c_str());
      harness.stop_hosts();
      return kExitFailed;
    }
  }
  std::cout << line << (print_env ? exports : "") << std::flush;

  // The world lives in memory only: nothing to flush, so exit at once rather than wait for
  // idle keep-alive connections to time out; only the hosts' processes and files are cleaned up.
  int sig = 0;
  sigwait(&signals, &sig);
  harness.stop_hosts();  // stops the agents and the SSH hosts and removes their files
  std::fflush(stdout);
  std::_Exit(kExitOk);
}

}  // namespace opsreg::cli
