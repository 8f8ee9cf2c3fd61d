// The fake S3 on the wire (REST-XML, path-style only): routes each request to its operation,
// answering HEAD errors without a body as S3 does.
#pragma once

#include <memory>

#include "mocks/services/service.h"

namespace opsreg::mocks::s3 {

std::unique_ptr<Service> make_service();

}  // namespace opsreg::mocks::s3
