// OpsWorks service errors on the wire: DescribeServiceErrors, the errors recorded for a stack,
// for an instance, or by id (such as a failed initial setup).
#include <set>

#include "mocks/opsworks/render_resources.h"
#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace ji = json_input;

namespace {

Json render(const std::vector<ServiceError>& errors) {
  Json out = Json::array();
  for (const ServiceError& e : errors) out.push_back(to_json(e));
  return out;
}

// Exactly one of StackId, InstanceId and ServiceErrorIds ("This call accepts only one
// resource-identifying parameter"; none is refused too, as DescribeInstances does).
Result<Json> describe_service_errors(const Json& in, CallContext& ctx) {
  auto stack_id = ji::optional_string(in, "StackId");
  if (!stack_id.ok()) return stack_id.error();
  auto instance_id = ji::optional_string(in, "InstanceId");
  if (!instance_id.ok()) return instance_id.error();
  auto ids = ji::optional_string_list(in, "ServiceErrorIds");
  if (!ids.ok()) return ids.error();
  bool has_ids = *ids && !(*ids)->empty();
  if (int(stack_id->has_value()) + int(instance_id->has_value()) + int(has_ids) != 1)
    return invalid(
        "Please provide either one or more service error IDs or one stack ID or one instance "
        "ID");
  OpsWorksModel& model = ctx.world().opsworks();
  if (*stack_id) {
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeServiceErrors", **stack_id); !s.ok())
      return s.error();
    auto list = model.service_errors_of_stack(**stack_id);
    if (!list.ok()) return list.error();
    return Json{{"ServiceErrors", render(*list)}};
  }
  if (*instance_id) {
    auto stack = model.stack_of_instance(**instance_id);
    if (!stack.ok()) return stack.error();
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeServiceErrors", *stack); !s.ok())
      return s.error();
    auto list = model.service_errors_of_instance(**instance_id);
    if (!list.ok()) return list.error();
    return Json{{"ServiceErrors", render(*list)}};
  }
  std::vector<ServiceError> list;
  std::set<std::string> authorized;
  for (const std::string& id : **ids) {
    auto e = model.service_error(id);
    if (!e.ok()) return e.error();
    if (authorized.insert(e->stack_id).second) {
      if (Status s = authorize_on_stack(ctx, "opsworks:DescribeServiceErrors", e->stack_id);
          !s.ok())
        return s.error();
    }
    list.push_back(*e);
  }
  return Json{{"ServiceErrors", render(list)}};
}

}  // namespace

void add_service_error_operations(JsonOperations& ops) {
  ops.add("DescribeServiceErrors", describe_service_errors);
}

}  // namespace opsreg::mocks::opsworks
