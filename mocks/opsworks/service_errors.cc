// Service errors: recording one for an instance (its LastServiceErrorId) and the lookups
// behind DescribeServiceErrors.
#include <algorithm>

#include "mocks/opsworks/model.h"

namespace opsreg::mocks::opsworks {

ServiceError OpsWorksModel::record_service_error_locked(Instance& inst, std::string type,
                                                        std::string message) {
  ServiceError e;
  e.service_error_id = ids_.uuid();
  e.stack_id = inst.stack_id;
  e.instance_id = inst.instance_id;
  e.type = std::move(type);
  e.message = std::move(message);
  e.created_at = clock_.now();
  service_errors_.push_back(e);
  inst.last_service_error_id = e.service_error_id;
  return e;
}

Result<ServiceError> OpsWorksModel::service_error(std::string_view service_error_id) const {
  std::lock_guard lock(mu_);
  for (const ServiceError& e : service_errors_)
    if (e.service_error_id == service_error_id) return e;
  return not_found("service error", service_error_id);
}

Result<std::vector<ServiceError>> OpsWorksModel::service_errors_of_stack(
    std::string_view stack_id) const {
  std::lock_guard lock(mu_);
  if (!find_stack(stack_id)) return not_found("stack", stack_id);
  std::vector<ServiceError> out;
  for (const ServiceError& e : service_errors_)
    if (e.stack_id == stack_id) out.push_back(e);
  return out;
}

Result<std::vector<ServiceError>> OpsWorksModel::service_errors_of_instance(
    std::string_view instance_id) const {
  std::lock_guard lock(mu_);
  bool known = std::any_of(instances_.begin(), instances_.end(),
                           [&](const Instance& i) { return i.instance_id == instance_id; });
  if (!known) return not_found("instance", instance_id);
  std::vector<ServiceError> out;
  for (const ServiceError& e : service_errors_)
    if (e.instance_id == instance_id) out.push_back(e);
  return out;
}

}  // namespace opsreg::mocks::opsworks
