// The fake EC2 on the wire (EC2 query protocol, signing name "ec2", API 2016-11-15):
// DescribeInstances, DescribeVolumes and DescribeAddresses over the world's EC2 hosts.
#pragma once

#include <memory>

#include "mocks/services/service.h"

namespace opsreg::mocks::ec2 {

std::unique_ptr<Service> make_service();

}  // namespace opsreg::mocks::ec2
