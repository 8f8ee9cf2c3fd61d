// Shared pieces of the S3 wire handlers (internal to mocks/s3): the parsed path-style request,
// XML responses, S3's authorization rule for anonymous callers, and one function per operation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/aws/uri.h"
#include "mocks/s3/model.h"
#include "mocks/services/service.h"

namespace opsreg::mocks::s3 {

inline constexpr char kXmlns[] = "http://s3.amazonaws.com/doc/2006-03-01/";

// A path-style request: /bucket/key, both percent-decoded; query parameters decoded.
struct S3Request {
  const http::Request& http;
  std::string bucket;  // empty for the service root (ListBuckets)
  std::string key;     // empty for bucket-level operations
  aws::Params params;

  bool has(std::string_view name) const;
  // The first value of `name`, or nullopt when the parameter is absent.
  std::optional<std::string> param(std::string_view name) const;
  std::string_view header(std::string_view name) const { return http.header(name); }
  std::string bucket_arn() const { return "arn:aws:s3:::" + bucket; }
  std::string object_arn() const { return "arn:aws:s3:::" + bucket + "/" + key; }
};

http::Response xml_response(std::string body, int status = 200);

aws::Error access_denied();
aws::Error malformed_xml();
aws::Error invalid_argument(std::string message);

// Authorizes `action` on `resource` for the caller. Anonymous callers get AccessDenied unless
// `public_ok` and the bucket is public-read (S3's public-read ACL: list and read objects).
Status authorize(CallContext& ctx, const Bucket& bucket, std::string_view action,
                 const std::string& resource, bool public_ok,
                 const std::map<std::string, std::string>& keys = {});

// Service and buckets (bucket_handlers.cc).
Result<http::Response> list_buckets(const S3Request& r, CallContext& ctx);
Result<http::Response> create_bucket(const S3Request& r, CallContext& ctx);
Result<http::Response> delete_bucket(const S3Request& r, CallContext& ctx);
Result<http::Response> head_bucket(const S3Request& r, CallContext& ctx);
Result<http::Response> get_bucket_location(const S3Request& r, CallContext& ctx);
// ListObjectsV2 (list-type=2) and ListObjects v1 (list_handlers.cc).
Result<http::Response> list_objects(const S3Request& r, CallContext& ctx);

// Objects (object_handlers.cc). get_object also answers HEAD (no body).
Result<http::Response> put_object(const S3Request& r, CallContext& ctx);
// The x-amz-meta-* headers of a request: lowercase names without the prefix.
std::map<std::string, std::string> request_metadata(const http::Request& http);
// CopyObject (PUT with x-amz-copy-source; copy_handlers.cc).
Result<http::Response> copy_object(const S3Request& r, CallContext& ctx);
Result<http::Response> get_object(const S3Request& r, CallContext& ctx);
Result<http::Response> delete_object(const S3Request& r, CallContext& ctx);
// DeleteObjects (POST /bucket?delete): per-key results, errors reported inline.
Result<http::Response> delete_objects(const S3Request& r, CallContext& ctx);

// Multipart uploads (multipart_handlers.cc).
Result<http::Response> create_multipart_upload(const S3Request& r, CallContext& ctx);
Result<http::Response> upload_part(const S3Request& r, CallContext& ctx);
Result<http::Response> complete_multipart_upload(const S3Request& r, CallContext& ctx);
Result<http::Response> abort_multipart_upload(const S3Request& r, CallContext& ctx);

}  // namespace opsreg::mocks::s3
