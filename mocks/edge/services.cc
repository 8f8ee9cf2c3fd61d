// The list of fake services the edge serves.
#include "mocks/ec2/handlers.h"
#include "mocks/edge/edge.h"
#include "mocks/iam/handlers.h"
#include "mocks/opsworks/handlers.h"
#include "mocks/s3/handlers.h"
#include "mocks/sts/handlers.h"

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
