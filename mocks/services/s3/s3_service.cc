// S3 routing: path-style /bucket/key plus the query's sub-resource pick the operation; the
// shared helpers of wire.h (request parsing, XML responses, anonymous access) live here too.
#include "mocks/services/s3/s3_service.h"

#include "mocks/services/s3/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::s3 {

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

aws::Error malformed_xml() {
  return aws::make_error("MalformedXML",
                         "The XML you provided was not well-formed or did not validate against "
                         "our published schema",
                         400);
}

aws::Error invalid_argument(std::string message) {
  return aws::make_error("InvalidArgument", std::move(message), 400);
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

namespace {

aws::Error not_implemented() {
  return aws::make_error(
      "NotImplemented", "A header you provided implies functionality that is not implemented", 501);
}

aws::Error method_not_allowed() {
  return aws::make_error("MethodNotAllowed",
                         "The specified method is not allowed against this resource.", 405);
}

// Sub-resources of real S3 that this fake does not model.
bool names_unsupported_subresource(const S3Request& r) {
  // clang-format off
  static constexpr std::string_view kUnsupported[] = {
      "acl", "policy", "versioning", "tagging", "cors", "lifecycle", "website", "logging",
      "notification", "replication", "encryption", "ownershipControls", "publicAccessBlock",
      "accelerate", "requestPayment", "object-lock", "retention", "legal-hold", "versions",
      "inventory", "analytics", "metrics", "intelligent-tiering", "torrent", "restore", "select",
      "attributes", "policyStatus"};
  // clang-format on
  for (std::string_view name : kUnsupported)
    if (r.has(name)) return true;
  return false;
}

Result<http::Response> route_bucket(const S3Request& r, CallContext& ctx) {
  const std::string& m = r.http.method;
  if (names_unsupported_subresource(r)) return not_implemented();
  if (m == "GET") {
    if (r.has("location")) return get_bucket_location(r, ctx);
    if (r.has("uploads")) return not_implemented();  // ListMultipartUploads
    return list_objects(r, ctx);
  }
  if (m == "PUT") return create_bucket(r, ctx);
  if (m == "DELETE") return delete_bucket(r, ctx);
  if (m == "HEAD") return head_bucket(r, ctx);
  if (m == "POST" && r.has("delete")) return delete_objects(r, ctx);
  return method_not_allowed();
}

Result<http::Response> route_object(const S3Request& r, CallContext& ctx) {
  const std::string& m = r.http.method;
  if (names_unsupported_subresource(r)) return not_implemented();
  bool upload = r.has("uploadId");
  if (m == "GET" || m == "HEAD") {
    if (upload) return not_implemented();  // ListParts
    return get_object(r, ctx);
  }
  if (m == "PUT") {
    if (!r.header("x-amz-copy-source").empty()) {
      if (upload || r.has("partNumber")) return not_implemented();  // UploadPartCopy
      return copy_object(r, ctx);
    }
    if (upload || r.has("partNumber")) return upload_part(r, ctx);
    return put_object(r, ctx);
  }
  if (m == "POST") {
    if (r.has("uploads")) return create_multipart_upload(r, ctx);
    if (upload) return complete_multipart_upload(r, ctx);
    return method_not_allowed();
  }
  if (m == "DELETE") return upload ? abort_multipart_upload(r, ctx) : delete_object(r, ctx);
  return method_not_allowed();
}

class S3Service final : public Service {
 public:
  std::string_view signing_name() const override { return "s3"; }
  aws::Protocol protocol() const override { return aws::Protocol::kRestXml; }
  bool accepts_anonymous() const override { return true; }

  Result<http::Response> handle(const http::Request& request, CallContext& ctx) override {
    Result<http::Response> result = dispatch(request, ctx);
    // S3 answers a failed HEAD with the status alone: there is no body to carry an error.
    if (!result.ok() && request.method == "HEAD") {
      http::Response r;
      r.status = result.error().http_status;
      r.set_header("Content-Type", "application/xml");
      return r;
    }
    return result;
  }

 private:
  static Result<http::Response> dispatch(const http::Request& request, CallContext& ctx) {
    S3Request r{request, "", "", aws::parse_query(request.query)};
    std::string_view path = request.path;
    if (path.starts_with('/')) path.remove_prefix(1);
    size_t slash = path.find('/');
    r.bucket = aws::uri_decode(path.substr(0, slash));
    if (slash != std::string_view::npos) r.key = aws::uri_decode(path.substr(slash + 1));
    if (r.bucket.empty()) {
      if (request.method == "GET") return list_buckets(r, ctx);
      return method_not_allowed();
    }
    if (r.key.empty()) return route_bucket(r, ctx);
    return route_object(r, ctx);
  }
};

}  // namespace

std::unique_ptr<Service> make_service() { return std::make_unique<S3Service>(); }

}  // namespace opsreg::mocks::s3
