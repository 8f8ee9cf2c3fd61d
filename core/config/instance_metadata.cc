// IMDSv2 sessions (token, GETs, the v1 fallback and fail-fast when unreachable), the identity
// document, role credentials, and the "iam-role" credential provider.
#include "core/config/instance_metadata.h"

#include <cctype>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/clock/time_format.h"
#include "core/util/json_bounded.h"
#include "core/util/json_text.h"

namespace opsreg::config {

namespace {

bool is_true(std::string_view v) {
  std::string l(v);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == "true";
}

aws::Error metadata_error(std::string_view code, std::string message, int status = 0) {
  return aws::make_error(std::string(code), std::move(message), status);
}

}  // namespace

MetadataOptions MetadataOptions::from_env(const Env& env, const SharedConfig* profile) {
  MetadataOptions o;
  if (auto e = non_empty(env, "AWS_EC2_METADATA_SERVICE_ENDPOINT"))
    o.endpoint = *e;
  else if (profile)
    if (auto p = profile->get("ec2_metadata_service_endpoint"); p && !p->empty()) o.endpoint = *p;
  if (auto d = env("AWS_EC2_METADATA_DISABLED")) o.disabled = is_true(*d);
  std::optional<std::string> timeout = non_empty(env, "AWS_METADATA_SERVICE_TIMEOUT");
  if (!timeout && profile) timeout = profile->get("metadata_service_timeout");
  if (timeout) {
    char* end = nullptr;
    double seconds = std::strtod(timeout->c_str(), &end);
    if (end != timeout->c_str() && seconds > 0)
      o.timeout = std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
  }
  return o;
}

InstanceMetadataClient::InstanceMetadataClient(MetadataOptions options)
    : options_(std::move(options)) {
  Result<http::Url> url = http::parse_url(options_.endpoint);
  if (url.ok())
    url_ = *url;
  else
    url_error_ =
        metadata_error(kInvalidMetadataEndpoint,
                       "Invalid endpoint EC2 Instance Metadata endpoint: " + options_.endpoint);
  if (!options_.transport) {
    http::TransportOptions t;
    t.connect_timeout = options_.timeout;
    t.read_timeout = options_.timeout;
    options_.transport = std::make_shared<http::HttpTransport>(t);
  }
}

Result<http::Response> InstanceMetadataClient::send(const std::string& method,
                                                    const std::string& path, aws::Headers headers) {
  if (options_.disabled)
    return metadata_error(kMetadataDisabled,
                          "the instance metadata service is disabled "
                          "(AWS_EC2_METADATA_DISABLED=true)");
  if (url_error_) return *url_error_;
  if (unreachable_) return *unreachable_;
  http::Request req;
  req.method = method;
  req.path = url_->base_path + "/latest/" + path;
  req.headers = std::move(headers);
  req.headers.emplace_back("User-Agent", "opsreg/0.1 (aws-cli-compatible)");
  Result<http::Response> res = options_.transport->send(*url_, req);
  if (!res.ok()) {
    unreachable_ =
        metadata_error(kMetadataUnavailable, "Could not reach the instance metadata service at " +
                                                 options_.endpoint + ": " + res.error().message);
    return *unreachable_;
  }
  return res;
}

Result<std::optional<std::string>> InstanceMetadataClient::token() {
  if (token_) return *token_;
  auto res =
      send("PUT", "api/token",
           {{"X-aws-ec2-metadata-token-ttl-seconds", std::to_string(options_.token_ttl_seconds)}});
  if (!res.ok()) return res.error();
  if (res->status == 200) {
    token_ = std::optional<std::string>(res->body);
  } else if (res->status == 400) {
    return metadata_error(kMetadataError,
                          "the instance metadata service refused the token request (400)", 400);
  } else {
    token_ = std::optional<std::string>();  // 403/404/405 and the rest: IMDSv1
  }
  return *token_;
}

Result<std::string> InstanceMetadataClient::get(std::string_view path) {
  for (int attempt = 0;; ++attempt) {
    auto tok = token();
    if (!tok.ok()) return tok.error();
    aws::Headers headers;
    if (*tok) headers.emplace_back("X-aws-ec2-metadata-token", **tok);
    auto res = send("GET", std::string(path), std::move(headers));
    if (!res.ok()) return res.error();
    if (res->status == 200) return res->body;
    if (res->status == 401 && attempt == 0) {
      token_.reset();  // expired or unknown token: one new one
      continue;
    }
    if (res->status == 404)
      return metadata_error(kMetadataNotFound,
                            "the instance metadata service has no /latest/" + std::string(path),
                            404);
    return metadata_error(
        kMetadataError,
        "GET /latest/" + std::string(path) + " returned HTTP " + std::to_string(res->status),
        res->status);
  }
}

Result<IdentityDocument> InstanceMetadataClient::identity_document() {
  auto text = get("dynamic/instance-identity/document");
  if (!text.ok()) return text.error();
  nlohmann::json j = parse_json_bounded(*text);
  if (!j.is_object())
    return metadata_error(kMetadataError, "the instance identity document is not a JSON object");
  IdentityDocument d;
  d.text = *text;
  d.account_id = string_member(j, "accountId");
  d.region = string_member(j, "region");
  d.availability_zone = string_member(j, "availabilityZone");
  d.instance_id = string_member(j, "instanceId");
  d.instance_type = string_member(j, "instanceType");
  d.image_id = string_member(j, "imageId");
  d.private_ip = string_member(j, "privateIp");
  return d;
}

Result<std::string> InstanceMetadataClient::identity_signature() {
  auto sig = get("dynamic/instance-identity/signature");
  if (!sig.ok()) return sig.error();
  std::string s = *sig;
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

Result<RoleCredentials> InstanceMetadataClient::role_credentials() {
  auto roles = get("meta-data/iam/security-credentials/");
  if (!roles.ok()) return roles.error();
  std::string role = roles->substr(0, roles->find('\n'));
  while (!role.empty() && std::isspace(static_cast<unsigned char>(role.back()))) role.pop_back();
  if (role.empty())
    return metadata_error(kMetadataNotFound, "no IAM role is attached to the instance", 404);
  auto body = get("meta-data/iam/security-credentials/" + role);
  if (!body.ok()) return body.error();
  nlohmann::json j = parse_json_bounded(*body);
  if (!j.is_object())
    return metadata_error(kMetadataError, "the credentials of role " + role + " are not JSON");
  RoleCredentials c;
  c.role_name = role;
  c.credentials.access_key_id = string_member(j, "AccessKeyId");
  c.credentials.secret_access_key = string_member(j, "SecretAccessKey");
  c.credentials.session_token = string_member(j, "Token");
  c.expiration = string_member(j, "Expiration");
  std::string code = string_member(j, "Code");
  if ((!code.empty() && code != "Success") || c.credentials.access_key_id.empty() ||
      c.credentials.secret_access_key.empty() || c.credentials.session_token.empty() ||
      c.expiration.empty())
    return metadata_error(kMetadataError,
                          "no credentials for role " + role + ": " +
                              (code.empty() ? "a credential field is missing"
                                            : code + ": " + string_member(j, "Message")));
  c.expires_at = parse_iso8601(c.expiration);
  return c;
}

namespace {

class InstanceProfileProvider final : public CredentialProvider {
 public:
  explicit InstanceProfileProvider(MetadataOptions options) : options_(std::move(options)) {}
  std::optional<Result<ResolvedCredentials>> load() const override {
    if (options_.disabled) return std::nullopt;
    InstanceMetadataClient client(options_);
    auto creds = client.role_credentials();
    if (!creds.ok()) {
      if (creds.error().is(kInvalidMetadataEndpoint))
        return Result<ResolvedCredentials>(creds.error());
      return std::nullopt;  // not on EC2, no role, or a broken answer: the next provider
    }
    return Result<ResolvedCredentials>(ResolvedCredentials{creds->credentials, "iam-role"});
  }

 private:
  MetadataOptions options_;
};

}  // namespace

std::unique_ptr<CredentialProvider> instance_profile_provider(MetadataOptions options) {
  return std::make_unique<InstanceProfileProvider>(std::move(options));
}

}  // namespace opsreg::config
