// Starting and observing a scenario's world: the fakes, their port, hosts and agents.
#include "scenarios/engine/scenario_world.h"

#include "core/config/endpoints.h"
#include "mocks/services/operation_name.h"

namespace opsreg::scenarios {

namespace {

// The operation as the edge and its fault rules name it (mocks/services/operation_name.h).
std::string operation_of(const std::string& service, const http::Request& r) {
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
  ScenarioWorld* self = w.get();
  mocks::HarnessOptions harness;
  harness.opsreg_bin = options.opsreg_bin;
  harness.observer = [self](const http::Request& request, const http::Response& response) {
    self->observe(request, response);
  };
  auto started = mocks::Harness::start(world_json, harness);
  if (!started.ok()) return started.error();
  w->harness_ = std::move(*started);
  w->world_ = w->harness_->world();
  return w;
}

// The harness first: its server's threads observe into this object's members.
ScenarioWorld::~ScenarioWorld() { harness_.reset(); }

std::shared_ptr<const Clock> ScenarioWorld::clock() const {
  return std::shared_ptr<const Clock>(world_, &world_->clock());
}

void ScenarioWorld::observe(const http::Request& request, const http::Response& response) {
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
  return harness_->client(which, creds, client_deps(skew));
}

clients::ClientDeps ScenarioWorld::client_deps(std::chrono::microseconds skew) const {
  clients::ClientDeps deps;
  deps.clock = skew.count() ? std::make_shared<SkewedClock>(clock(), skew) : clock();
  deps.sleeper = [edge = &harness_->edge()](std::chrono::milliseconds d) {
    edge->advance_clock(d);
  };
  deps.random = [] { return 0.5; };
  return deps;
}

Result<std::filesystem::path> ScenarioWorld::host_root(const std::string& name) const {
  for (const auto& h : fleet().hosts())
    if (h.host.name == name) return h.ssh->root();
  return aws::make_error("NoSuchHost", "the world has no host '" + name + "'", 0);
}

}  // namespace opsreg::scenarios
