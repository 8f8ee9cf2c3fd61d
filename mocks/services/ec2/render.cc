// XML of instances, volumes and addresses, element by element as EC2 sends them.
#include "mocks/services/ec2/render.h"

#include <algorithm>

#include "core/aws/crypto.h"
#include "core/clock/time_format.h"
#include "mocks/ec2/model.h"

namespace opsreg::mocks::ec2 {

namespace {

std::string hex_id(const std::string& prefix, const std::string& seed) {
  return prefix + aws::sha256_hex(seed).substr(0, 17);
}

void render_tags(aws::XmlWriter& w, const std::map<std::string, std::string>& tags) {
  if (tags.empty()) return;
  w.open("tagSet");
  for (const auto& [k, v] : tags) w.open("item").leaf("key", k).leaf("value", v).close();
  w.close();
}

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

}  // namespace

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

void render_volume(aws::XmlWriter& w, const WorldHost& host, const WorldVolume& v,
                   TimePoint attach_time) {
  const std::string at = format_iso8601_millis(attach_time);
  w.open("item")
      .leaf("volumeId", v.volume_id)
      .leaf("size", std::to_string(v.size))
      .leaf("snapshotId", "")
      .leaf("availabilityZone", host.ec2->availability_zone)
      .leaf("status", "in-use")
      .leaf("createTime", at);
  w.open("attachmentSet")
      .open("item")
      .leaf("volumeId", v.volume_id)
      .leaf("instanceId", host.ec2->instance_id)
      .leaf("device", v.device)
      .leaf("status", "attached")
      .leaf("attachTime", at)
      .leaf("deleteOnTermination", "false")
      .close()
      .close();
  w.leaf("volumeType", v.volume_type).leaf("encrypted", "false");
  if (v.volume_type == "gp3" || v.volume_type == "io1" || v.volume_type == "io2")
    w.leaf("iops", "3000");
  else if (v.volume_type == "gp2")
    w.leaf("iops", std::to_string(std::max(100, std::min(16000, 3 * v.size))));
  w.leaf("multiAttachEnabled", "false").close();
}

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

}  // namespace opsreg::mocks::ec2
