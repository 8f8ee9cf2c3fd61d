// Starting a scenario's world (the fakes, their port, hosts and agents) and reading it.
#include "scenarios/engine/scenario_world.h"

#include "core/clock/skewed_clock.h"
#include "core/config/endpoints.h"
#include "core/util/path_inside.h"
#include "mocks/admin/admin_api.h"

namespace opsreg::scenarios {

Result<std::unique_ptr<ScenarioWorld>> ScenarioWorld::start(const nlohmann::json& world_json,
                                                            const WorldOptions& options) {
  std::unique_ptr<ScenarioWorld> w(new ScenarioWorld());
  w->world_json_ = world_json;
  mocks::HarnessOptions harness;
  harness.opsreg_bin = options.opsreg_bin;
  auto started = mocks::Harness::start(world_json, harness);
  if (!started.ok()) return started.error();
  w->harness_ = std::move(*started);
  w->world_ = w->harness_->world();
  return w;
}

ScenarioWorld::~ScenarioWorld() = default;

std::shared_ptr<const Clock> ScenarioWorld::clock() const {
  return std::shared_ptr<const Clock>(world_, &world_->clock());
}

Result<std::vector<SeenRequest>> ScenarioWorld::requests() { return harness_->requests().list(); }

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
  return harness_->host_root(name);
}

Result<clients::AwsClient> ScenarioWorld::operator_client(const std::string& service) {
  config::Service which;
  if (!config::service_from_id(service, &which))
    return aws::make_error("BadScenario", "unknown service " + service, 0);
  clients::ClientDeps deps = client_deps();
  deps.transport = check_transport(clients::ClientDeps::defaults().transport);
  return harness_->client(which, world_->operator_credentials(), deps);
}

Result<std::optional<std::string>> ScenarioWorld::host_file(const std::string& host,
                                                            const std::string& path) {
  auto root = host_root(host);
  if (!root.ok()) return root.error();
  return read_file_inside(*root, path, AbsoluteNames::kFromTheRoot, mocks::kAdminMaxFileBytes);
}

}  // namespace opsreg::scenarios
