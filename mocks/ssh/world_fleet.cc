// world_fleet_options: the world's clock and IAM role sessions behind the fleet's metadata
// services, one place for `serve`, `register --mock`, tests and scenarios.
#include "mocks/ssh/world_fleet.h"

#include "mocks/ec2/handlers.h"
#include "mocks/imds/role_credentials.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::ssh {

FleetOptions world_fleet_options(const Edge& edge) {
  FleetOptions options;
  std::shared_ptr<World> world = edge.world();
  options.now = [&edge] { return edge.world()->now(); };
  options.account_id = world->account_id();
  options.launch_time = ec2::launch_time(*world);
  options.role_credentials = [&edge](const WorldHost& host,
                                     TimePoint now) -> Result<imds::RoleCredentials> {
    if (!host.ec2 || host.ec2->instance_profile_role.empty())
      return aws::make_error("NoSuchEntity", host.name + " has no instance profile", 404);
    auto session = edge.world()->iam().issue_role_session(
        host.ec2->instance_profile_role, host.ec2->instance_id, now,
        std::chrono::duration_cast<std::chrono::seconds>(imds::kRoleSessionDuration));
    if (!session.ok()) return session.error();
    return imds::RoleCredentials{session->credentials.access_key_id,
                                 session->credentials.secret_access_key,
                                 session->credentials.session_token, session->expiration};
  };
  options.faults = [&edge](const std::string& host) {
    return edge.world()->faults().host_faults(host);
  };
  options.advance_clock = [&edge](std::chrono::microseconds by) { edge.advance_clock(by); };
  return options;
}

}  // namespace opsreg::mocks::ssh
