// A typed STS client (query protocol): GetCallerIdentity, to learn who the credentials are.
#pragma once

#include <string>

#include "core/clients/aws_client.h"
#include "core/util/result.h"

namespace opsreg::clients {

struct CallerIdentity {
  std::string user_id;
  std::string account;
  std::string arn;
};

class StsClient {
 public:
  static constexpr const char* kApiVersion = "2011-06-15";
  explicit StsClient(AwsClient client) : client_(std::move(client)) {}

  Result<CallerIdentity> get_caller_identity();

  AwsClient& raw() { return client_; }

 private:
  AwsClient client_;
};

}  // namespace opsreg::clients
