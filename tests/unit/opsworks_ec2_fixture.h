// Shared set-up for the volume, Elastic IP, service error and initial setup tests: the default
// world plus an EC2 host (three EBS volumes, two Elastic IPs) and an IAM user without policy.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "mocks/ec2/identity.h"
#include "tests/support/edge_client.h"
#include "tests/unit/opsworks_fixture.h"

namespace opsreg::testing {

inline constexpr const char* kEc2Id = "i-0a1b2c3d4e5f60001";
inline constexpr const char* kVolWww = "vol-0a1b2c3d4e5f60001";    // /dev/xvdf, 20 GiB
inline constexpr const char* kVolData = "vol-0a1b2c3d4e5f60002";   // /dev/xvdg, 10 GiB
inline constexpr const char* kVolCache = "vol-0a1b2c3d4e5f60003";  // /dev/xvdh, 30 GiB io1
inline constexpr const char* kEipVpc = "54.210.0.99";              // eipalloc-0a1b2c3d
inline constexpr const char* kEipClassic = "54.210.0.98";          // no allocation id
inline constexpr const char* kAliceKey = "AKIAALICE00000000001";
inline constexpr const char* kAliceSecret = "alice/secret/key/00000000000000000000000";

inline nlohmann::json ec2_world() {
  auto j = nlohmann::json::parse(
      std::ifstream(std::string(OPSREG_SOURCE_DIR) + "/fixtures/worlds/default.json"));
  j["identities"] = {
      {{"user_name", "alice"}, {"access_key_id", kAliceKey}, {"secret_access_key", kAliceSecret}}};
  // The default world's on-premises hosts, and this EC2 host instead of the default ones.
  nlohmann::json hosts = nlohmann::json::array();
  for (const auto& h : j["hosts"])
    if (h.value("infrastructure", "on-premises") == "on-premises") hosts.push_back(h);
  j["hosts"] = hosts;
  j["hosts"].push_back({{"name", "ec2-web-1"},
                        {"private_ip", "172.31.5.10"},
                        {"public_ip", "54.210.0.10"},
                        {"infrastructure", "ec2"},
                        {"users", {{{"name", "ubuntu"}, {"password", "opsreg-ec2-web-1"}}}},
                        {"ec2",
                         {{"instance_id", kEc2Id},
                          {"vpc_id", "vpc-0a1b2c3d"},
                          {"volumes",
                           {{{"volume_id", kVolWww},
                             {"device", "/dev/xvdf"},
                             {"size", 20},
                             {"mount_point", "/var/www"}},
                            {{"volume_id", kVolData},
                             {"device", "/dev/xvdg"},
                             {"size", 10},
                             {"mount_point", "/mnt/data"}},
                            {{"volume_id", kVolCache},
                             {"device", "/dev/xvdh"},
                             {"size", 30},
                             {"volume_type", "io1"},
                             {"mount_point", "/srv/cache"}}}},
                          {"elastic_ips",
                           {{{"public_ip", kEipVpc}, {"allocation_id", "eipalloc-0a1b2c3d"}},
                            {{"public_ip", kEipClassic}}}}}}});
  return j;
}

class OpsWorksEc2Test : public ::testing::Test {
 protected:
  OpsWorksEc2Test() : tw(ec2_world()), client(*tw.edge, tw.world->operator_credentials()) {}

  nlohmann::json call(const std::string& op,
                      const nlohmann::json& body = nlohmann::json::object()) {
    last = client.json(op, body);
    return nlohmann::json::parse(last.body, nullptr, false);
  }
  std::string message() const {
    auto j = nlohmann::json::parse(last.body, nullptr, false);
    return j.is_object() ? j.value("message", "") : "";
  }
  // Registers the world's EC2 host (identity document of kEc2Id) with MyStack.
  std::string register_ec2_host() {
    nlohmann::json doc = {{"instanceId", kEc2Id},
                          {"region", "us-east-1"},
                          {"availabilityZone", "us-east-1a"},
                          {"instanceType", "t3.micro"}};
    auto j = call("RegisterInstance",
                  {{"StackId", kStackId},
                   {"Hostname", "ec2-web-1"},
                   {"PrivateIp", "172.31.5.10"},
                   {"PublicIp", "54.210.0.10"},
                   {"InstanceIdentity",
                    {{"Document", doc.dump()},
                     {"Signature", mocks::ec2::sign_identity_document(doc.dump()).value()}}}});
    EXPECT_EQ(last.status, 200) << last.body;
    return j.value("InstanceId", "");
  }
  // The agent's AgentInitialSetup with `mounts` as [device, mount point] pairs.
  nlohmann::json setup(const std::string& instance_id,
                       const std::vector<std::pair<std::string, std::string>>& mounts) {
    nlohmann::json m = nlohmann::json::array();
    for (const auto& [device, mount_point] : mounts)
      m.push_back({{"Device", device}, {"MountPoint", mount_point}});
    return call("AgentInitialSetup", {{"InstanceId", instance_id}, {"Mounts", m}});
  }

  TestWorld tw;
  EdgeClient client;
  http::Response last;
};

}  // namespace opsreg::testing
