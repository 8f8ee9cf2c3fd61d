// `opsreg serve`: the fakes as real servers until SIGINT/SIGTERM. When ready, prints one JSON
// line on stdout (endpoint, region, account, operator credentials, stacks, hosts, ssh_config),
// and for CI writes the same line to --ready-file and the tools' environment to --env.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "core/ssh/shell_quote.h"
#include "core/util/atomic_file.h"
#include "mocks/admin/admin_api.h"
#include "mocks/harness/harness.h"

namespace opsreg::cli {

namespace {
constexpr char kServeUsage[] =
    "usage: opsreg serve [--world FILE] [--port N] [--virtual-clock] [--env FILE] [--print-env]\n"
    "                    [--ready-file FILE]\n";

constexpr char kServeHelp[] =
    "\n"
    "Runs the fake AWS services (IAM, STS, S3, EC2, OpsWorks) of one world on one loopback port,\n"
    "with the world's hosts (an SSH server each, EC2 hosts' metadata services) and their agents,\n"
    "until SIGINT or SIGTERM; then the hosts' processes and files are removed and it exits 0.\n"
    "\n"
    "options:\n"
    "  --world FILE      the world to serve (fixtures/worlds/README.md); default:\n"
    "                    fixtures/worlds/default.json\n"
    "  --port N          listen on 127.0.0.1:N; default 0, any free port (read it from the line)\n"
    "  --virtual-clock   the world's clock stands still at the world file's \"clock\" and moves\n"
    "                    only through the admin API; default: the system clock\n"
    "  --env FILE        write `export NAME='value'` lines (mode 0600) that point AWS tools and\n"
    "                    OpenSSH at this world, for `. FILE` in a shell (variables below)\n"
    "  --print-env       print the same export lines on stdout, after the JSON line\n"
    "  --ready-file FILE write the JSON line to FILE (atomically, by rename) once ready\n"
    "  -h, --help        this text\n"
    "\n"
    "Ready: the JSON line on stdout is the readiness signal; it comes (and --env and --ready-file\n"
    "are written before it) only once every service and host answers. Its members: endpoint,\n"
    "region, account_id, operator {access_key_id, secret_access_key} (the account's root keys),\n"
    "stacks [{name, stack_id, region}], agent_installer_url, admin (the admin API's URL),\n"
    "ssh_config (an OpenSSH client config reaching every host by name or IP), hosts [{name,\n"
    "address, public_ip, infrastructure_class, ssh_port, ssh_username, ssh_private_key,\n"
    "host_key_fingerprint, metadata_url, ec2_instance_id}].\n"
    "\n"
    "Environment (--env, --print-env): AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID and\n"
    "AWS_SECRET_ACCESS_KEY (the operator), AWS_REGION and AWS_DEFAULT_REGION, AWS_CONFIG_FILE and\n"
    "AWS_SHARED_CREDENTIALS_FILE (empty files: nothing of ~/.aws), AWS_DATA_PATH (the OpsWorks\n"
    "model for the AWS CLI), OPSREG_SSH_CONFIG (ssh -F $OPSREG_SSH_CONFIG HOST),\n"
    "GIT_SSH_COMMAND, OPSREG_ENDPOINT and OPSREG_ADMIN_URL.\n"
    "\n"
    "Admin API (unsigned, under $OPSREG_ADMIN_URL, ENDPOINT/_opsreg):\n"
    "  GET  world                 the world's state as JSON, secrets left out\n"
    "  GET  clock                 {\"clock\", \"virtual\"}\n"
    "  POST clock/advance         {\"by\": \"16m\"}: moves the clock; the agents contact on the "
    "way\n"
    "  POST reset                 the world as its file made it; the request log emptied\n"
    "  GET|POST|DELETE faults     the fault plan: list, add rules, remove them all\n"
    "  GET  requests              the requests the services answered: ?service= &operation=\n"
    "                             &caller= (identity or key id) &ok=true|false &since=SEQ\n"
    "  GET  hosts                 the hosts, as in the JSON line\n"
    "  GET  hosts/NAME/file?path=P  a file of a host's tree (404: none)\n"
    "`opsreg expect --endpoint URL` checks a world through it (scenario expectations).\n"
    "\n"
    "Clock: on the system clock (the default) signatures are checked against real time, as AWS\n"
    "does, and the agents contact on a timer. An admin clock advance moves the world ahead of\n"
    "real time, so real clients' next requests look skewed (expired signatures) until reset;\n"
    "with --virtual-clock only the admin API moves it, so real clients must sign at the world's\n"
    "time (GET clock; `opsreg expect` does).\n"
    "\n"
    "Environment read: OPSREG_DATA_DIR (the data folder: worlds, the OpsWorks model, the agent\n"
    "installer), OPSREG_BWRAP (the bubblewrap that sandboxes the hosts; default: bwrap on PATH).\n";

int usage(const std::string& why) {
  std::fprintf(stderr, "opsreg serve: %s\n%s", why.c_str(), kServeUsage);
  return kExitUsage;
}

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
  std::string world_path = mocks::World::default_world_path();
  int port = 0;
  mocks::ClockMode clock = mocks::ClockMode::kSystem;
  std::string env_file, ready_file;
  bool print_env = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "--world") {
      const std::string* v = value();
      if (!v) return usage("--world needs a file");
      world_path = *v;
    } else if (a == "--port") {
      const std::string* v = value();
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
    } else if (a == "--env" || a == "--ready-file") {
      const std::string* v = value();
      if (!v || v->empty()) return usage(a + " needs a file");
      (a == "--env" ? env_file : ready_file) = *v;
    } else if (a == "--print-env") {
      print_env = true;
    } else if (a == "-h" || a == "--help") {
      std::fputs(kServeUsage, stdout);
      std::fputs(kServeHelp, stdout);
      return kExitOk;
    } else if (a.starts_with("-")) {
      return usage("unknown flag '" + a + "'");
    } else {
      return usage("unexpected argument '" + a + "' (serve takes only flags)");
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
