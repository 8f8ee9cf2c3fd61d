// RegisterElasticIp, DeregisterElasticIp and DescribeElasticIps: the stack's Elastic IPs,
// registered from the world's EC2 hosts.
#include <set>

#include "mocks/opsworks/render_resources.h"
#include "mocks/opsworks/world_ec2.h"
#include "mocks/services/json_service.h"
#include "mocks/services/opsworks/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::opsworks {

namespace ji = json_input;

namespace {

Json render(const std::vector<ElasticIp>& ips) {
  Json out = Json::array();
  for (const ElasticIp& e : ips) out.push_back(to_json(e));
  return out;
}

Result<Json> register_elastic_ip(const Json& in, CallContext& ctx) {
  auto ip = ji::required_string(in, "ElasticIp");
  if (!ip.ok()) return ip.error();
  auto stack_id = ji::required_string(in, "StackId");
  if (!stack_id.ok()) return stack_id.error();
  if (Status s = authorize_on_stack(ctx, "opsworks:RegisterElasticIp", *stack_id); !s.ok())
    return s.error();
  auto ec2 = find_ec2_address(ctx.world().hosts(), *ip);
  if (!ec2) return not_found("Elastic IP", *ip);
  auto e = ctx.world().opsworks().register_elastic_ip(*stack_id, *ec2);
  if (!e.ok()) return e.error();
  return Json{{"ElasticIp", e->ip}};
}

Result<Json> deregister_elastic_ip(const Json& in, CallContext& ctx) {
  auto ip = ji::required_string(in, "ElasticIp");
  if (!ip.ok()) return ip.error();
  auto e = ctx.world().opsworks().elastic_ip(*ip);
  if (!e.ok()) return e.error();
  if (Status s = authorize_on_stack(ctx, "opsworks:DeregisterElasticIp", e->stack_id); !s.ok())
    return s.error();
  if (Status s = ctx.world().opsworks().deregister_elastic_ip(*ip); !s.ok()) return s.error();
  return Json::object();
}

// Exactly one of InstanceId, StackId and Ips, as DescribeVolumes.
Result<Json> describe_elastic_ips(const Json& in, CallContext& ctx) {
  auto instance_id = ji::optional_string(in, "InstanceId");
  if (!instance_id.ok()) return instance_id.error();
  auto stack_id = ji::optional_string(in, "StackId");
  if (!stack_id.ok()) return stack_id.error();
  auto ips = ji::optional_string_list(in, "Ips");
  if (!ips.ok()) return ips.error();
  bool has_ips = *ips && !(*ips)->empty();
  if (int(instance_id->has_value()) + int(stack_id->has_value()) + int(has_ips) != 1)
    return invalid(
        "Please provide either one or more Elastic IP addresses or one instance ID or one "
        "stack ID");
  OpsWorksModel& model = ctx.world().opsworks();
  if (*stack_id) {
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeElasticIps", **stack_id); !s.ok())
      return s.error();
    auto list = model.elastic_ips_of_stack(**stack_id);
    if (!list.ok()) return list.error();
    return Json{{"ElasticIps", render(*list)}};
  }
  if (*instance_id) {
    auto stack = model.stack_of_instance(**instance_id);
    if (!stack.ok()) return stack.error();
    if (Status s = authorize_on_stack(ctx, "opsworks:DescribeElasticIps", *stack); !s.ok())
      return s.error();
    auto list = model.elastic_ips_of_instance(**instance_id);
    if (!list.ok()) return list.error();
    return Json{{"ElasticIps", render(*list)}};
  }
  std::vector<ElasticIp> list;
  std::set<std::string> authorized;
  for (const std::string& ip : **ips) {
    auto e = model.elastic_ip(ip);
    if (!e.ok()) return e.error();
    if (authorized.insert(e->stack_id).second) {
      if (Status s = authorize_on_stack(ctx, "opsworks:DescribeElasticIps", e->stack_id); !s.ok())
        return s.error();
    }
    list.push_back(*e);
  }
  return Json{{"ElasticIps", render(list)}};
}

}  // namespace

void add_elastic_ip_operations(JsonOperations& ops) {
  ops.add("RegisterElasticIp", register_elastic_ip);
  ops.add("DeregisterElasticIp", deregister_elastic_ip);
  ops.add("DescribeElasticIps", describe_elastic_ips);
}

}  // namespace opsreg::mocks::opsworks
