// Starting and observing a scenario's world: the fakes, their port, hosts and agents.
#include "scenarios/engine/scenario_world.h"

#include "core/config/endpoints.h"
#include "mocks/edge/operation_name.h"
#include "mocks/ssh/world_fleet.h"

namespace opsreg::scenarios {

namespace {

// The operation as the edge and its fault rules name it (mocks/edge/operation_name.h).
std::string operation_of(const std::string& service, const mocks::Request& r) {
  aws::Protocol protocol = service == "s3"         ? aws::Protocol::kRestXml
                           : service == "opsworks" ? aws::Protocol::kJson
                           : service == "ec2"      ? aws::Protocol::kEc2
                                                   : aws::Protocol::kQuery;
  return mocks::operation_name(protocol, r);
}

// A client's clock set off the world's by a fixed amount (a caller with a wrong clock).
class SkewedClock final : public Clock {
 public:
  SkewedClock(std::shared_ptr<const Clock> base, std::chrono::microseconds skew)
      : base_(std::move(base)), skew_(skew) {}
  TimePoint now() const override { return base_->now() + skew_; }

 private:
  std::shared_ptr<const Clock> base_;
  std::chrono::microseconds skew_;
};

}  // namespace

Result<std::unique_ptr<ScenarioWorld>> ScenarioWorld::start(const nlohmann::json& world_json,
                                                            const WorldOptions& options) {
  std::unique_ptr<ScenarioWorld> w(new ScenarioWorld());
  w->world_json_ = world_json;
  auto world = mocks::World::from_json(world_json, mocks::ClockMode::kVirtual);
  if (!world.ok()) return world.error();
  w->world_ = std::move(world.value());
  w->edge_ = std::make_unique<mocks::Edge>(w->world_);
  ScenarioWorld* self = w.get();
  w->edge_->set_observer([self](const mocks::Request& request, const mocks::Response& response) {
    self->observe(request, response);
  });
  w->server_ = std::make_unique<mocks::HttpServer>(*w->edge_);
  if (w->server_->start(0) < 0)
    return aws::make_error("ScenarioSetupFailed", "cannot listen on 127.0.0.1", 0);
  w->world_->set_edge_url(w->server_->url());
  mocks::ssh::FleetOptions fleet_options = mocks::ssh::world_fleet_options(*w->edge_);
  fleet_options.opsreg_bin = options.opsreg_bin;
  auto fleet = mocks::ssh::HostFleet::start(w->world_->hosts(), fleet_options);
  if (!fleet.ok()) return fleet.error();
  w->fleet_ = std::move(*fleet);
  w->agents_ =
      std::make_unique<mocks::agents::AgentRunner>(*w->edge_, mocks::agents::sites_of(*w->fleet_));
  // When the clock moves inside an action (fault latency, retry backoff, a slow host), the
  // agents make the contact the last tick it passed called for, as in `opsreg serve`.
  w->edge_->set_clock_listener([self] { self->agents_->run_due_if_idle(); });
  return w;
}

ScenarioWorld::~ScenarioWorld() {
  if (edge_) edge_->set_clock_listener({});
  agents_.reset();
  fleet_.reset();
  if (server_) server_->stop();
}

std::shared_ptr<const Clock> ScenarioWorld::clock() const {
  return std::shared_ptr<const Clock>(world_, &world_->clock());
}

void ScenarioWorld::observe(const mocks::Request& request, const mocks::Response& response) {
  if (!observing_) return;
  SeenRequest seen;
  aws::SignatureClaim claim;
  std::string why;
  aws::SignableRequest signable = request.signable();
  if (aws::parse_claim(signable, &claim, &why) == aws::ClaimProblem::kNone) {
    seen.service = claim.service;
    seen.access_key_id = claim.access_key_id;
  } else {
    seen.service = request.header("X-Amz-Target").starts_with("OpsWorks_") ? "opsworks" : "s3";
  }
  seen.operation = operation_of(seen.service, request);
  seen.status = response.status;
  std::lock_guard lock(mu_);
  seen_.push_back(std::move(seen));
}

std::vector<SeenRequest> ScenarioWorld::requests() const {
  std::lock_guard lock(mu_);
  return seen_;
}

Result<aws::Credentials> ScenarioWorld::identity(const std::string& name) const {
  if (name == "operator") return world_->operator_credentials();
  // "$NAME": the key a saved result holds (e.g. a CreateAccessKey call saved as NAME).
  if (name.starts_with("$")) {
    auto it = saved.find(name.substr(1));
    if (it != saved.end() && it->second.contains("AccessKeyId") &&
        it->second.contains("SecretAccessKey"))
      return aws::Credentials{it->second["AccessKeyId"], it->second["SecretAccessKey"], ""};
    return aws::make_error("NoSuchIdentity",
                           "no saved result '" + name.substr(1) +
                               "' with AccessKeyId and SecretAccessKey (save a CreateAccessKey "
                               "call with \"save_as\")",
                           0);
  }
  for (const auto& id : world_json_.value("identities", nlohmann::json::array()))
    if (id.value("user_name", "") == name && id.contains("access_key_id"))
      return aws::Credentials{id.value("access_key_id", ""), id.value("secret_access_key", ""), ""};
  return aws::make_error(
      "NoSuchIdentity",
      "no identity '" + name + "' (operator, or a user of the world's \"identities\" with keys)",
      0);
}

std::string ScenarioWorld::identity_of_key(const std::string& key) const {
  if (key.empty()) return "";
  if (key == world_->operator_credentials().access_key_id) return "operator";
  for (const auto& [name, result] : saved)
    if (result.is_object() && result.value("AccessKeyId", "") == key) return "$" + name;
  for (const auto& id : world_json_.value("identities", nlohmann::json::array()))
    if (id.value("access_key_id", "") == key) return id.value("user_name", "");
  return "";
}

Result<clients::AwsClient> ScenarioWorld::client(const std::string& service,
                                                 const aws::Credentials& creds,
                                                 std::chrono::microseconds skew) {
  config::Service which;
  if (!config::service_from_id(service, &which))
    return aws::make_error("BadScenario", "unknown service " + service, 0);
  config::ServiceConfig c;
  c.service = which;
  c.signing_name = std::string(config::service_info(which).signing_name);
  c.region = world_->region();
  c.endpoint = {server_->url(), world_->region(), "scenario"};
  c.credentials = creds;
  return clients::AwsClient::create(c, client_deps(skew));
}

clients::ClientDeps ScenarioWorld::client_deps(std::chrono::microseconds skew) const {
  clients::ClientDeps deps;
  deps.clock = skew.count() ? std::make_shared<SkewedClock>(clock(), skew) : clock();
  deps.sleeper = [edge = edge_.get()](std::chrono::milliseconds d) { edge->advance_clock(d); };
  deps.random = [] { return 0.5; };
  return deps;
}

Result<std::filesystem::path> ScenarioWorld::host_root(const std::string& name) const {
  for (const auto& h : fleet_->hosts())
    if (h.host.name == name) return h.ssh->root();
  return aws::make_error("NoSuchHost", "the world has no host '" + name + "'", 0);
}

}  // namespace opsreg::scenarios
