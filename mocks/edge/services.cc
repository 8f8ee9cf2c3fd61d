// The list of fake services the edge serves, and the operations each implements.
#include <map>

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

const std::map<std::string, std::vector<std::string>, std::less<>>& served_operations() {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kNames = [] {
    std::map<std::string, std::vector<std::string>, std::less<>> names;
    for (const auto& service : make_services())
      names[std::string(service->signing_name())] = service->operation_names();
    return names;
  }();
  return kNames;
}

const std::vector<std::string>& operation_names(std::string_view signing_name) {
  static const std::vector<std::string> kNone;
  auto it = served_operations().find(signing_name);
  return it == served_operations().end() ? kNone : it->second;
}

}  // namespace opsreg::mocks
