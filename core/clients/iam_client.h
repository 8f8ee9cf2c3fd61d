// A typed IAM client (query protocol, XML responses): the calls the register procedure
// makes (groups, users, policies, access keys) and the ones cleanup needs.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clients/aws_client.h"
#include "core/util/result.h"

namespace opsreg::clients {

struct IamUser {
  std::string path;
  std::string user_name;
  std::string user_id;
  std::string arn;
  std::string create_date;  // ISO 8601, as sent
};

struct IamGroup {
  std::string path;
  std::string group_name;
  std::string group_id;
  std::string arn;
  std::string create_date;
};

// CreateAccessKey's result: the only time the secret is returned. Never log it.
struct AccessKey {
  std::string user_name;
  std::string access_key_id;
  std::string secret_access_key;
  std::string status;  // "Active"
  std::string create_date;
};

struct AccessKeyMetadata {
  std::string user_name;
  std::string access_key_id;
  std::string status;
  std::string create_date;
};

class IamClient {
 public:
  static constexpr const char* kApiVersion = "2010-05-08";
  explicit IamClient(AwsClient client) : client_(std::move(client)) {}

  Result<IamGroup> create_group(const std::string& group_name, const std::string& path = "/");
  Result<IamUser> create_user(const std::string& user_name, const std::string& path = "/");
  Status add_user_to_group(const std::string& group_name, const std::string& user_name);
  Status attach_user_policy(const std::string& user_name, const std::string& policy_arn);
  Status put_user_policy(const std::string& user_name, const std::string& policy_name,
                         const std::string& policy_document);
  Result<AccessKey> create_access_key(const std::string& user_name);
  // Without a name: the calling user.
  Result<IamUser> get_user(const std::optional<std::string>& user_name = std::nullopt);

  Status delete_user(const std::string& user_name);
  Status delete_access_key(const std::string& user_name, const std::string& access_key_id);
  // Every key of the user (follows Marker across pages).
  Result<std::vector<AccessKeyMetadata>> list_access_keys(const std::string& user_name);
  Status remove_user_from_group(const std::string& group_name, const std::string& user_name);
  Status delete_user_policy(const std::string& user_name, const std::string& policy_name);
  Status detach_user_policy(const std::string& user_name, const std::string& policy_arn);

  AwsClient& raw() { return client_; }

 private:
  Result<http::Response> call(const std::string& action, const aws::Params& params);
  AwsClient client_;
};

}  // namespace opsreg::clients
