// The fake IAM on the wire (query protocol, XML responses in the 2010-05-08 namespace):
// users, groups, roles, instance profiles, access keys, inline and attached policies.
#pragma once

#include <memory>

#include "mocks/services/service.h"

namespace opsreg::mocks::iam {

std::unique_ptr<Service> make_service();

}  // namespace opsreg::mocks::iam
