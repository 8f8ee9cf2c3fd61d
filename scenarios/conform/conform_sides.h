// The two sides of a conformance run: the fakes (a fresh embedded world per case, signed as its
// operator) and the target (real AWS, or any AWS-compatible endpoint, through the standard AWS
// environment: credentials chain, region, endpoint settings).
#pragma once

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clients/aws_client.h"
#include "core/config/aws_environment.h"
#include "core/config/env.h"
#include "core/util/result.h"
#include "scenarios/engine/scenario_world.h"

namespace opsreg::scenarios::conform {

// Who signs a call, when not the side's own operator, and with what clock.
struct Caller {
  std::optional<aws::Credentials> credentials;  // none: the side's operator
  std::chrono::microseconds clock_skew{};       // ahead of the side's clock (behind: < 0)
};

class Side {
 public:
  virtual ~Side() = default;
  // A client of `service` ("iam", "sts", "ec2", "opsworks", "s3") for this side, signing as
  // `caller`.
  virtual Result<clients::AwsClient> client(const std::string& service,
                                            const Caller& caller = {}) = 0;
};

// The fakes: `world_json` served on a loopback port, signed as the world's operator at the
// world's time.
class FakesSide final : public Side {
 public:
  static Result<std::unique_ptr<FakesSide>> start(const nlohmann::json& world_json);
  Result<clients::AwsClient> client(const std::string& service, const Caller& caller = {}) override;

 private:
  std::unique_ptr<ScenarioWorld> world_;
};

// The target: "aws" (AWS's own endpoints) or a URL every service is sent to (as --endpoint-url),
// with credentials and region from `env` as the AWS CLI finds them (AWS_PROFILE,
// AWS_ACCESS_KEY_ID, ~/.aws/..., AWS_REGION; AWS_ENDPOINT_URL_<SERVICE> still wins per
// service for "aws"). `region` (--region) overrides the environment's. `deps`: what the
// clients are built with (empty members: the real transport, clock and waits).
class TargetSide final : public Side {
 public:
  static Result<std::unique_ptr<TargetSide>> open(const std::string& target,
                                                  const std::string& region, config::Env env,
                                                  clients::ClientDeps deps = {});
  Result<clients::AwsClient> client(const std::string& service, const Caller& caller = {}) override;

 private:
  std::unique_ptr<config::AwsEnvironment> env_;
  clients::ClientDeps deps_;
};

}  // namespace opsreg::scenarios::conform
