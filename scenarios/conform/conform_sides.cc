// The fakes' side (an embedded world) and the target's (the standard AWS environment).
#include "scenarios/conform/conform_sides.h"

#include "core/clients/client_factory.h"
#include "core/config/endpoints.h"

namespace opsreg::scenarios::conform {

Result<std::unique_ptr<FakesSide>> FakesSide::start(const nlohmann::json& world_json) {
  auto world = ScenarioWorld::start(world_json, {});
  if (!world.ok()) return world.error();
  std::unique_ptr<FakesSide> side(new FakesSide());
  side->world_ = std::move(*world);
  return side;
}

Result<clients::AwsClient> FakesSide::client(const std::string& service) {
  return world_->client(service, world_->world().operator_credentials());
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

Result<clients::AwsClient> TargetSide::client(const std::string& service) {
  config::Service which;
  if (!config::service_from_id(service, &which))
    return aws::make_error("BadConformanceCase", "unknown service " + service, 0);
  return clients::ClientFactory(*env_, deps_).client(which);
}

}  // namespace opsreg::scenarios::conform
