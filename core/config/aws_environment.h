// The AWS environment of one CLI invocation, resolved as the AWS CLI resolves it: profile,
// credentials, region, and an endpoint per service, from the global flags (--profile,
// --region, --endpoint-url), the process environment and the shared config files.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/aws/sigv4.h"
#include "core/config/endpoints.h"
#include "core/config/env.h"
#include "core/config/shared_config.h"
#include "core/util/result.h"

namespace opsreg::config {

// The AWS CLI's global options that shape the environment.
struct GlobalFlags {
  std::optional<std::string> profile;           // --profile
  std::optional<std::string> region;            // --region
  std::optional<std::string> endpoint_url;      // --endpoint-url
  std::optional<aws::Credentials> credentials;  // explicit keys (not a CLI flag; API callers)
  bool verify_ssl = true;                       // --no-verify-ssl sets false
};

// Everything a client for one service needs to sign and send.
struct ServiceConfig {
  Service service;
  std::string signing_name;  // SigV4 service name
  std::string region;        // the client's region ("" for a global service without one)
  Endpoint endpoint;         // URL and signing region
  aws::Credentials credentials;
};

// Per-client choices, as the CLI's register command makes them (e.g. the EC2 client in the
// stack's region; the IAM client ignores --endpoint-url).
struct ServiceOptions {
  std::optional<std::string> region;  // overrides the environment's region
  bool use_endpoint_flag = true;      // whether --endpoint-url applies to this client
};

class AwsEnvironment {
 public:
  // Loads the shared config files and the profile. Errors: ProfileNotFound, a malformed
  // config file, a bad --endpoint-url. Credentials are resolved here too, but a failure to
  // find them is reported only when credentials() / service() is asked (as the CLI does).
  static Result<std::unique_ptr<AwsEnvironment>> load(const GlobalFlags& flags, Env env);

  const std::string& profile() const { return shared_->profile; }
  // --region → AWS_REGION → AWS_DEFAULT_REGION → the profile's region; "" when none.
  const std::string& region() const { return region_; }
  // The credentials of the chain, or NoCredentials / PartialCredentials.
  Result<aws::Credentials> credentials() const;
  const std::string& credentials_source() const { return credentials_source_; }
  // AWS_CA_BUNDLE or the profile's ca_bundle; "" means the system store.
  const std::string& ca_bundle() const { return ca_bundle_; }
  bool verify_ssl() const { return flags_.verify_ssl; }

  // The endpoint for `service`: --endpoint-url (when `use_flag`) → AWS_ENDPOINT_URL_<SVC> →
  // AWS_ENDPOINT_URL → the profile's services section → the profile's endpoint_url → the AWS
  // default; the configured ones (not the flag) are skipped when
  // AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls is true.
  // A regional service without a region is "NoRegion": "You must specify a region. You can
  // also configure your region by running \"aws configure\"."
  Result<Endpoint> endpoint(Service service, const ServiceOptions& options = {}) const;

  // Endpoint, region and credentials together: what AwsClient needs.
  Result<ServiceConfig> service(Service service, const ServiceOptions& options = {}) const;

 private:
  AwsEnvironment() = default;
  bool ignore_configured_endpoints() const;

  GlobalFlags flags_;
  Env env_;
  std::unique_ptr<SharedConfig> shared_;
  std::string region_;
  std::string ca_bundle_;
  Result<aws::Credentials> credentials_ = aws::Error{};
  std::string credentials_source_;
};

}  // namespace opsreg::config
