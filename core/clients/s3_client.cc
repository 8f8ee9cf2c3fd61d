// S3 GetObject, path-style.
#include "core/clients/s3_client.h"

#include "core/aws/uri.h"

namespace opsreg::clients {

Result<S3Object> S3Client::get_object(const std::string& bucket, const std::string& key,
                                      const std::optional<std::string>& range) {
  http::Request req;
  req.method = "GET";
  req.path = "/" + aws::uri_encode(bucket) + "/" + aws::uri_encode(key, /*keep_slash=*/true);
  if (range) req.headers.emplace_back("Range", *range);
  Result<http::Response> res = client_.call(std::move(req), aws::Protocol::kRestXml);
  if (!res.ok()) return res.error();
  S3Object out;
  out.content_type = std::string(res->header("Content-Type"));
  out.etag = std::string(res->header("ETag"));
  out.last_modified = std::string(res->header("Last-Modified"));
  out.content_length = static_cast<long long>(res->body.size());
  out.body = std::move(res->body);
  return out;
}

}  // namespace opsreg::clients
