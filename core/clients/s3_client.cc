// S3 calls by operation name, and GetObject read into S3Object.
#include "core/clients/s3_client.h"

#include "core/clients/s3_wire.h"
#include "core/util/json_text.h"

namespace opsreg::clients {

Result<nlohmann::json> S3Client::call(const std::string& operation, const nlohmann::json& params) {
  auto request = s3_request(operation, params);
  if (!request.ok()) return request.error();
  auto response = client_.call(std::move(*request), aws::Protocol::kRestXml);
  if (!response.ok()) return s3_error(response.error());
  return s3_result(operation, *response);
}

Result<S3Object> S3Client::get_object(const std::string& bucket, const std::string& key,
                                      const std::optional<std::string>& range) {
  nlohmann::json params = {{"Bucket", bucket}, {"Key", key}};
  if (range) params["Range"] = *range;
  auto got = call("GetObject", params);
  if (!got.ok()) return got.error();
  S3Object out;
  out.body = string_member(*got, "Body");
  out.content_type = string_member(*got, "ContentType");
  out.etag = string_member(*got, "ETag");
  out.last_modified = string_member(*got, "LastModified");
  out.content_length = got->value("ContentLength", static_cast<long long>(out.body.size()));
  return out;
}

}  // namespace opsreg::clients
