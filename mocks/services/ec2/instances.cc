// EC2 DescribeInstances on the wire: the region's instances by id and filter, each in its own
// reservation, rendered element by element as EC2 sends them (botocore's ec2 2016-11-15 model).
#include "core/aws/xml_writer.h"
#include "core/clock/time_format.h"
#include "mocks/ec2/model.h"
#include "mocks/services/ec2/wire.h"
#include "mocks/world/world.h"

namespace opsreg::mocks::ec2 {

namespace {

void render_tags(aws::XmlWriter& w, const std::map<std::string, std::string>& tags) {
  if (tags.empty()) return;
  w.open("tagSet");
  for (const auto& [k, v] : tags) w.open("item").leaf("key", k).leaf("value", v).close();
  w.close();
}

// <item> of instancesSet, launched at `launch_time`.
void render_instance(aws::XmlWriter& w, const WorldHost& h, const std::string& account_id,
                     TimePoint launch_time) {
  const WorldEc2Instance& e = *h.ec2;
  const bool running = e.state == "running";
  const std::string launched = format_iso8601_millis(launch_time);
  w.open("item").leaf("instanceId", e.instance_id).leaf("imageId", e.image_id);
  w.open("instanceState")
      .leaf("code", std::to_string(state_code(e.state)))
      .leaf("name", e.state)
      .close();
  w.leaf("privateDnsName", running ? private_dns(h) : "");
  w.leaf("dnsName", running ? public_dns(h) : "");
  w.leaf("reason", "").leaf("amiLaunchIndex", "0").open("productCodes").close();
  w.leaf("instanceType", e.instance_type).leaf("launchTime", launched);
  w.open("placement")
      .leaf("availabilityZone", e.availability_zone)
      .leaf("groupName", "")
      .leaf("tenancy", "default")
      .close();
  w.open("monitoring").leaf("state", "disabled").close();
  w.leaf_if("subnetId", e.subnet_id).leaf_if("vpcId", e.vpc_id);
  w.leaf("privateIpAddress", h.private_ip);
  if (running) w.leaf_if("ipAddress", h.public_ip);
  w.leaf("sourceDestCheck", "true").open("groupSet").close();
  w.leaf("architecture", architecture_of(e.instance_type));
  w.leaf("rootDeviceType", "ebs").leaf("rootDeviceName", "/dev/xvda");
  w.open("blockDeviceMapping");
  for (const WorldVolume& v : e.volumes) {
    w.open("item").leaf("deviceName", v.device);
    w.open("ebs")
        .leaf("volumeId", v.volume_id)
        .leaf("status", "attached")
        .leaf("attachTime", launched)
        .leaf("deleteOnTermination", "false")
        .close();
    w.close();
  }
  w.close();
  w.leaf("virtualizationType", "hvm").leaf("clientToken", "");
  render_tags(w, e.tags);
  w.leaf("hypervisor", "xen").open("networkInterfaceSet").close();
  if (!e.instance_profile_role.empty())
    w.open("iamInstanceProfile")
        .leaf("arn", instance_profile_arn(account_id, e.instance_profile_role))
        .leaf("id", instance_profile_id(e.instance_profile_role))
        .close();
  w.leaf("ebsOptimized", "false").leaf("enaSupport", "true");
  w.open("metadataOptions")
      .leaf("state", "applied")
      .leaf("httpTokens", "required")
      .leaf("httpPutResponseHopLimit", "2")
      .leaf("httpEndpoint", "enabled")
      .close();
  w.close();
}

// <item> of reservationSet: reservationId, ownerId, groupSet, instancesSet with the instance.
void render_reservation(aws::XmlWriter& w, const WorldHost& host, const std::string& account_id,
                        TimePoint launch_time) {
  w.open("item")
      .leaf("reservationId", reservation_id(host.ec2->instance_id))
      .leaf("ownerId", account_id)
      .open("groupSet")
      .close()
      .open("instancesSet");
  render_instance(w, host, account_id, launch_time);
  w.close().close();
}

Result<std::string> describe_instances(const aws::QueryParams& params, CallContext& ctx) {
  if (Status s = authorize(ctx, params, "ec2:DescribeInstances"); !s.ok()) return s.error();
  auto ids = id_list(params, "InstanceId");
  if (!ids.ok()) return ids.error();
  auto filters = parse_filters(params);
  if (!filters.ok()) return filters.error();
  auto page_limits = PageLimits{"instancesSet", !ids->empty(), 1000, false};
  auto found = view_of(ctx).instances(*ids, *filters);
  if (!found.ok()) return found.error();
  auto page = paginate(params, found->size(), page_limits);
  if (!page.ok()) return page.error();
  aws::XmlWriter w(false);
  w.open("reservationSet");
  for (size_t i = page->begin; i < page->end; ++i)
    render_reservation(w, *(*found)[i], ctx.world().account_id(), ctx.world().launch_time());
  w.close();
  w.leaf_if("nextToken", page->next_token);
  return w.str();
}

}  // namespace

void add_instance_operations(QueryOperations& ops) {
  ops.add("DescribeInstances", describe_instances);
}

}  // namespace opsreg::mocks::ec2
