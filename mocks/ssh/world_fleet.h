// The fleet options that tie a world's hosts to the world an edge serves: its clock, account
// and launch time for the EC2 metadata services, and instance-profile role sessions from IAM.
#pragma once

#include "mocks/edge/edge.h"
#include "mocks/ssh/host_fleet.h"

namespace opsreg::mocks::ssh {

// Reads edge.world() at each use, so a world reset (admin API) is picked up. An EC2 host's
// metadata service hands out sessions of its instance profile's role (session name: the
// instance id, valid kRoleSessionDuration), issued by the world's IAM; a host without a role
// gets NoSuchEntity. Each host's SSH faults are the world's fault plan's for its name
// (world.faults().host_faults), and a slow host moves the world's clock. `edge` must outlive
// the fleet.
FleetOptions world_fleet_options(const Edge& edge);

}  // namespace opsreg::mocks::ssh
