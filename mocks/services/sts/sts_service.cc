// The STS query service: its namespace and its operations, registered by each entity file
// (caller_identity.cc, assume_role.cc).
#include "mocks/services/sts/sts_service.h"

#include "mocks/services/query_service.h"
#include "mocks/services/sts/wire.h"

namespace opsreg::mocks::sts {

std::unique_ptr<Service> make_service() {
  QueryOperations ops;
  add_caller_identity_operations(ops);
  add_assume_role_operations(ops);
  return std::make_unique<QueryService>("sts", "https://sts.amazonaws.com/doc/2011-06-15/",
                                        std::move(ops));
}

}  // namespace opsreg::mocks::sts
