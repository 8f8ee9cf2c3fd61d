// The fake EC2 on the wire (EC2 query protocol, signing name "ec2", API 2016-11-15):
// DescribeInstances, DescribeVolumes and DescribeAddresses over the world's EC2 hosts.
#pragma once

#include <memory>

#include "core/clock/clock.h"
#include "mocks/services/service.h"

namespace opsreg::mocks {
class World;
}

namespace opsreg::mocks::ec2 {

std::unique_ptr<Service> make_service();

// When the world's instances were launched (and their volumes attached): the world file's
// "clock" instant (2026-01-01T00:00:00Z by default), whatever the clock mode.
TimePoint launch_time(const World& world);

}  // namespace opsreg::mocks::ec2
