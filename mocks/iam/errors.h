// IAM's errors, one function per AWS error code, worded and numbered as IAM returns them
// (codes, messages and HTTP statuses from the IAM API reference).
#pragma once

#include <string_view>

#include "core/util/error.h"

namespace opsreg::mocks::iam {

// NoSuchEntity 404: "The user with name X cannot be found." (`what` is "user", "group", "role",
// "user policy", "group policy", "role policy").
aws::Error no_such_entity(std::string_view what, std::string_view name);
// NoSuchEntity 404: "Instance Profile X cannot be found."
aws::Error no_such_instance_profile(std::string_view name);
// EntityAlreadyExists 409: "Instance Profile X already exists."
aws::Error instance_profile_already_exists(std::string_view name);
// NoSuchEntity 404: "The Access Key with id K cannot be found."
aws::Error no_such_access_key(std::string_view access_key_id);
// NoSuchEntity 404: "Policy ARN does not exist or is not attachable."
aws::Error policy_not_attachable(std::string_view policy_arn);
// NoSuchEntity 404: "Policy ARN was not found." (detaching a policy that is not attached)
aws::Error policy_not_attached(std::string_view policy_arn);
// EntityAlreadyExists 409: "User with name X already exists." (`what`: "User", "Group", "Role")
aws::Error entity_already_exists(std::string_view what, std::string_view name);
// DeleteConflict 409: "Cannot delete entity, must <what> first."
aws::Error delete_conflict(std::string_view what);
// LimitExceeded 409 with IAM's quota message.
aws::Error limit_exceeded(std::string_view message);
// InvalidInput 400.
aws::Error invalid_input(std::string_view message);
// ValidationError 400 with `message` ("1 validation error detected: Value 'x' at 'roleName'
// failed to satisfy constraint: ...", "Invalid Marker: ...").
aws::Error validation_error(std::string message);
// EntityAlreadyExists 409: "Access key K already exists." (a world file's imported key)
aws::Error access_key_already_exists(std::string_view access_key_id);

}  // namespace opsreg::mocks::iam
