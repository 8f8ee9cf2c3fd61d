// EC2 registration without an IAM user (--use-instance-profile: no IAM call, no key in the
// preconfig) and with --local (the identity document's region must be the stack's, in the
// AWS CLI's words; no DescribeInstances).
#include "tests/unit/register_ec2_fixture.h"

namespace opsreg::registration::testing_ec2 {
namespace {

config::IdentityDocument document(const std::string& region) {
  config::IdentityDocument d;
  d.region = region;
  d.instance_id = "i-0local0000000000a";
  d.text = "{\"region\" : \"" + region + "\"}";
  return d;
}

TEST_F(RegisterEc2, UseInstanceProfileMakesNoIamCallAndWritesNoKey) {
  args.target = "i-0123456789abcdef0";
  args.use_instance_profile = true;
  opsreg::testing::WireInstance w;
  w.instance_id = "i-0123456789abcdef0";
  w.private_ip = "172.31.5.17";
  w.public_ip = "54.194.252.215";
  ec2_instances({w});
  opsworks_instances(nlohmann::json::array({{{"InstanceId", "4d6d1710-ded9-42a1-b08e-b043ad7af1e2"},
                                             {"Hostname", "ip-172-31-5-17"},
                                             {"Status", "registered"},
                                             {"Ec2InstanceId", "i-0123456789abcdef0"}}}));
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_EQ(iam_calls(), 0);
  EXPECT_TRUE(r.outcome.iam_user_name.empty());
  EXPECT_TRUE(preconfig_has(":import: true")) << recorded.script;
  EXPECT_EQ(recorded.script.find(":access_key_id:"), std::string::npos);
  EXPECT_EQ(recorded.script.find(":secret_access_key:"), std::string::npos);
  EXPECT_EQ(r.outcome.instance_id, "4d6d1710-ded9-42a1-b08e-b043ad7af1e2")
      << "found by its EC2 instance id";
  EXPECT_FALSE(r.outcome.to_json().contains("Policy"));
}

TEST_F(RegisterEc2, LocalRegionMismatchIsTheStacksAndTheInstancesRegionMustMatch) {
  args.local = true;
  identity = [] { return Result<config::IdentityDocument>(document("us-east-1")); };
  Report r = run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure->step, "check-region");
  EXPECT_EQ(message(r), "The stack's and the instance's region must match.");
  EXPECT_EQ(wire->count("DescribeInstances"), 0) << "--local never calls EC2";
  EXPECT_EQ(iam_calls(), 0);
}

TEST_F(RegisterEc2, LocalInTheStacksRegionRunsHereWithoutDescribeInstances) {
  args.local = true;
  args.use_instance_profile = true;
  identity = [] { return Result<config::IdentityDocument>(document(kStackRegion)); };
  opsworks_instances(nlohmann::json::array({{{"InstanceId", "i-opsworks"},
                                             {"Hostname", "ip-172-31-5-17"},
                                             {"Status", "registered"},
                                             {"Ec2InstanceId", "i-0local0000000000a"}}}));
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_EQ(wire->count("DescribeInstances"), 0);
  EXPECT_EQ(recorded.addresses, std::vector<std::string>{""}) << "local: no address";
  EXPECT_EQ(r.outcome.ec2_instance_id, "i-0local0000000000a");
  EXPECT_EQ(r.outcome.instance_id, "i-opsworks");
  EXPECT_TRUE(preconfig_has(":import: true"));
}

TEST_F(RegisterEc2, LocalWithoutAMetadataServiceFailsAtTheRegionCheck) {
  args.local = true;
  identity = [] {
    return Result<config::IdentityDocument>(aws::make_error(
        "MetadataServiceUnavailable",
        "Could not reach the instance metadata service at http://169.254.169.254: ...", 0));
  };
  Report r = run();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.failure->step, "check-region");
  EXPECT_EQ(r.failure->error.code, "MetadataServiceUnavailable");
}

TEST_F(RegisterEc2, LocalIamUserIsNamedAfterThisMachinesHostname) {
  args.local = true;
  identity = [] { return Result<config::IdentityDocument>(document(kStackRegion)); };
  opsworks_instances(nlohmann::json::array(
      {{{"InstanceId", "i-opsworks"},
        {"Hostname", "ip-172-31-5-17"},
        {"Status", "registered"},
        {"RegisteredBy",
         "arn:aws:iam::123456789012:user/AWS/OpsWorks/OpsWorks-MyStack-ip-172-31-5-17"}}}));
  Report r = run();
  ASSERT_TRUE(r.ok()) << r.failure->message();
  EXPECT_EQ(r.outcome.iam_user_name, "OpsWorks-MyStack-ip-172-31-5-17");
}

}  // namespace
}  // namespace opsreg::registration::testing_ec2
