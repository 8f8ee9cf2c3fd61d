// OpsWorks Elastic IPs: RegisterElasticIp of the world's addresses (one stack at a time),
// DescribeElasticIps' single selector and DeregisterElasticIp, with AWS's errors.
#include "tests/unit/opsworks_ec2_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksElasticIps = OpsWorksEc2Test;

TEST_F(OpsWorksElasticIps, RegisterElasticIpNeedsTheAddressToExist) {
  call("RegisterElasticIp", {{"StackId", kStackId}, {"ElasticIp", "198.51.100.77"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find Elastic IP with ID 198.51.100.77");
  call("RegisterElasticIp", {{"StackId", kStackId}});
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksElasticIps, RegisteredAddressIsDescribedWithItsDomain) {
  auto r = call("RegisterElasticIp", {{"StackId", kStackId}, {"ElasticIp", kEipVpc}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(r, (nlohmann::json{{"ElasticIp", kEipVpc}}));
  call("RegisterElasticIp", {{"StackId", kStackId}, {"ElasticIp", kEipClassic}});
  auto j = call("DescribeElasticIps", {{"StackId", kStackId}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(
      j["ElasticIps"],
      (nlohmann::json{{{"Ip", kEipVpc}, {"Domain", "vpc"}, {"Region", "us-east-1"}},
                      {{"Ip", kEipClassic}, {"Domain", "standard"}, {"Region", "us-east-1"}}}));
  EXPECT_EQ(call("DescribeElasticIps", {{"Ips", {kEipClassic}}})["ElasticIps"][0]["Ip"],
            kEipClassic);
}

TEST_F(OpsWorksElasticIps, AnAddressIsRegisteredWithOneStackAtATime) {
  call("RegisterElasticIp", {{"StackId", kStackId}, {"ElasticIp", kEipVpc}});
  call("RegisterElasticIp", {{"StackId", kStackId}, {"ElasticIp", kEipVpc}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(), std::string("Elastic IP ") + kEipVpc + " is already registered with stack " +
                           kStackId +
                           ". An address can be registered with only one stack at a time; "
                           "deregister it first");
}

TEST_F(OpsWorksElasticIps, AddressOfARegisteredEc2InstanceIsAssociatedWithIt) {
  std::string inst = register_ec2_host();
  call("RegisterElasticIp", {{"StackId", kStackId}, {"ElasticIp", kEipVpc}});
  auto j = call("DescribeElasticIps", {{"InstanceId", inst}});
  ASSERT_EQ(j["ElasticIps"].size(), 1u) << last.body;
  EXPECT_EQ(j["ElasticIps"][0]["InstanceId"], inst);
}

TEST_F(OpsWorksElasticIps, DescribeElasticIpsTakesExactlyOneSelector) {
  const std::string want =
      "Please provide either one or more Elastic IP addresses or one instance ID or one stack ID";
  call("DescribeElasticIps");
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(), want);
  call("DescribeElasticIps", {{"StackId", kStackId}, {"Ips", {kEipVpc}}});
  EXPECT_EQ(message(), want);
  call("DescribeElasticIps", {{"Ips", {kEipVpc}}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), std::string("Unable to find Elastic IP with ID ") + kEipVpc);
}

TEST_F(OpsWorksElasticIps, DeregisterElasticIpForgetsIt) {
  call("RegisterElasticIp", {{"StackId", kStackId}, {"ElasticIp", kEipVpc}});
  call("DeregisterElasticIp", {{"ElasticIp", kEipVpc}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(call("DescribeElasticIps", {{"StackId", kStackId}})["ElasticIps"],
            nlohmann::json::array());
  call("DeregisterElasticIp", {{"ElasticIp", kEipVpc}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
}

TEST_F(OpsWorksElasticIps, UserWithoutPolicyIsAccessDenied) {
  EdgeClient alice(*tw.edge, {kAliceKey, kAliceSecret, ""});
  http::Response r =
      alice.json("RegisterElasticIp", {{"StackId", kStackId}, {"ElasticIp", kEipVpc}});
  EXPECT_EQ(error_code(r), "AccessDeniedException");
  EXPECT_NE(r.body.find("opsworks:RegisterElasticIp"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace opsreg::testing
