// The list of fake services the edge serves.
#include "mocks/edge/edge.h"
#include "mocks/services/ec2/ec2_service.h"
#include "mocks/services/iam/iam_service.h"
#include "mocks/services/opsworks/opsworks_service.h"
#include "mocks/services/s3/s3_service.h"
#include "mocks/services/sts/sts_service.h"

namespace opsreg::mocks {

std::vector<std::unique_ptr<Service>> make_services() {
  std::vector<std::unique_ptr<Service>> services;
  services.push_back(iam::make_service());
  services.push_back(sts::make_service());
  services.push_back(s3::make_service());
  services.push_back(opsworks::make_service());
  services.push_back(ec2::make_service());
  return services;
}

}  // namespace opsreg::mocks
