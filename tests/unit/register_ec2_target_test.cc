// Which EC2 instance `register --infrastructure-class ec2 TARGET` takes (docs/register.md,
// steps 3 and 6): DescribeInstances in the stack's region, by instance id, by private or public
// IPv4, or by Name tag; the VPC rule; none or several is an error in the AWS CLI's words; the
// address to connect to.
#include "tests/unit/register_ec2_fixture.h"

namespace opsreg::registration::testing_ec2 {
namespace {

using opsreg::testing::WireInstance;

WireInstance instance(const std::string& id, const std::string& private_ip,
                      const std::string& public_ip, const std::string& vpc = "",
                      const std::string& name = "") {
  WireInstance w;
  w.instance_id = id;
  w.private_ip = private_ip;
  w.public_ip = public_ip;
  w.vpc_id = vpc;
  w.name = name;
  return w;
}

bool has(const aws::Params& p, const std::string& k, const std::string& v) {
  for (const auto& kv : p)
    if (kv.first == k && kv.second == v) return true;
  return false;
}
bool has_key(const aws::Params& p, const std::string& k) {
  for (const auto& kv : p)
    if (kv.first == k) return true;
  return false;
}

TEST_F(RegisterEc2, InstanceIdTargetIsAskedForByInstanceIdInTheStacksRegion) {
  args.target = "i-0123456789abcdef0";
  ec2_instances({instance("i-0123456789abcdef0", "172.31.5.17", "54.194.252.215")});
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_EQ(ec2_regions, std::vector<std::string>{kStackRegion});
  aws::Params p = ec2_request();
  EXPECT_TRUE(has(p, "InstanceId.1", "i-0123456789abcdef0"));
  EXPECT_FALSE(has_key(p, "Filter.1.Name")) << "a stack without VPC sends no filter";
  EXPECT_EQ(wire->sent[2].origin, "https://ec2.us-west-2.amazonaws.com");
  EXPECT_EQ(r.outcome.ec2_instance_id, "i-0123456789abcdef0");
  EXPECT_EQ(recorded.addresses, std::vector<std::string>{"54.194.252.215"}) << "the public IP";
}

TEST_F(RegisterEc2, IpTargetMatchesThePrivateAddressAndIsTheAddressToConnectTo) {
  args.target = "172.31.5.17";
  ec2_instances({instance("i-0aaa", "172.31.9.9", "54.0.0.1"),
                 instance("i-0bbb", "172.31.5.17", "54.0.0.2")});
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_FALSE(has_key(ec2_request(), "InstanceId.1"));
  EXPECT_FALSE(has_key(ec2_request(), "Filter.1.Name")) << "no filter for an address";
  EXPECT_EQ(r.outcome.ec2_instance_id, "i-0bbb");
  EXPECT_EQ(recorded.addresses, std::vector<std::string>{"172.31.5.17"})
      << "TARGET's address, not the public one";
}

TEST_F(RegisterEc2, IpTargetMatchesThePublicAddress) {
  args.target = "54.0.0.2";
  ec2_instances({instance("i-0aaa", "172.31.9.9", "54.0.0.1"),
                 instance("i-0bbb", "172.31.5.17", "54.0.0.2")});
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_EQ(r.outcome.ec2_instance_id, "i-0bbb");
  EXPECT_EQ(recorded.addresses, std::vector<std::string>{"54.0.0.2"});
}

TEST_F(RegisterEc2, OtherTargetIsAFilterOnTheNameTag) {
  args.target = "web-1";
  ec2_instances({instance("i-0ccc", "172.31.1.1", "54.0.0.3", "", "web-1")});
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  aws::Params p = ec2_request();
  EXPECT_TRUE(has(p, "Filter.1.Name", "tag:Name"));
  EXPECT_TRUE(has(p, "Filter.1.Value.1", "web-1"));
  EXPECT_EQ(r.outcome.ec2_instance_id, "i-0ccc");
}

TEST_F(RegisterEc2, VpcStackFiltersOnItsVpcId) {
  stack("vpc-1a2b3c4d");
  args.target = "web-1";
  ec2_instances({instance("i-0ddd", "10.0.0.4", "54.0.0.4", "vpc-1a2b3c4d", "web-1")});
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  aws::Params p = ec2_request();
  EXPECT_TRUE(has(p, "Filter.1.Name", "vpc-id"));
  EXPECT_TRUE(has(p, "Filter.1.Value.1", "vpc-1a2b3c4d"));
  EXPECT_TRUE(has(p, "Filter.2.Name", "tag:Name"));
  EXPECT_EQ(r.outcome.ec2_instance_id, "i-0ddd");
}

TEST_F(RegisterEc2, StackWithoutVpcKeepsOnlyInstancesWithoutVpc) {
  args.target = "web-1";
  ec2_instances({instance("i-0vpc", "10.0.0.5", "54.0.0.5", "vpc-99999999", "web-1"),
                 instance("i-0classic", "10.0.0.6", "54.0.0.6", "", "web-1")});
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_EQ(r.outcome.ec2_instance_id, "i-0classic");
}

TEST_F(RegisterEc2, NoMatchIsDidNotFindAnyInstanceMatching) {
  args.target = "10.9.9.9";
  ec2_instances({instance("i-0aaa", "172.31.9.9", "54.0.0.1")});
  Report r = run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure->step, "describe-ec2-instance");
  EXPECT_EQ(message(r), "Did not find any instance matching 10.9.9.9.");
  EXPECT_EQ(iam_calls(), 0);
  EXPECT_TRUE(recorded.addresses.empty());
}

TEST_F(RegisterEc2, OnlyVpcInstancesForAStackWithoutVpcIsNoMatch) {
  args.target = "web-1";
  ec2_instances({instance("i-0vpc", "10.0.0.5", "54.0.0.5", "vpc-99999999", "web-1")});
  Report r = run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(message(r), "Did not find any instance matching web-1.");
}

TEST_F(RegisterEc2, SeveralMatchesAreFoundMultipleInstancesMatching) {
  args.target = "web";
  ec2_instances({instance("i-0aaa", "172.31.9.9", "54.0.0.1", "", "web"),
                 instance("i-0bbb", "172.31.9.8", "54.0.0.2", "", "web")});
  Report r = run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure->step, "describe-ec2-instance");
  EXPECT_EQ(message(r), "Found multiple instances matching web: i-0aaa, i-0bbb.");
  EXPECT_EQ(iam_calls(), 0);
}

