// Operation names per protocol: the Action parameter, X-Amz-Target's operation, or S3's
// method, path and sub-resource read as S3 reads them.
#include "mocks/services/operation_name.h"

#include "core/aws/uri.h"

namespace opsreg::mocks {

aws::QueryParams query_params(const http::Request& request) {
  return request.method == "POST" ? aws::QueryParams::parse(request.body)
                                  : aws::QueryParams::parse(request.query);
}

std::string query_action(const http::Request& request) {
  return query_params(request).get_or("Action", "");
}

std::string json_operation(const http::Request& request) {
  std::string_view target = request.header("X-Amz-Target");
  size_t dot = target.find('.');
  return dot == std::string_view::npos ? "" : std::string(target.substr(dot + 1));
}

std::string s3_operation(const http::Request& request) {
  auto params = aws::parse_query(request.query);
  auto has = [&](std::string_view name) {
    for (const auto& [k, v] : params)
      if (k == name) return true;
    return false;
  };
  auto value = [&](std::string_view name) -> std::string {
    for (const auto& [k, v] : params)
      if (k == name) return v;
    return "";
  };
  std::string_view path = request.path;
  if (path.starts_with('/')) path.remove_prefix(1);
  // The first segment is the bucket, the rest the key (the S3 service parses paths alike).
  size_t slash = path.find('/');
  bool bucket = !path.empty() && slash != 0;
  bool key = bucket && slash != std::string_view::npos && slash + 1 < path.size();
  const std::string& m = request.method;
  if (!bucket) return m == "GET" ? "ListBuckets" : m;
  if (!key) {
    if (m == "GET" && has("location")) return "GetBucketLocation";
    if (m == "GET" && has("uploads")) return "ListMultipartUploads";
    if (m == "GET") return value("list-type") == "2" ? "ListObjectsV2" : "ListObjects";
    if (m == "PUT") return "CreateBucket";
    if (m == "DELETE") return "DeleteBucket";
    if (m == "HEAD") return "HeadBucket";
    if (m == "POST" && has("delete")) return "DeleteObjects";
    return m;
  }
  bool upload = has("uploadId");
  bool part = upload || has("partNumber");
  if (m == "GET") return upload ? "ListParts" : "GetObject";
  if (m == "HEAD") return upload ? "ListParts" : "HeadObject";
  if (m == "PUT") {
    if (!request.header("x-amz-copy-source").empty()) return part ? "UploadPartCopy" : "CopyObject";
    return part ? "UploadPart" : "PutObject";
  }
  if (m == "POST" && has("uploads")) return "CreateMultipartUpload";
  if (m == "POST" && upload) return "CompleteMultipartUpload";
  if (m == "DELETE") return upload ? "AbortMultipartUpload" : "DeleteObject";
  return m;
}

std::string operation_name(aws::Protocol protocol, const http::Request& request) {
  switch (protocol) {
    case aws::Protocol::kQuery:
    case aws::Protocol::kEc2:
      return query_action(request);
    case aws::Protocol::kJson:
      return json_operation(request);
    case aws::Protocol::kRestXml:
      return s3_operation(request);
  }
  return "";
}

}  // namespace opsreg::mocks
