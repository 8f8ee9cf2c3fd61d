// The fake STS on the wire (query protocol): GetCallerIdentity, AssumeRole.
#pragma once

#include <memory>

#include "mocks/services/service.h"

namespace opsreg::mocks::sts {

std::unique_ptr<Service> make_service();

}  // namespace opsreg::mocks::sts
