// A world file's EC2 hosts ("infrastructure": "ec2" with an "ec2" object): defaults, and the
// ValidationError naming the host and field for each mistake.
#include <gtest/gtest.h>

#include "mocks/base/ec2_host.h"
#include "mocks/base/hosts.h"

namespace opsreg::mocks {
namespace {

using nlohmann::json;

json ec2_host() {
  return {{"name", "ec2-web-1"},
          {"private_ip", "172.31.5.10"},
          {"public_ip", "54.210.0.10"},
          {"infrastructure", "ec2"},
          {"users", {{{"name", "ubuntu"}, {"authorized_keys", {"ssh/user_ed25519.pub"}}}}},
          {"ec2",
           {{"instance_id", "i-0a1b2c3d4e5f60001"},
            {"vpc_id", "vpc-0a1b2c3d"},
            {"tags", {{"Name", "web-1"}}},
            {"instance_profile", {{"role", "opsworks-instance"}}},
            {"volumes",
             {{{"volume_id", "vol-0a1b2c3d4e5f60001"},
               {"device", "/dev/xvdf"},
               {"size", 20},
               {"mount_point", "/var/www"}}}},
            {"elastic_ips",
             {{{"public_ip", "54.210.0.99"}, {"allocation_id", "eipalloc-0a1b2c3d"}}}}}}};
}

std::string error_of(const json& host) {
  auto r = parse_hosts(json::array({host}), OPSREG_FIXTURES_DIR, "eu-west-1");
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.error().message;
}

TEST(WorldEc2Hosts, AnInstanceTakesTheWorldRegionAndItsFirstZone) {
  auto r = parse_hosts(json::array({ec2_host()}), OPSREG_FIXTURES_DIR, "eu-west-1");
  ASSERT_TRUE(r.ok()) << r.error().message;
  const WorldHost& h = (*r)[0];
  ASSERT_TRUE(h.ec2.has_value());
  EXPECT_EQ(h.ec2->instance_id, "i-0a1b2c3d4e5f60001");
  EXPECT_EQ(h.ec2->region, "eu-west-1");
  EXPECT_EQ(h.ec2->availability_zone, "eu-west-1a");
  EXPECT_EQ(h.ec2->state, "running");
  EXPECT_EQ(h.ec2->tags.at("Name"), "web-1");
  EXPECT_EQ(h.ec2->instance_profile_role, "opsworks-instance");
  ASSERT_EQ(h.ec2->volumes.size(), 1u);
  EXPECT_EQ(h.ec2->volumes[0].mount_point, "/var/www");
  EXPECT_EQ(h.ec2->volumes[0].size, 20);
  EXPECT_EQ(h.ec2->elastic_ips[0].allocation_id, "eipalloc-0a1b2c3d");
}

TEST(WorldEc2Hosts, AnEc2HostNeedsItsEc2Object) {
  json h = ec2_host();
  h.erase("ec2");
  EXPECT_EQ(error_of(h), "world file: hosts[0] (ec2-web-1): an ec2 host needs an \"ec2\" object");
}

TEST(WorldEc2Hosts, AnOnPremisesHostHasNoEc2Object) {
  json h = ec2_host();
  h["infrastructure"] = "on-premises";
  EXPECT_EQ(error_of(h),
            "world file: hosts[0] (ec2-web-1): \"ec2\" is only for \"infrastructure\": \"ec2\"");
}

TEST(WorldEc2Hosts, IdsMustHaveEc2Shapes) {
  json h = ec2_host();
  h["ec2"]["instance_id"] = "i-xyz";
  EXPECT_EQ(error_of(h),
            "world file: hosts[0] (ec2-web-1) ec2: \"instance_id\" must be i- and 8 or 17 hex "
            "digits");
  h = ec2_host();
  h["ec2"]["volumes"][0]["volume_id"] = "vol-1";
  EXPECT_EQ(error_of(h),
            "world file: hosts[0] (ec2-web-1) ec2 volumes[0]: \"volume_id\" must be vol- and 8 or "
            "17 hex digits");
}

TEST(WorldEc2Hosts, MountPointsAreAbsoluteAndDevicesUnique) {
  json h = ec2_host();
  h["ec2"]["volumes"][0]["mount_point"] = "var/www";
  EXPECT_EQ(error_of(h),
            "world file: hosts[0] (ec2-web-1) ec2 volumes[0]: \"mount_point\" must be an absolute "
            "path");
  h = ec2_host();
  json second = h["ec2"]["volumes"][0];
  second["volume_id"] = "vol-0a1b2c3d4e5f60002";
  h["ec2"]["volumes"].push_back(second);
  EXPECT_EQ(error_of(h),
            "world file: hosts[0] (ec2-web-1) ec2: two volumes are attached as /dev/xvdf");
}

TEST(WorldEc2Hosts, UnknownStateAndKeysAreRefused) {
  json h = ec2_host();
  h["ec2"]["state"] = "sleeping";
  EXPECT_NE(error_of(h).find("\"state\" must be one of pending, running"), std::string::npos);
  h = ec2_host();
  h["ec2"]["colour"] = "blue";
  EXPECT_EQ(error_of(h), "world file: hosts[0] (ec2-web-1) ec2: unknown key \"colour\"");
}

TEST(WorldEc2Hosts, AnInstanceIdBelongsToOneHost) {
  json a = ec2_host();
  json b = ec2_host();
  b["name"] = "ec2-web-2";
  b["private_ip"] = "172.31.5.11";
  b["public_ip"] = "54.210.0.11";
  b["ec2"]["volumes"] = json::array();
  b["ec2"]["elastic_ips"] = json::array();
  auto r = parse_hosts(json::array({a, b}), OPSREG_FIXTURES_DIR, "us-east-1");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "world file: hosts[1] (ec2-web-2): i-0a1b2c3d4e5f60001 is already used by hosts[0] "
            "(ec2-web-1)");
}

}  // namespace
}  // namespace opsreg::mocks
