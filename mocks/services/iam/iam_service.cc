// The IAM query service: its namespace and action table, filled per entity by
// handlers_users.cc, handlers_groups.cc, handlers_access_keys.cc, handlers_policies.cc (users'
// and roles' policies), handlers_roles.cc and handlers_instance_profiles.cc.
#include "mocks/services/iam/iam_service.h"

#include "mocks/services/iam/wire.h"
#include "mocks/services/query_service.h"

namespace opsreg::mocks::iam {

namespace {

class IamService final : public QueryService {
 public:
  IamService() : QueryService("iam", "https://iam.amazonaws.com/doc/2010-05-08/") {
    wire::AddAction add = [this](std::string name, Action action) {
      add_action(std::move(name), std::move(action));
    };
    wire::add_user_actions(add);
    wire::add_group_actions(add);
    wire::add_access_key_actions(add);
    wire::add_policy_actions(add);
    wire::add_role_actions(add);
    wire::add_role_policy_actions(add);
    wire::add_instance_profile_actions(add);
  }
};

}  // namespace

std::unique_ptr<Service> make_service() { return std::make_unique<IamService>(); }

}  // namespace opsreg::mocks::iam
