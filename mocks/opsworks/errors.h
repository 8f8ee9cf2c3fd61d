// OpsWorks Stacks' errors, worded and numbered as the service returns them (400, JSON 1.1's
// __type). The model returns them; the wire (mocks/services/opsworks) uses the same ones.
#pragma once

#include <string>
#include <string_view>

#include "core/util/error.h"

namespace opsreg::mocks::opsworks {

// ResourceNotFoundException "Unable to find KIND with ID ID" (KIND: stack, layer, instance).
aws::Error not_found(std::string_view kind, std::string_view id);
// ValidationException with `message`.
aws::Error invalid(std::string message);
// SerializationException with `message`: a member of the wrong JSON type.
aws::Error serialization(std::string message);

}  // namespace opsreg::mocks::opsworks
