// IAM error values.
#include "mocks/iam/errors.h"

#include <string>

namespace opsreg::mocks::iam {

aws::Error no_such_entity(std::string_view what, std::string_view name) {
  return aws::make_error(
      "NoSuchEntity",
      "The " + std::string(what) + " with name " + std::string(name) + " cannot be found.", 404);
}

aws::Error no_such_instance_profile(std::string_view name) {
  return aws::make_error("NoSuchEntity",
                         "Instance Profile " + std::string(name) + " cannot be found.", 404);
}

aws::Error instance_profile_already_exists(std::string_view name) {
  return aws::make_error("EntityAlreadyExists",
                         "Instance Profile " + std::string(name) + " already exists.", 409);
}

aws::Error no_such_access_key(std::string_view access_key_id) {
  return aws::make_error(
      "NoSuchEntity", "The Access Key with id " + std::string(access_key_id) + " cannot be found.",
      404);
}

aws::Error policy_not_attachable(std::string_view policy_arn) {
  return aws::make_error(
      "NoSuchEntity", "Policy " + std::string(policy_arn) + " does not exist or is not attachable.",
      404);
}

aws::Error policy_not_attached(std::string_view policy_arn) {
  return aws::make_error("NoSuchEntity", "Policy " + std::string(policy_arn) + " was not found.",
                         404);
}

aws::Error entity_already_exists(std::string_view what, std::string_view name) {
  return aws::make_error("EntityAlreadyExists",
                         std::string(what) + " with name " + std::string(name) + " already exists.",
                         409);
}

aws::Error delete_conflict(std::string_view what) {
  return aws::make_error("DeleteConflict",
                         "Cannot delete entity, must " + std::string(what) + " first.", 409);
}

aws::Error limit_exceeded(std::string_view message) {
  return aws::make_error("LimitExceeded", std::string(message), 409);
}

aws::Error invalid_input(std::string_view message) {
  return aws::make_error("InvalidInput", std::string(message), 400);
}

aws::Error validation_error(std::string message) {
  return aws::make_error("ValidationError", std::move(message), 400);
}

aws::Error access_key_already_exists(std::string_view access_key_id) {
  return aws::make_error("EntityAlreadyExists",
                         "Access key " + std::string(access_key_id) + " already exists.", 409);
}

}  // namespace opsreg::mocks::iam
