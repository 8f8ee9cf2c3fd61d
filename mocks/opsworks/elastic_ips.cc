// Registered Elastic IPs: RegisterElasticIp (one stack at a time, the address in the stack's
// region), DeregisterElasticIp and the lookups behind DescribeElasticIps.
#include <algorithm>

#include "mocks/opsworks/model.h"

namespace opsreg::mocks::opsworks {

Result<ElasticIp> OpsWorksModel::register_elastic_ip(std::string_view stack_id,
                                                     const Ec2AddressFacts& ec2) {
  std::lock_guard lock(mu_);
  return register_elastic_ip_locked(stack_id, ec2);
}

// As for volumes, the "already registered" wording is ours (the API reference's rule).
Result<ElasticIp> OpsWorksModel::register_elastic_ip_locked(std::string_view stack_id,
                                                            const Ec2AddressFacts& ec2) {
  const Stack* stack = find_stack(stack_id);
  if (!stack) return not_found("stack", stack_id);
  if (ec2.region != stack->region) return not_found("Elastic IP", ec2.public_ip);
  for (const ElasticIp& e : elastic_ips_)
    if (e.ip == ec2.public_ip)
      return invalid("Elastic IP " + ec2.public_ip + " is already registered with stack " +
                     e.stack_id +
                     ". An address can be registered with only one stack at a time; "
                     "deregister it first");
  ElasticIp e;
  e.ip = ec2.public_ip;
  e.stack_id = stack->stack_id;
  e.domain = ec2.allocation_id.empty() ? "standard" : "vpc";
  e.region = ec2.region;
  for (const Instance& i : instances_)
    if (i.stack_id == e.stack_id && !ec2.ec2_instance_id.empty() &&
        i.ec2_instance_id == ec2.ec2_instance_id)
      e.instance_id = i.instance_id;
  elastic_ips_.push_back(e);
  return e;
}

Status OpsWorksModel::deregister_elastic_ip(std::string_view ip) {
  std::lock_guard lock(mu_);
  auto n = std::erase_if(elastic_ips_, [&](const ElasticIp& e) { return e.ip == ip; });
  if (n == 0) return not_found("Elastic IP", ip);
  return {};
}

Result<ElasticIp> OpsWorksModel::elastic_ip(std::string_view ip) const {
  std::lock_guard lock(mu_);
  for (const ElasticIp& e : elastic_ips_)
    if (e.ip == ip) return e;
  return not_found("Elastic IP", ip);
}

Result<std::vector<ElasticIp>> OpsWorksModel::elastic_ips_of_stack(
    std::string_view stack_id) const {
  std::lock_guard lock(mu_);
  if (!find_stack(stack_id)) return not_found("stack", stack_id);
  std::vector<ElasticIp> out;
  for (const ElasticIp& e : elastic_ips_)
    if (e.stack_id == stack_id) out.push_back(e);
  return out;
}

Result<std::vector<ElasticIp>> OpsWorksModel::elastic_ips_of_instance(
    std::string_view instance_id) const {
  std::lock_guard lock(mu_);
  bool known = std::any_of(instances_.begin(), instances_.end(),
                           [&](const Instance& i) { return i.instance_id == instance_id; });
  if (!known) return not_found("instance", instance_id);
  std::vector<ElasticIp> out;
  for (const ElasticIp& e : elastic_ips_)
    if (e.instance_id == instance_id) out.push_back(e);
  return out;
}

}  // namespace opsreg::mocks::opsworks
