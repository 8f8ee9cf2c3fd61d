// The EC2 instance metadata service (IMDSv2) as botocore reaches it: a session token from
// PUT /latest/api/token, then GETs with it — the identity document and its signature, the
// instance's addresses, the instance profile's role credentials — and the "iam-role"
// credential provider that ends the default chain. Unreachable means "not on EC2": fail fast.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/aws/sigv4.h"
#include "core/clock/clock.h"
#include "core/config/credentials_chain.h"
#include "core/config/env.h"
#include "core/http/transport.h"
#include "core/util/result.h"

namespace opsreg::config {

inline constexpr std::string_view kDefaultMetadataEndpoint = "http://169.254.169.254";

// Error codes of InstanceMetadataClient (http_status 0 unless the service answered).
inline constexpr std::string_view kMetadataDisabled = "MetadataServiceDisabled";
inline constexpr std::string_view kMetadataUnavailable = "MetadataServiceUnavailable";
inline constexpr std::string_view kMetadataNotFound = "MetadataNotFound";  // 404
inline constexpr std::string_view kMetadataError = "MetadataServiceError";
inline constexpr std::string_view kInvalidMetadataEndpoint = "InvalidIMDSEndpoint";

struct MetadataOptions {
  std::string endpoint = std::string(kDefaultMetadataEndpoint);
  bool disabled = false;
  // Connect and read timeout of each request (botocore's metadata_service_timeout: 1 s).
  std::chrono::milliseconds timeout{1000};
  int token_ttl_seconds = 21600;  // X-aws-ec2-metadata-token-ttl-seconds, botocore's value
  // Null: an HttpTransport with `timeout` for connect and read (tests inject one).
  std::shared_ptr<http::Transport> transport;

  // AWS_EC2_METADATA_SERVICE_ENDPOINT (else the profile's ec2_metadata_service_endpoint when
  // `profile` is given), AWS_EC2_METADATA_DISABLED=true (any case), AWS_METADATA_SERVICE_TIMEOUT
  // (seconds; else the profile's metadata_service_timeout).
  static MetadataOptions from_env(const Env& env, const SharedConfig* profile = nullptr);
};

// The instance identity document (/latest/dynamic/instance-identity/document).
struct IdentityDocument {
  std::string text;  // exactly as served: the bytes the signature covers, sent to OpsWorks
  std::string account_id;
  std::string region;
  std::string availability_zone;
  std::string instance_id;
  std::string instance_type;
  std::string image_id;
  std::string private_ip;
};

// The instance profile's credentials (/latest/meta-data/iam/security-credentials/ROLE).
struct RoleCredentials {
  std::string role_name;
  aws::Credentials credentials;  // with the session token
  std::string expiration;        // as served ("2026-11-26T20:31:28Z")
  std::optional<TimePoint> expires_at;
};

// One metadata session. Not thread-safe. Every call needs the service: the first makes the
// token (PUT, TTL token_ttl_seconds); a 401 on a GET (token expired) makes a new one once.
// A token PUT refused with 403/404/405 falls back to IMDSv1 (GETs without a token), as
// botocore does; a PUT that gets no response at all (refused, timed out) marks the service
// unreachable and every later call fails at once, without another request.
class InstanceMetadataClient {
 public:
  explicit InstanceMetadataClient(MetadataOptions options);

  // The body of GET /latest/<path> ("meta-data/local-ipv4", "dynamic/..."). Errors:
  // MetadataServiceDisabled, InvalidIMDSEndpoint, MetadataServiceUnavailable (no response),
  // MetadataNotFound (404), MetadataServiceError (other statuses).
  Result<std::string> get(std::string_view path);

  Result<IdentityDocument> identity_document();
  // The base64 RSA-SHA256 signature of the document (dynamic/instance-identity/signature).
  Result<std::string> identity_signature();
  // meta-data/iam/security-credentials/ → the role, then its credentials. No role attached:
  // MetadataNotFound. A 200 whose JSON lacks a credential field (or has a Code other than
  // "Success"): MetadataServiceError with the service's Code/Message.
  Result<RoleCredentials> role_credentials();

  const MetadataOptions& options() const { return options_; }

 private:
  Result<std::optional<std::string>> token();  // nullopt: IMDSv1
  Result<http::Response> send(const std::string& method, const std::string& path,
                              aws::Headers headers);

  MetadataOptions options_;
  std::optional<http::Url> url_;
  std::optional<aws::Error> url_error_;
  std::optional<std::optional<std::string>> token_;  // unset until fetched
  std::optional<aws::Error> unreachable_;
};

// The "iam-role" provider (botocore's InstanceMetadataProvider): the instance profile's
// credentials, or nothing when the service is disabled, unreachable or has no role. An
// invalid endpoint URL stops the chain (InvalidIMDSEndpoint: "Invalid endpoint EC2 Instance
// Metadata endpoint: URL").
std::unique_ptr<CredentialProvider> instance_profile_provider(MetadataOptions options);

}  // namespace opsreg::config
