// The S3 client (REST-XML, path-style addressing): any operation of s3_wire.h by botocore's
// name and members, and GetObject typed, for fetching what the agent installer fetches.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clients/aws_client.h"
#include "core/util/result.h"

namespace opsreg::clients {

struct S3Object {
  std::string body;
  std::string content_type;
  std::string etag;           // with its quotes, as sent
  std::string last_modified;  // HTTP date, as sent
  long long content_length = 0;
};

class S3Client {
 public:
  explicit S3Client(AwsClient client) : client_(std::move(client)) {}

  // Sends `operation` (s3_operation_names()) with `params` and returns what botocore returns
  // (s3_result), or the error as botocore reports it (s3_error). Errors also: "ParamValidation"
  // when the params do not fit the operation, before anything is sent.
  Result<nlohmann::json> call(const std::string& operation, const nlohmann::json& params);

  // GetObject of `key` in `bucket`; `range` is a Range header value such as "bytes=0-99".
  // NoSuchKey, NoSuchBucket, AccessDenied as S3 sends them.
  Result<S3Object> get_object(const std::string& bucket, const std::string& key,
                              const std::optional<std::string>& range = std::nullopt);

  AwsClient& raw() { return client_; }

 private:
  AwsClient client_;
};

}  // namespace opsreg::clients
