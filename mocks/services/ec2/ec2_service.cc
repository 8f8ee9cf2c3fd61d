// The EC2 service on the shared query base in EC2's dialect (Action=…&Version=2016-11-15, the
// <ActionResponse xmlns=…><requestId/>… envelope): its operations, registered by each entity
// file (instances.cc, volumes.cc, addresses.cc).
#include "mocks/services/ec2/ec2_service.h"

#include "mocks/services/ec2/wire.h"
#include "mocks/services/query_service.h"

namespace opsreg::mocks::ec2 {

std::unique_ptr<Service> make_service() {
  QueryOperations ops;
  add_instance_operations(ops);
  add_volume_operations(ops);
  add_address_operations(ops);
  return std::make_unique<QueryService>("ec2", "http://ec2.amazonaws.com/doc/2016-11-15/",
                                        std::move(ops), aws::Protocol::kEc2);
}

}  // namespace opsreg::mocks::ec2
