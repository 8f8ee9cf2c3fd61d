// Starting a world's fakes in the order they need each other: world, edge, agents (whose hosts
// come later), the HTTP server with the admin API, then the hosts wired to the world the edge
// serves (its clock, its faults, IAM role sessions for the metadata services).
#include "mocks/harness/harness.h"

#include "core/aws/error_wire.h"
#include "core/util/data_dir.h"
#include "mocks/admin/admin_api.h"
#include "mocks/imds/role_credentials.h"

namespace opsreg::mocks {

namespace {

// The fleet options that tie the hosts to the world `edge` serves, read at each use so that a
// world reset (admin API) is picked up: an EC2 host's metadata service hands out sessions of its
// instance profile's role (session name: the instance id, valid kRoleSessionDuration) issued by
// the world's IAM, or NoSuchEntity for a host without a role; each host's SSH faults are the
// world's fault plan's for its name; a slow host moves the world's clock.
ssh::FleetOptions fleet_options(const Edge& edge, const HarnessOptions& harness) {
  ssh::FleetOptions options;
  options.opsreg_bin = harness.opsreg_bin;
  options.env = harness.host_env;
  std::shared_ptr<World> world = edge.world();
  options.now = [&edge] { return edge.world()->now(); };
  options.account_id = world->account_id();
  options.launch_time = world->launch_time();
  options.role_credentials = [&edge](const WorldHost& host,
                                     TimePoint now) -> Result<imds::RoleCredentials> {
    if (!host.ec2 || host.ec2->instance_profile_role.empty())
      return aws::make_error("NoSuchEntity", host.name + " has no instance profile", 404);
    auto session = edge.world()->iam().issue_role_session(
        host.ec2->instance_profile_role, host.ec2->instance_id, now,
        std::chrono::duration_cast<std::chrono::seconds>(imds::kRoleSessionDuration));
    if (!session.ok()) return session.error();
    return imds::RoleCredentials{session->credentials.access_key_id,
                                 session->credentials.secret_access_key,
                                 session->credentials.session_token, session->expiration};
  };
  options.faults = [&edge](const std::string& host) {
    return edge.world()->faults().host_faults(host);
  };
  options.advance_clock = [&edge](std::chrono::microseconds by) { edge.advance_clock(by); };
  options.sandbox = world->settings().sandbox_hosts;
  options.login_grace_time = world->settings().ssh_login_grace_time;
  options.max_startups = static_cast<std::size_t>(world->settings().ssh_max_startups);
  if (!world->settings().agent_key_pool_file.empty())
    options.shared_files.push_back(world->settings().agent_key_pool_file);
  return options;
}

}  // namespace

Result<std::unique_ptr<Harness>> Harness::start(const nlohmann::json& world_json,
                                                HarnessOptions options) {
  auto world = World::from_json(world_json, options.clock);
  if (!world.ok()) return world.error();
  std::unique_ptr<Harness> h(new Harness());
  h->edge_ = std::make_unique<Edge>(std::move(world.value()));
  h->requests_ = std::make_unique<RequestLog>(options.request_log_capacity);
  h->edge_->set_observer(
      [log = h->requests_.get()](const http::Request& request, const LoggedRequest& seen) {
        if (request.header(kUnloggedHeader).empty()) log->record(seen);
      });
  // The hosts are asked for at every round: none until they run, none once they stop.
  Harness* self = h.get();
  h->agents_ = std::make_unique<agents::AgentRunner>(*h->edge_, [self] {
    std::lock_guard lock(self->fleet_mu_);
    return self->fleet_ ? agents::sites_of(*self->fleet_)() : std::vector<agents::AgentSite>{};
  });
  // When the clock moves inside a request or a command (a fault's latency, a slow host, a
  // client's retry backoff), the agents make the contacts the jump calls for at once.
  h->edge_->set_clock_listener([self] { self->agents_->run_due_if_idle(); });
  if (!options.serve) return h;
  if (Status s = h->serve_and_start_hosts(options); !s.ok()) return s.error();
  return h;
}

Result<std::unique_ptr<Harness>> Harness::start_file(const std::string& path,
                                                     HarnessOptions options) {
  auto world = World::read_file(path);
  if (!world.ok()) return world.error();
  return start(*world, std::move(options));
}

Status Harness::serve_and_start_hosts(const HarnessOptions& options) {
  HttpServer::Options server_options;
  server_options.too_large = [this](const http::Request& head) { return edge_->too_large(head); };
  AdminHooks hooks;
  // An admin clock advance steps through the agents' contacts on the way.
  hooks.advance_clock = [this](std::chrono::microseconds by) { agents_->advance(by); };
  hooks.requests = requests_.get();
  hooks.hosts = [this] { return hosts_json(); };
  hooks.host_root = [this](const std::string& name) { return host_root(name); };
  server_ = std::make_unique<HttpServer>(
      [this, hooks](const http::Request& request) {
        if (std::optional<http::Response> admin = handle_admin(*edge_, request, hooks))
          return *admin;
        return edge_->handle(request);
      },
      server_options);
  if (server_->start(options.port) < 0)
    return aws::make_error("HarnessFailed",
                           "cannot listen on 127.0.0.1:" + std::to_string(options.port), 0);
  edge_->world()->set_edge_url(server_->url());
  if (!options.hosts) return {};
  auto fleet = ssh::HostFleet::start(edge_->world()->hosts(), fleet_options(*edge_, options));
  if (!fleet.ok()) return fleet.error();
  std::lock_guard lock(fleet_mu_);
  fleet_ = std::move(*fleet);
  return {};
}

void Harness::stop_hosts() {
  agents_->stop();
  std::unique_ptr<ssh::HostFleet> fleet;
  {
    std::lock_guard lock(fleet_mu_);
    fleet = std::move(fleet_);
  }
  fleet.reset();
}

Harness::~Harness() {
  if (edge_) edge_->set_clock_listener({});
  stop_hosts();
  if (server_) server_->stop();
}

nlohmann::json Harness::hosts_json() const {
  std::lock_guard lock(fleet_mu_);
  nlohmann::json hosts = nlohmann::json::array();
  if (!fleet_) return hosts;
  auto or_null = [](const std::string& s) {
    return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
  };
  for (const auto& f : fleet_->hosts())
    hosts.push_back(
        {{"name", f.host.name},
         {"address", f.host.private_ip},
         {"public_ip", or_null(f.host.public_ip)},
         {"infrastructure_class", f.host.infrastructure},
         {"ssh_port", f.ssh->port()},
         {"ssh_username", f.username},
         {"ssh_private_key", or_null(f.identity_file)},
         {"host_key_fingerprint", f.ssh->host_key_fingerprint()},
         {"metadata_url", or_null(f.metadata_url)},
         {"ec2_instance_id", f.host.ec2 ? nlohmann::json(f.host.ec2->instance_id) : nullptr}});
  return hosts;
}

Result<std::filesystem::path> Harness::host_root(const std::string& name) const {
  std::lock_guard lock(fleet_mu_);
  if (fleet_)
    for (const auto& h : fleet_->hosts())
      if (h.host.name == name) return h.ssh->root();
  return aws::make_error("NoSuchHost", "the world has no host '" + name + "'", 0);
}

namespace {
// The variables every client of the harness gets (client_env), as a map.
std::map<std::string, std::string> client_vars(const Harness& h, const ssh::HostFleet& fleet,
                                               const aws::Credentials& credentials) {
  const std::string home = fleet.dir().string();
  return {{"AWS_ACCESS_KEY_ID", credentials.access_key_id},
          {"AWS_SECRET_ACCESS_KEY", credentials.secret_access_key},
          {"AWS_REGION", h.world()->region()},
          {"AWS_ENDPOINT_URL", h.url()},
          {"AWS_CONFIG_FILE", home + "/no-config"},
          {"AWS_SHARED_CREDENTIALS_FILE", home + "/no-credentials"},
          {"HOME", home}};
}
}  // namespace

config::Env Harness::client_env(const aws::Credentials& credentials) const {
  return config::env_from_map(client_vars(*this, *fleet_, credentials));
}

std::map<std::string, std::string> Harness::tool_env(const aws::Credentials& credentials) const {
  std::map<std::string, std::string> env = client_vars(*this, *fleet_, credentials);
  const std::string ssh_config = fleet_->ssh_config_path().string();
  env["AWS_DEFAULT_REGION"] = world()->region();
  env["AWS_DATA_PATH"] = (fixtures_dir() / "aws-models").string();
  env["OPSREG_SSH_CONFIG"] = ssh_config;
  env["GIT_SSH_COMMAND"] = "ssh -F " + ssh_config;
  return env;
}

Result<clients::AwsClient> Harness::client(config::Service service,
                                           const aws::Credentials& credentials,
                                           clients::ClientDeps deps) const {
  std::shared_ptr<World> w = world();
  config::ServiceConfig c;
  c.service = service;
  c.signing_name = std::string(config::service_info(service).signing_name);
  c.region = w->region();
  c.endpoint = {url(), w->region(), "opsreg"};
  c.credentials = credentials;
  if (!deps.clock) deps.clock = std::shared_ptr<const Clock>(w, &w->clock());
  return clients::AwsClient::create(c, deps);
}

}  // namespace opsreg::mocks
