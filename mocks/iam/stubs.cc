// Skeleton: the IAM work replaces this file.
#include "mocks/iam/model.h"

namespace opsreg::mocks::iam {
Result<User> IamModel::create_user(std::string_view, std::string_view) {
  return aws::make_error("NotImplemented", "not implemented yet");
}
Result<AccessKey> IamModel::import_access_key(std::string_view, std::string, std::string) {
  return aws::make_error("NotImplemented", "not implemented yet");
}
Status IamModel::put_user_policy(std::string_view, std::string_view, std::string_view) {
  return aws::make_error("NotImplemented", "not implemented yet");
}
}  // namespace opsreg::mocks::iam
