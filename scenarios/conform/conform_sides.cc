// The fakes' side (an embedded world) and the target's (the standard AWS environment).
#include "scenarios/conform/conform_sides.h"

#include "core/clients/client_factory.h"
#include "core/clock/skewed_clock.h"
#include "core/config/endpoints.h"

namespace opsreg::scenarios::conform {

Result<std::unique_ptr<FakesSide>> FakesSide::start(const nlohmann::json& world_json) {
  auto world = ScenarioWorld::start(world_json, {});
  if (!world.ok()) return world.error();
  std::unique_ptr<FakesSide> side(new FakesSide());
  side->world_ = std::move(*world);
  return side;
}

Result<clients::AwsClient> FakesSide::client(const std::string& service, const Caller& caller) {
  return world_->client(service,
                        caller.credentials.value_or(world_->world().operator_credentials()),
                        caller.clock_skew);
}

Result<std::unique_ptr<TargetSide>> TargetSide::open(const std::string& target,
                                                     const std::string& region, config::Env env,
                                                     clients::ClientDeps deps) {
  config::GlobalFlags flags;
  if (target != "aws") flags.endpoint_url = target;
  if (!region.empty()) flags.region = region;
  auto environment = config::AwsEnvironment::load(flags, std::move(env));
  if (!environment.ok()) return environment.error();
  std::unique_ptr<TargetSide> side(new TargetSide());
  side->env_ = std::move(*environment);
  side->deps_ = std::move(deps);
  return side;
}

Result<clients::AwsClient> TargetSide::client(const std::string& service, const Caller& caller) {
  config::Service which;
  if (!config::service_from_id(service, &which))
    return aws::make_error("BadConformanceCase", "unknown service " + service, 0);
  clients::ClientFactory factory(*env_, deps_);
  if (!caller.credentials && caller.clock_skew.count() == 0) return factory.client(which);
  auto config = env_->service(which);
  if (!config.ok()) return config.error();
  if (caller.credentials) config->credentials = *caller.credentials;
  clients::ClientDeps deps = factory.deps();
  if (caller.clock_skew.count())
    deps.clock = std::make_shared<SkewedClock>(deps.clock, caller.clock_skew);
  return clients::AwsClient::create(std::move(*config), std::move(deps));
}

}  // namespace opsreg::scenarios::conform
