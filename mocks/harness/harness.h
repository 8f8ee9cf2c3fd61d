// One world's fakes, started together: the World, its Edge with the admin API on one loopback
// HTTP server, the world's hosts (an SSH server each, EC2 hosts' metadata services) and their
// agents on the world's clock. `opsreg serve`, `register --mock`, the scenario engine, the
// benchmarks and the test fixtures all start their fakes here.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

#include "core/aws/sigv4.h"
#include "core/clients/aws_client.h"
#include "core/config/endpoints.h"
#include "core/config/env.h"
#include "core/util/result.h"
#include "mocks/agents/agent_runner.h"
#include "mocks/edge/edge.h"
#include "mocks/edge/request_log.h"
#include "mocks/server/http_server.h"
#include "mocks/ssh/host_fleet.h"
#include "mocks/world/world.h"

namespace opsreg::mocks {

struct HarnessOptions {
  // Virtual (moves only when advanced: tests, scenarios) or the system clock (serve, --mock).
  ClockMode clock = ClockMode::kVirtual;
  // Serve the edge and the admin API on 127.0.0.1:`port` (0: any free port). Without it the
  // edge is reached in-process only (edge().handle()) and there are no hosts.
  bool serve = true;
  int port = 0;
  // Start the world's hosts (needs `serve`: their scripts reach the edge over loopback).
  bool hosts = true;
  // The executable the hosts run as the agent (OPSREG_BIN); empty: this executable.
  std::string opsreg_bin;
  // More environment for every host's commands (e.g. OPSREG_AGENT_KEY_POOL).
  std::map<std::string, std::string> host_env;
  // How many requests the request log keeps (the oldest are dropped and counted).
  size_t request_log_capacity = RequestLog::kDefaultCapacity;
};

class Harness {
 public:
  // Builds the world from a world file's JSON (fixtures/worlds/README.md) and starts what
  // `options` asks for. Errors: the world file's ValidationError, "HarnessFailed" (no port),
  // the hosts' HostSetupFailed.
  static Result<std::unique_ptr<Harness>> start(const nlohmann::json& world,
                                                HarnessOptions options = {});
  // The same from a world file's path.
  static Result<std::unique_ptr<Harness>> start_file(const std::string& path,
                                                     HarnessOptions options = {});
  ~Harness();  // the agents, then the hosts, then the server stop
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  // The world being served now (the admin API's reset replaces it).
  std::shared_ptr<World> world() const { return edge_->world(); }
  Edge& edge() { return *edge_; }
  // Every request the edge answered (not the admin API's, not those carrying
  // kUnloggedHeader); the admin API lists it and its reset clears it.
  RequestLog& requests() { return *requests_; }
  const RequestLog& requests() const { return *requests_; }
  agents::AgentRunner& agents() { return *agents_; }
  // The running hosts. Precondition: started with `hosts`.
  const ssh::HostFleet& fleet() const { return *fleet_; }
  bool has_hosts() const { return fleet_ != nullptr; }
  // How to reach each host (serve's "hosts", GET /_opsreg/hosts): name, addresses,
  // infrastructure class, SSH port, user name and key, host key fingerprint, metadata URL,
  // EC2 instance id. An empty array once the hosts stopped.
  nlohmann::json hosts_json() const;
  // The root ("/") of a running host's tree. NoSuchHost when there is none of that name.
  Result<std::filesystem::path> host_root(const std::string& name) const;
  // http://127.0.0.1:PORT of the edge. Precondition: started with `serve`.
  std::string url() const { return server_->url(); }
  int port() const { return server_->port(); }

  // For a world on the system clock: the agents contact on a timer as the clock passes their
  // ticks (and, always, through every admin clock advance and every clock jump of a fault).
  void start_agent_timer() { agents_->start_timer(); }
  // Stops the agents and the hosts and removes the hosts' files; the edge goes on serving.
  // What `serve` does before it exits. Idempotent.
  void stop_hosts();

  // The environment of an AWS client of this harness signing as `credentials`: the edge as
  // AWS_ENDPOINT_URL, the world's region, and nothing of the machine's (AWS config files and
  // HOME inside the hosts' folder). Precondition: started with `serve` and `hosts`.
  config::Env client_env(const aws::Credentials& credentials) const;
  // What a user's own tool is given (a scenario's exec step, serve's --env): client_env and
  // the rest a tool needs to reach this world as AWS tools and OpenSSH would: AWS_DEFAULT_REGION,
  // AWS_DATA_PATH (the OpsWorks model), OPSREG_SSH_CONFIG (the OpenSSH config reaching the
  // hosts) and GIT_SSH_COMMAND using it, as variables to set in a process's environment.
  // Precondition: started with `serve` and `hosts`.
  std::map<std::string, std::string> tool_env(const aws::Credentials& credentials) const;
  // A client of `service` signing as `credentials` over HTTP to the edge, in the world's region;
  // `deps` without a clock sign at the world's time. Precondition: started with `serve`.
  Result<clients::AwsClient> client(config::Service service, const aws::Credentials& credentials,
                                    clients::ClientDeps deps = {}) const;

 private:
  Harness() = default;
  Status serve_and_start_hosts(const HarnessOptions& options);

  std::unique_ptr<RequestLog> requests_;
  std::unique_ptr<Edge> edge_;
  std::unique_ptr<agents::AgentRunner> agents_;
  std::unique_ptr<HttpServer> server_;
  mutable std::mutex fleet_mu_;
  std::unique_ptr<ssh::HostFleet> fleet_;  // guarded by fleet_mu_ while the agents run
};

}  // namespace opsreg::mocks
