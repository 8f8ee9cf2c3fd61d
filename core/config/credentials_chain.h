// The credential provider chain as the AWS CLI walks it: explicit → environment →
// shared credentials file → config file → instance metadata (instance_metadata.h). Each
// provider either finds credentials, finds nothing, or fails (partial credentials).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/aws/sigv4.h"
#include "core/config/env.h"
#include "core/config/shared_config.h"
#include "core/util/result.h"

namespace opsreg::config {

struct ResolvedCredentials {
  aws::Credentials credentials;
  // Where they came from, botocore's method names: "explicit", "env",
  // "shared-credentials-file", "config-file", "iam-role".
  std::string source;
};

class CredentialProvider {
 public:
  virtual ~CredentialProvider() = default;
  // nullopt: nothing here, try the next provider. An error (e.g. "PartialCredentials":
  // "Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY") stops the chain.
  virtual std::optional<Result<ResolvedCredentials>> load() const = 0;
};

// The standard providers. `shared` must outlive the providers that read it.
std::unique_ptr<CredentialProvider> explicit_provider(aws::Credentials creds);
std::unique_ptr<CredentialProvider> env_provider(Env env);
std::unique_ptr<CredentialProvider> shared_credentials_provider(const SharedConfig& shared);
std::unique_ptr<CredentialProvider> config_file_provider(const SharedConfig& shared);

// Walks `chain` in order. No credentials anywhere is "NoCredentials": "Unable to locate
// credentials. You can configure credentials by running \"aws configure\"."
Result<ResolvedCredentials> resolve_credentials(
    const std::vector<std::unique_ptr<CredentialProvider>>& chain);

// The CLI's default chain: explicit (when given) → env (skipped when the profile was given
// with --profile) → shared credentials file → config file → the instance profile from the
// metadata service (AWS_EC2_METADATA_SERVICE_ENDPOINT / _DISABLED; instance_metadata.h),
// which answers nothing at once when the service is unreachable.
std::vector<std::unique_ptr<CredentialProvider>> default_chain(
    const std::optional<aws::Credentials>& explicit_creds, const Env& env,
    const SharedConfig& shared);

}  // namespace opsreg::config
