// The IAM query service: its namespace and its operations, registered by each entity file
// (users.cc, groups.cc, access_keys.cc, policies.cc, roles.cc, instance_profiles.cc).
#include "mocks/services/iam/iam_service.h"

#include "mocks/services/iam/wire.h"
#include "mocks/services/query_service.h"

namespace opsreg::mocks::iam {

std::unique_ptr<Service> make_service() {
  QueryOperations ops;
  wire::add_user_operations(ops);
  wire::add_group_operations(ops);
  wire::add_access_key_operations(ops);
  wire::add_policy_operations(ops);
  wire::add_role_operations(ops);
  wire::add_instance_profile_operations(ops);
  return std::make_unique<QueryService>("iam", "https://iam.amazonaws.com/doc/2010-05-08/",
                                        std::move(ops));
}

}  // namespace opsreg::mocks::iam
