// The S3 wire folder's own header: the parsed path-style request, one add_<entity>_operations
// per entity file, and what the handlers share (XML responses, S3's rule for anonymous callers,
// the wire's own errors; the model's errors are mocks/s3/errors.h).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/aws/uri.h"
#include "mocks/s3/errors.h"
#include "mocks/s3/model.h"
#include "mocks/services/operations.h"
#include "mocks/services/service.h"

namespace opsreg::mocks::s3 {

inline constexpr char kXmlns[] = "http://s3.amazonaws.com/doc/2006-03-01/";

// A path-style request: /bucket/key, both percent-decoded; query parameters decoded.
struct S3Request {
  const http::Request& http;
  std::string bucket;  // empty for the service root (ListBuckets)
  std::string key;     // empty for bucket-level operations
  aws::Params params;

  // Splits the path into bucket and key and decodes the query.
  static S3Request parse(const http::Request& http);
  bool has(std::string_view name) const;
  // The first value of `name`, or nullopt when the parameter is absent.
  std::optional<std::string> param(std::string_view name) const;
  std::string_view header(std::string_view name) const { return http.header(name); }
  std::string bucket_arn() const { return "arn:aws:s3:::" + bucket; }
  std::string object_arn() const { return "arn:aws:s3:::" + bucket + "/" + key; }
};

using S3Handler = std::function<Result<http::Response>(const S3Request&, CallContext&)>;
using S3Operations = Operations<S3Handler>;

// Each registers its entity's handlers under the operation names of s3_operation()
// (mocks/services/operation_name.h).
void add_bucket_operations(S3Operations& ops);        // buckets.cc
void add_object_operations(S3Operations& ops);        // objects.cc
void add_copy_object_operations(S3Operations& ops);   // copy_object.cc
void add_list_objects_operations(S3Operations& ops);  // list_objects.cc
void add_multipart_operations(S3Operations& ops);     // multipart.cc

http::Response xml_response(std::string body, int status = 200);

// The wire's own errors. AccessDenied 403 "Access Denied" (S3 says no more to anyone).
aws::Error access_denied();
// NotImplemented 501: a sub-resource or operation of S3 this fake does not model.
aws::Error not_implemented();
// MethodNotAllowed 405: a method that names no operation on this resource.
aws::Error method_not_allowed();

// Authorizes `action` on `resource` for the caller. Anonymous callers get AccessDenied unless
// `public_ok` and the bucket is public-read (S3's public-read ACL: list and read objects).
Status authorize(CallContext& ctx, const Bucket& bucket, std::string_view action,
                 const std::string& resource, bool public_ok,
                 const std::map<std::string, std::string>& keys = {});

// The x-amz-meta-* headers of a request: lowercase names without the prefix.
std::map<std::string, std::string> request_metadata(const http::Request& http);

}  // namespace opsreg::mocks::s3
