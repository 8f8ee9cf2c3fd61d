// The fake OpsWorks Stacks on the wire (JSON 1.1, target prefix OpsWorks_20130218, signing
// name "opsworks"): stacks, layers, registered instances.
#pragma once

#include <memory>

#include "mocks/services/service.h"

namespace opsreg::mocks::opsworks {

std::unique_ptr<Service> make_service();

}  // namespace opsreg::mocks::opsworks
