// `opsreg serve`: the fakes as real servers until SIGINT/SIGTERM. When ready, prints one JSON
// line on stdout: endpoint, region, account, operator credentials, stacks, hosts, ssh_config.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "mocks/harness/harness.h"

namespace opsreg::cli {

namespace {
constexpr char kServeUsage[] = "usage: opsreg serve [--world FILE] [--port N] [--virtual-clock]\n";

int usage(const std::string& why) {
  std::fprintf(stderr, "opsreg serve: %s\n%s", why.c_str(), kServeUsage);
  return kExitUsage;
}

// serve's "hosts": how to reach each simulated machine.
nlohmann::json describe_hosts(const mocks::ssh::HostFleet& fleet) {
  nlohmann::json hosts = nlohmann::json::array();
  for (const auto& f : fleet.hosts())
    hosts.push_back({{"name", f.host.name},
                     {"address", f.host.private_ip},
                     {"public_ip", f.host.public_ip.empty() ? nlohmann::json(nullptr)
                                                            : nlohmann::json(f.host.public_ip)},
                     {"infrastructure_class", f.host.infrastructure},
                     {"ssh_port", f.ssh->port()},
                     {"ssh_username", f.username},
                     {"ssh_private_key", f.identity_file.empty() ? nlohmann::json(nullptr)
                                                                 : nlohmann::json(f.identity_file)},
                     {"host_key_fingerprint", f.ssh->host_key_fingerprint()},
                     {"metadata_url", f.metadata_url.empty() ? nlohmann::json(nullptr)
                                                             : nlohmann::json(f.metadata_url)},
                     {"ec2_instance_id", f.host.ec2 ? nlohmann::json(f.host.ec2->instance_id)
                                                    : nlohmann::json(nullptr)}});
  return hosts;
}
}  // namespace

int serve_main(const Args& args) {
  std::string world_path = mocks::World::default_world_path();
  int port = 0;
  mocks::ClockMode clock = mocks::ClockMode::kSystem;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* flag) -> const std::string* {
      if (i + 1 >= args.size()) return nullptr;
      (void)flag;
      return &args[++i];
    };
    if (a == "--world") {
      const std::string* v = value("--world");
      if (!v) return usage("--world needs a file");
      world_path = *v;
    } else if (a == "--port") {
      const std::string* v = value("--port");
      if (!v) return usage("--port needs a number");
      try {
        size_t used = 0;
        port = std::stoi(*v, &used);
        if (used != v->size() || port < 0 || port > 65535) throw std::out_of_range("port");
      } catch (const std::exception&) {
        return usage("--port must be a number from 0 to 65535");
      }
    } else if (a == "--virtual-clock") {
      clock = mocks::ClockMode::kVirtual;
    } else if (a == "-h" || a == "--help") {
      std::fputs(kServeUsage, stdout);
      return kExitOk;
    } else {
      return usage("unknown argument '" + a + "'");
    }
  }

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
  std::shared_ptr<mocks::World> world = harness.world();
  const std::string url = harness.url();

  nlohmann::json stacks = nlohmann::json::array();
  nlohmann::json snapshot = world->snapshot();
  for (const auto& s : snapshot["opsworks"].value("stacks", nlohmann::json::array()))
    stacks.push_back({{"name", s.value("Name", "")},
                      {"stack_id", s.value("StackId", "")},
                      {"region", s.value("Region", "")}});
  nlohmann::json ready = {
      {"endpoint", url},
      {"region", world->region()},
      {"account_id", world->account_id()},
      {"operator",
       {{"access_key_id", world->operator_credentials().access_key_id},
        {"secret_access_key", world->operator_credentials().secret_access_key}}},
      {"stacks", stacks},
      {"agent_installer_url",
       url + "/" + world->agent_installer().bucket + "/" + world->agent_installer().key},
      {"admin", url + "/_opsreg/"},
      {"ssh_config", harness.fleet().ssh_config_path().string()},
      {"hosts", describe_hosts(harness.fleet())},
  };
  std::cout << ready.dump() << std::endl;

  // The world lives in memory only: nothing to flush, so exit at once rather than wait for
  // idle keep-alive connections to time out; only the hosts' processes and files are cleaned up.
  int sig = 0;
  sigwait(&signals, &sig);
  harness.stop_hosts();  // stops the agents and the SSH hosts and removes their files
  std::fflush(stdout);
  std::_Exit(kExitOk);
}

}  // namespace opsreg::cli
