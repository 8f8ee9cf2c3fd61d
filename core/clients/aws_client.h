// A generic signed-call client for one AWS service: builds the request, signs it (SigV4),
// sends it through a Transport, turns error bodies into aws::Error per protocol, and
// retries as the SDK's standard mode does. Typed clients (iam_client.h, ...) sit on top.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "core/aws/error_wire.h"
#include "core/aws/uri.h"
#include "core/clients/debug_log.h"
#include "core/clients/retry.h"
#include "core/clock/clock.h"
#include "core/config/aws_environment.h"
#include "core/http/transport.h"
#include "core/util/result.h"

namespace opsreg::clients {

// What every client shares: the transport, the clock requests are dated with, the backoff
// sleeper and jitter, and the debug hook. Defaults are the real ones (HttpTransport with the
// system CA store, system clock, real waits); tests replace them.
struct ClientDeps {
  std::shared_ptr<http::Transport> transport;
  std::shared_ptr<const Clock> clock;
  Sleeper sleeper;
  Random random;
  DebugHook debug;  // may be empty
  RetryPolicy retry;

  // The real ones: HttpTransport with `transport_options`, system clock, real waits.
  static ClientDeps defaults(const http::TransportOptions& transport_options = {});
  // Fills only the empty members with the real ones.
  void fill_missing(const http::TransportOptions& transport_options = {});
};

class AwsClient {
 public:
  // `config` is what config::AwsEnvironment::service() resolved. Fails on a bad endpoint URL.
  static Result<AwsClient> create(config::ServiceConfig config, ClientDeps deps);

  // Sends `request` (path relative to the endpoint's base path) with `protocol`'s error
  // parsing. Returns the 2xx response, or the AWS error after the last attempt. Adds Host,
  // User-Agent, X-Amz-Date, the security token and Authorization; each attempt is signed
  // afresh at the clock's time.
  Result<http::Response> call(http::Request request, aws::Protocol protocol);

  // Query protocol (IAM, STS, EC2): POST / with Action, Version and `params` as a form.
  Result<http::Response> call_query(const std::string& action, const std::string& version,
                                    const aws::Params& params,
                                    aws::Protocol protocol = aws::Protocol::kQuery);
  // JSON 1.1 (OpsWorks): POST / with X-Amz-Target `target` ("OpsWorks_20130218.Op").
  Result<nlohmann::json> call_json(const std::string& target, const nlohmann::json& body);

  const config::ServiceConfig& config() const { return config_; }
  const RetryQuota& quota() const { return *quota_; }

 private:
  AwsClient(config::ServiceConfig config, http::Url url, ClientDeps deps);
  Result<http::Response> attempt(const http::Request& request, aws::Protocol protocol,
                                 int attempt_number);

  config::ServiceConfig config_;
  http::Url url_;
  ClientDeps deps_;
  std::shared_ptr<RetryQuota> quota_;
};

}  // namespace opsreg::clients
