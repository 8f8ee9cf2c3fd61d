// EC2 DescribeAddresses on the wire: the region's Elastic IPs by public IP, allocation id and
// filter.
#include "core/aws/crypto.h"
#include "core/aws/xml_writer.h"
#include "mocks/ec2/model.h"
#include "mocks/services/ec2/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::ec2 {

namespace {

std::string hex_id(const std::string& prefix, const std::string& seed) {
  return prefix + aws::sha256_hex(seed).substr(0, 17);
}

// <item> of addressesSet.
void render_address(aws::XmlWriter& w, const WorldHost& host, const WorldElasticIp& a,
                    const std::string& account_id) {
  w.open("item").leaf("publicIp", a.public_ip);
  if (!a.allocation_id.empty()) w.leaf("allocationId", a.allocation_id);
  w.leaf("domain", address_domain(a)).leaf("instanceId", host.ec2->instance_id);
  if (!a.allocation_id.empty()) {
    w.leaf("associationId", hex_id("eipassoc-", "association/" + a.allocation_id));
    w.leaf("networkInterfaceId", hex_id("eni-", "eni/" + host.ec2->instance_id));
    w.leaf("networkInterfaceOwnerId", account_id);
    w.leaf("privateIpAddress", host.private_ip);
    w.leaf("publicIpv4Pool", "amazon").leaf("networkBorderGroup", host.ec2->region);
  }
  w.close();
}

Result<std::string> describe_addresses(const aws::QueryParams& params, CallContext& ctx) {
  if (Status s = authorize(ctx, params, "ec2:DescribeAddresses"); !s.ok()) return s.error();
  auto filters = parse_filters(params);
  if (!filters.ok()) return filters.error();
  auto public_ips = id_list(params, "PublicIp");
  if (!public_ips.ok()) return public_ips.error();
  auto allocation_ids = id_list(params, "AllocationId");
  if (!allocation_ids.ok()) return allocation_ids.error();
  auto found = view_of(ctx).addresses(*public_ips, *allocation_ids, *filters);
  if (!found.ok()) return found.error();
  aws::XmlWriter w(false);
  w.open("addressesSet");
  for (const auto& r : *found) render_address(w, *r.host, *r.address, ctx.world().account_id());
  w.close();
  return w.str();
}

}  // namespace

void add_address_operations(QueryOperations& ops) {
  ops.add("DescribeAddresses", describe_addresses);
}

}  // namespace opsreg::mocks::ec2