TEST_F(RegisterEc2, NoPublicIpConnectsToThePrivateIpWithAWarning) {
  args.target = "i-0eee";
  ec2_instances({instance("i-0eee", "172.31.7.7", "")});
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_EQ(recorded.addresses, std::vector<std::string>{"172.31.7.7"});
  ASSERT_EQ(r.outcome.warnings.size(), 1u);
  EXPECT_EQ(r.outcome.warnings[0],
            "Instance does not have a public IP address. Trying to use the private address to "
            "connect.");
}

TEST_F(RegisterEc2, InstanceWithoutAnyAddressCannotBeReached) {
  args.target = "i-0fff";
  ec2_instances({instance("i-0fff", "", "")});
  Report r = run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(message(r), "The instance does not seem to have an IP address.");
  EXPECT_EQ(iam_calls(), 0);
}

TEST_F(RegisterEc2, Ec2ErrorFailsTheStepWithTheServicesCode) {
  args.target = "i-0123456789abcdef0";
  wire->error("DescribeInstances", aws::Protocol::kEc2, "InvalidInstanceID.NotFound",
              "The instance ID 'i-0123456789abcdef0' does not exist");
  Report r = run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure->step, "describe-ec2-instance");
  EXPECT_EQ(r.failure->error.code, "InvalidInstanceID.NotFound");
}

TEST_F(RegisterEc2, UserIsNamedAfterTheTargetAndThePreconfigImports) {
  args.target = "i-0123456789abcdef0";
  ec2_instances({instance("i-0123456789abcdef0", "172.31.5.17", "54.194.252.215")});
  opsworks_instances(nlohmann::json::array(
      {{{"InstanceId", "4d6d1710-ded9-42a1-b08e-b043ad7af1e2"},
        {"Hostname", "ip-172-31-5-17"},
        {"Status", "registered"},
        {"Ec2InstanceId", "i-0123456789abcdef0"},
        {"RegisteredBy",
         "arn:aws:iam::123456789012:user/AWS/OpsWorks/OpsWorks-MyStack-i-0123456789abcdef0"}}}));
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_EQ(r.outcome.iam_user_name, "OpsWorks-MyStack-i-0123456789abcdef0");
  EXPECT_EQ(r.outcome.instance_id, "4d6d1710-ded9-42a1-b08e-b043ad7af1e2");
  EXPECT_TRUE(preconfig_has(":import: true")) << recorded.script;
  EXPECT_TRUE(preconfig_has(":access_key_id: \"AKIAIOSFODNN7EXAMPLE\""));
  EXPECT_EQ(r.outcome.to_json()["Ec2InstanceId"], "i-0123456789abcdef0");
}

}  // namespace
}  // namespace opsreg::registration::testing_ec2
