// OpsWorks error values: codes, messages and HTTP statuses as OpsWorks Stacks returns them
// (declared and documented in errors.h).
#include "mocks/opsworks/errors.h"

namespace opsreg::mocks::opsworks {

aws::Error not_found(std::string_view kind, std::string_view id) {
  return aws::make_error("ResourceNotFoundException",
                         "Unable to find " + std::string(kind) + " with ID " + std::string(id),
                         400);
}

aws::Error invalid(std::string message) {
  return aws::make_error("ValidationException", std::move(message), 400);
}

aws::Error serialization(std::string message) {
  return aws::make_error("SerializationException", std::move(message), 400);
}

}  // namespace opsreg::mocks::opsworks
