// `opsreg register ...`: `aws opsworks register` for on-premises and EC2 targets and --local,
// against the AWS environment (real AWS or any endpoint) or, with --mock[=WORLD.json], fakes.
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "core/clients/client_factory.h"
#include "core/register/arguments.h"
#include "core/register/procedure.h"
#include "core/register/register_clients.h"
#include "mocks/edge/edge.h"
#include "mocks/edge/http_server.h"
#include "mocks/ssh/host_fleet.h"
#include "mocks/ssh/world_fleet.h"
#include "mocks/world/world.h"

namespace opsreg::cli {

namespace {

using registration::Arguments;

void err_line(const std::string& s) {
  std::fputs((s + "\n").c_str(), stderr);
  std::fflush(stderr);
}

// The embedded fakes of --mock: a world on the system clock, its edge on a loopback port, and
// the world's hosts as a HostFleet (an SSH server each, and an OpenSSH client config).
struct MockSession {
  std::shared_ptr<mocks::World> world;
  std::unique_ptr<mocks::Edge> edge;
  std::unique_ptr<mocks::HttpServer> server;
  std::unique_ptr<mocks::ssh::HostFleet> fleet;
};

Result<std::unique_ptr<MockSession>> start_mock(const Arguments& args) {
  auto session = std::make_unique<MockSession>();
  std::string path = args.mock_world.value_or(mocks::World::default_world_path());
  auto world = mocks::World::from_file(path, mocks::ClockMode::kSystem);
  if (!world.ok()) return world.error();
  session->world = std::move(world.value());
  session->edge = std::make_unique<mocks::Edge>(session->world);
  session->server = std::make_unique<mocks::HttpServer>(*session->edge);
  if (session->server->start(0) < 0)
    return aws::make_error("MockFailed", "cannot listen on 127.0.0.1", 0);
  session->world->set_edge_url(session->server->url());
  mocks::ssh::FleetOptions options = mocks::ssh::world_fleet_options(*session->edge);
  if (const char* pool = std::getenv("OPSREG_AGENT_KEY_POOL"))
    options.env["OPSREG_AGENT_KEY_POOL"] = pool;
  auto fleet = mocks::ssh::HostFleet::start(session->world->hosts(), options);
  if (!fleet.ok()) return fleet.error();
  session->fleet = std::move(*fleet);
  return session;
}

config::Env mock_env(const MockSession& m) {
  const aws::Credentials& op = m.world->operator_credentials();
  return config::env_from_map(
      {{"AWS_ACCESS_KEY_ID", op.access_key_id},
       {"AWS_SECRET_ACCESS_KEY", op.secret_access_key},
       {"AWS_REGION", m.world->region()},
       {"AWS_ENDPOINT_URL", m.server->url()},
       {"AWS_CONFIG_FILE", (m.fleet->dir() / "no-config").string()},
       {"AWS_SHARED_CREDENTIALS_FILE", (m.fleet->dir() / "no-credentials").string()},
       {"HOME", m.fleet->dir().string()}});
}

int fail(const std::string& message) {
  err_line("opsreg register: " + message);
  return kExitFailed;
}

}  // namespace

int register_main(const Args& argv) {
  auto parsed = registration::parse_arguments(argv);
  if (parsed.ok() && parsed->help) {
    std::fputs(registration::usage_text(), stdout);
    return kExitOk;
  }
  Status valid = parsed.ok() ? registration::validate(*parsed, registration::platform_system())
                             : Status(parsed.error());
  if (!valid.ok()) {
    err_line(std::string(registration::usage_text()) +
             "\nopsreg register: error: " + valid.error().message);
    return kExitUsage;
  }
  Arguments args = *parsed;

  std::unique_ptr<MockSession> mock;
  if (args.mock) {
    auto started = start_mock(args);
    if (!started.ok()) return fail("--mock: " + started.error().message);
    mock = std::move(*started);
    if (!args.ssh_config) args.ssh_config = mock->fleet->ssh_config_path().string();
    err_line("mock: edge " + mock->server->url() + ", " +
             std::to_string(mock->fleet->hosts().size()) + " host(s), ssh config " +
             *args.ssh_config);
  }

  config::GlobalFlags flags;
  flags.profile = args.profile;
  flags.region = args.region;
  flags.endpoint_url = args.endpoint_url;
  flags.verify_ssl = args.verify_ssl;
  auto env = config::AwsEnvironment::load(flags, mock ? mock_env(*mock) : config::process_env());
  if (!env.ok()) return fail(env.error().code + ": " + env.error().message);

  clients::ClientDeps deps;
  if (args.debug)
    deps.debug = [](const clients::DebugEvent& e) { err_line(clients::format_debug_event(e)); };
  clients::ClientFactory factory(**env, deps);
  auto aws_clients = registration::RegisterClients::create(factory, args);
  if (!aws_clients.ok()) return fail(aws_clients.error().code + ": " + aws_clients.error().message);

  registration::ProcedureDeps pd;
  (*aws_clients)->wire(pd);
  if (mock) pd.clock = &mock->world->clock();
  pd.progress = [](const std::string& line) { err_line(line); };
  if (args.debug) pd.debug = [](const std::string& line) { err_line("DEBUG " + line); };
  pd.target = [&args](const std::string& address) {
    registration::TargetIo io;
    io.output = [](std::string_view data) {
      std::fwrite(data.data(), 1, data.size(), stderr);
      std::fflush(stderr);
    };
    io.notice = [](const std::string& line) { err_line(line); };
    return registration::make_target_runner(args, address, io);
  };
  registration::Report report = registration::run_register(args, pd);
  for (const auto& w : report.outcome.warnings) err_line("warning: " + w);
  if (!report.ok()) return fail(report.failure->message());
  const registration::Outcome& o = report.outcome;
  if (args.output == "json") {
    std::cout << o.to_json().dump(4) << std::endl;
  } else {
    std::cout << "Registered instance " << (o.instance_id.empty() ? "(unknown id)" : o.instance_id)
              << " (" << (o.hostname.empty() ? "hostname not known" : o.hostname) << ") with stack "
              << o.stack_id;
    if (!o.iam_user_name.empty()) std::cout << "; IAM user " << o.iam_user_name;
    std::cout << std::endl;
  }
  return kExitOk;
}

}  // namespace opsreg::cli
