// A running `opsreg serve` as the world expectations read (`opsreg expect`): the operator's
// signed clients from the usual AWS environment, pointed at serve's endpoint and signing at the
// world's time (read from GET /_opsreg/clock), and the admin API for host files and the request
// log.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/clock/clock.h"
#include "core/config/aws_environment.h"
#include "core/config/env.h"
#include "scenarios/engine/admin_client.h"
#include "scenarios/engine/expect_world.h"

namespace opsreg::scenarios {

struct ServeOptions {
  std::string endpoint;               // serve's endpoint URL
  std::optional<std::string> region;  // --region; else AWS_REGION, ..., else the world's
  config::Env env;                    // credentials and region as the AWS CLI reads them
};

class ServeWorld final : public ExpectWorld {
 public:
  // Reaches serve's admin API and resolves the AWS environment. Errors: AdminApiFailed (not
  // running, not opsreg serve), a bad endpoint URL, NoCredentials / PartialCredentials.
  static Result<std::unique_ptr<ServeWorld>> connect(const ServeOptions& options);

  Result<clients::AwsClient> operator_client(const std::string& service) override;
  Result<std::optional<std::string>> host_file(const std::string& host,
                                               const std::string& path) override;
  Result<std::vector<SeenRequest>> requests() override { return admin_.requests(); }
  std::string identity_of_key(const std::string&) const override { return ""; }
  const SavedResults& saved_results() const override { return none_; }

 private:
  explicit ServeWorld(AdminClient admin) : admin_(std::move(admin)) {}

  AdminClient admin_;
  std::shared_ptr<http::Transport> transport_;
  std::unique_ptr<config::AwsEnvironment> aws_;
  std::shared_ptr<OffsetClock> clock_;  // the world's time, as serve read it, moving on
  SavedResults none_;
};

}  // namespace opsreg::scenarios
