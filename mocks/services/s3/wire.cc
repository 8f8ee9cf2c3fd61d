// What the S3 handlers share: request parsing, XML responses, the wire's errors, anonymous
// access and user metadata.
#include "mocks/services/s3/wire.h"

#include <algorithm>

namespace opsreg::mocks::s3 {

S3Request S3Request::parse(const http::Request& http) {
  S3Request r{http, "", "", aws::parse_query(http.query)};
  std::string_view path = http.path;
  if (path.starts_with('/')) path.remove_prefix(1);
  size_t slash = path.find('/');
  r.bucket = aws::uri_decode(path.substr(0, slash));
  if (slash != std::string_view::npos) r.key = aws::uri_decode(path.substr(slash + 1));
  return r;
}

bool S3Request::has(std::string_view name) const { return param(name).has_value(); }

std::optional<std::string> S3Request::param(std::string_view name) const {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return std::nullopt;
}

http::Response xml_response(std::string body, int status) {
  http::Response r;
  r.status = status;
  r.set_header("Content-Type", "application/xml");
  r.body = std::move(body);
  return r;
}

aws::Error access_denied() { return aws::make_error("AccessDenied", "Access Denied", 403); }

aws::Error not_implemented() {
  return aws::make_error(
      "NotImplemented", "A header you provided implies functionality that is not implemented", 501);
}

aws::Error method_not_allowed() {
  return aws::make_error("MethodNotAllowed",
                         "The specified method is not allowed against this resource.", 405);
}

Status authorize(CallContext& ctx, const Bucket& bucket, std::string_view action,
                 const std::string& resource, bool public_ok,
                 const std::map<std::string, std::string>& keys) {
  if (ctx.caller().anonymous) {
    if (public_ok && bucket.public_read) return {};
    return access_denied();
  }
  return ctx.authorize(action, resource, keys);
}

std::map<std::string, std::string> request_metadata(const http::Request& http) {
  constexpr std::string_view kMetaPrefix = "x-amz-meta-";
  std::map<std::string, std::string> metadata;
  for (const auto& [name, value] : http.headers) {
    std::string n(name);
    std::transform(n.begin(), n.end(), n.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (n.starts_with(kMetaPrefix)) metadata[n.substr(kMetaPrefix.size())] = value;
  }
  return metadata;
}

}  // namespace opsreg::mocks::s3
