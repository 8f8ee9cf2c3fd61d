// OpsWorks volumes: RegisterVolume of the world's EC2 volumes (one stack at a time),
// DescribeVolumes' single selector, UpdateVolume and DeregisterVolume, with AWS's errors.
#include "tests/unit/opsworks_ec2_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksVolumes = OpsWorksEc2Test;

TEST_F(OpsWorksVolumes, RegisterVolumeNeedsTheEc2VolumeToExist) {
  call("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", "vol-0fffffffffffffff0"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find volume with ID vol-0fffffffffffffff0");
}

TEST_F(OpsWorksVolumes, RegisterVolumeOfAnUnknownStackIsNotFound) {
  call("RegisterVolume", {{"StackId", "nope"}, {"Ec2VolumeId", kVolCache}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find stack with ID nope");
  call("RegisterVolume", {{"Ec2VolumeId", kVolCache}});
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksVolumes, RegisteredVolumeIsDescribedWithItsEc2Facts) {
  auto r = call("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", kVolCache}});
  ASSERT_EQ(last.status, 200) << last.body;
  std::string id = r.value("VolumeId", "");
  EXPECT_EQ(id.size(), 36u);  // a GUID, not the EC2 id
  auto j = call("DescribeVolumes", {{"StackId", kStackId}});
  ASSERT_EQ(last.status, 200) << last.body;
  ASSERT_EQ(j["Volumes"].size(), 1u);
  EXPECT_EQ(j["Volumes"][0], (nlohmann::json{{"VolumeId", id},
                                             {"Ec2VolumeId", kVolCache},
                                             {"Status", "available"},
                                             {"Size", 30},
                                             {"Region", "us-east-1"},
                                             {"AvailabilityZone", "us-east-1a"},
                                             {"VolumeType", "io1"}}));
  EXPECT_EQ(call("DescribeVolumes", {{"VolumeIds", {id}}})["Volumes"], j["Volumes"]);
}

TEST_F(OpsWorksVolumes, AVolumeIsRegisteredWithOneStackAtATime) {
  call("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", kVolCache}});
  call("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", kVolCache}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(), std::string("Volume ") + kVolCache + " is already registered with stack " +
                           kStackId +
                           ". A volume can be registered with only one stack at a time; "
                           "deregister it first");
}

TEST_F(OpsWorksVolumes, VolumeOfARegisteredEc2InstanceIsAttachedToIt) {
  std::string inst = register_ec2_host();
  auto r = call("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", kVolData}});
  ASSERT_EQ(last.status, 200) << last.body;
  auto j = call("DescribeVolumes", {{"InstanceId", inst}});
  ASSERT_EQ(j["Volumes"].size(), 1u) << last.body;
  EXPECT_EQ(j["Volumes"][0]["VolumeId"], r["VolumeId"]);
  EXPECT_EQ(j["Volumes"][0]["InstanceId"], inst);
  EXPECT_EQ(j["Volumes"][0]["Device"], "/dev/xvdg");
  EXPECT_EQ(j["Volumes"][0]["Status"], "in-use");
}

TEST_F(OpsWorksVolumes, DescribeVolumesTakesExactlyOneSelector) {
  const std::string want =
      "Please provide either one or more volume IDs or one instance ID or one stack ID or one "
      "RAID array ID";
  call("DescribeVolumes");
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(), want);
  call("DescribeVolumes", {{"StackId", kStackId}, {"InstanceId", "x"}});
  EXPECT_EQ(message(), want);
  call("DescribeVolumes", {{"RaidArrayId", "r-1"}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  call("DescribeVolumes", {{"InstanceId", "nope"}});
  EXPECT_EQ(message(), "Unable to find instance with ID nope");
  call("DescribeVolumes", {{"VolumeIds", {"nope"}}});
  EXPECT_EQ(message(), "Unable to find volume with ID nope");
}

TEST_F(OpsWorksVolumes, UpdateVolumeSetsNameAndMountPoint) {
  std::string id = call("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", kVolCache}})
                       .value("VolumeId", "");
  call("UpdateVolume", {{"VolumeId", id}, {"Name", "cache"}, {"MountPoint", "/srv/cache"}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(last.body, "{}");
  auto v = call("DescribeVolumes", {{"VolumeIds", {id}}})["Volumes"][0];
  EXPECT_EQ(v["Name"], "cache");
  EXPECT_EQ(v["MountPoint"], "/srv/cache");
  call("UpdateVolume", {{"VolumeId", id}, {"Name", std::string(129, 'n')}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(), "Volume names can be a maximum of 128 characters");
}

TEST_F(OpsWorksVolumes, DeregisteredVolumeCanBeRegisteredAgain) {
  std::string id = call("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", kVolCache}})
                       .value("VolumeId", "");
  call("DeregisterVolume", {{"VolumeId", id}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(call("DescribeVolumes", {{"StackId", kStackId}})["Volumes"], nlohmann::json::array());
  call("DeregisterVolume", {{"VolumeId", id}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find volume with ID " + id);
  call("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", kVolCache}});
  EXPECT_EQ(last.status, 200) << last.body;
}

TEST_F(OpsWorksVolumes, UserWithoutPolicyIsAccessDenied) {
  EdgeClient alice(*tw.edge, {kAliceKey, kAliceSecret, ""});
  http::Response r =
      alice.json("RegisterVolume", {{"StackId", kStackId}, {"Ec2VolumeId", kVolCache}});
  EXPECT_EQ(error_code(r), "AccessDeniedException");
  EXPECT_NE(r.body.find("opsworks:RegisterVolume"), std::string::npos) << r.body;
  r = alice.json("DescribeVolumes", {{"StackId", kStackId}});
  EXPECT_EQ(error_code(r), "AccessDeniedException");
}

}  // namespace
}  // namespace opsreg::testing
