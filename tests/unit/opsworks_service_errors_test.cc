// OpsWorks service errors: DescribeServiceErrors' single selector, the reserved mount point
// rule (opsworks::check_mount_points) and AssignInstance failing setup on a clash.
#include "mocks/opsworks/mount_points.h"
#include "tests/unit/opsworks_ec2_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksServiceErrors = OpsWorksEc2Test;
using mocks::opsworks::check_mount_points;
using mocks::opsworks::ReservedMountPoint;
using mocks::opsworks::VolumeMount;

const std::string kWebLayerClash =
    std::string("Setup failed: EBS volume ") + kVolData +
    " (device /dev/xvdg) is mounted on /mnt/data, a mount point reserved by layer web-app (" +
    kWebLayerId + ") in its VolumeConfigurations";

TEST(OpsWorksMountPoints, VarWwwAndTheLayersMountPointsAreReserved) {
  mocks::opsworks::Layer web;
  web.layer_id = "L1";
  web.name = "web";
  web.volume_configurations = {{{"MountPoint", "/data"}, {"NumberOfDisks", 1}, {"Size", 10}}};
  auto reserved = mocks::opsworks::reserved_mount_points({web});
  ASSERT_EQ(reserved.size(), 2u);
  EXPECT_EQ(reserved[0].mount_point, "/var/www");
  EXPECT_EQ(reserved[1].mount_point, "/data");
  EXPECT_EQ(reserved[1].reserved_by, "layer web (L1) in its VolumeConfigurations");
}

TEST(OpsWorksMountPoints, OnlyAVolumeMountedExactlyOnAReservedPointClashes) {
  std::vector<ReservedMountPoint> reserved = {{"/var/www", "OpsWorks Stacks"}, {"/data", "L"}};
  auto clashes = check_mount_points({{"/dev/xvdf", "vol-1", "/var/www/"},
                                     {"/dev/xvdg", "vol-2", "/var/www/html"},
                                     {"/dev/xvdh", "vol-3", ""},
                                     {"/dev/xvdi", "vol-4", "/data"}},
                                    reserved);
  ASSERT_EQ(clashes.size(), 2u);
  EXPECT_EQ(clashes[0].volume.ec2_volume_id, "vol-1");
  EXPECT_EQ(clashes[1].volume.ec2_volume_id, "vol-4");
  EXPECT_EQ(clashes[1].reserved.reserved_by, "L");
}

TEST_F(OpsWorksServiceErrors, AFreshStackHasNone) {
  auto j = call("DescribeServiceErrors", {{"StackId", kStackId}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(j, (nlohmann::json{{"ServiceErrors", nlohmann::json::array()}}));
}

TEST_F(OpsWorksServiceErrors, DescribeServiceErrorsTakesExactlyOneSelector) {
  const std::string want =
      "Please provide either one or more service error IDs or one stack ID or one instance ID";
  call("DescribeServiceErrors");
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(), want);
  call("DescribeServiceErrors", {{"StackId", kStackId}, {"InstanceId", "x"}});
  EXPECT_EQ(message(), want);
  call("DescribeServiceErrors", {{"ServiceErrorIds", {"nope"}}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find service error with ID nope");
  call("DescribeServiceErrors", {{"StackId", "nope"}});
  EXPECT_EQ(message(), "Unable to find stack with ID nope");
}

// AssignInstance succeeds (the real service runs setup afterwards, asynchronously); the setup
// in the new layer fails on the registered volume mounted where the layer wants its own.
TEST_F(OpsWorksServiceErrors, AssignIntoALayerReservingAVolumesMountPointFailsSetup) {
  std::string inst = register_ec2_host();
  auto s = setup(inst, {{"/dev/xvdg", "/mnt/data"}});
  ASSERT_EQ(s.value("Status", ""), "registered") << last.body;
  call("AssignInstance", {{"InstanceId", inst}, {"LayerIds", {kWebLayerId}}});
  ASSERT_EQ(last.status, 200) << last.body;

  auto i = call("DescribeInstances", {{"InstanceIds", {inst}}})["Instances"][0];
  EXPECT_EQ(i["Status"], "setup_failed");
  std::string error_id = i.value("LastServiceErrorId", "");
  ASSERT_FALSE(error_id.empty()) << i.dump();

  auto errors = call("DescribeServiceErrors", {{"InstanceId", inst}})["ServiceErrors"];
  ASSERT_EQ(errors.size(), 1u) << last.body;
  EXPECT_EQ(errors[0]["ServiceErrorId"], error_id);
  EXPECT_EQ(errors[0]["StackId"], kStackId);
  EXPECT_EQ(errors[0]["InstanceId"], inst);
  EXPECT_EQ(errors[0]["Type"], "setup");
  EXPECT_EQ(errors[0]["CreatedAt"], "2026-01-01T00:00:00+00:00");
  EXPECT_EQ(errors[0]["Message"],
            kWebLayerClash +
                ". The instance's setup in its layers failed; move the volume to another mount "
                "point (UpdateVolume) or unassign the instance");
  EXPECT_EQ(call("DescribeServiceErrors", {{"StackId", kStackId}})["ServiceErrors"], errors);
  EXPECT_EQ(call("DescribeServiceErrors", {{"ServiceErrorIds", {error_id}}})["ServiceErrors"],
            errors);
}

TEST_F(OpsWorksServiceErrors, AssignWithoutAClashLeavesTheStatusAlone) {
  std::string inst = register_ec2_host();
  setup(inst, {{"/dev/xvdh", "/srv/cache"}});
  call("AssignInstance", {{"InstanceId", inst}, {"LayerIds", {kWebLayerId}}});
  ASSERT_EQ(last.status, 200) << last.body;
  auto i = call("DescribeInstances", {{"InstanceIds", {inst}}})["Instances"][0];
  EXPECT_EQ(i["Status"], "registered");
  EXPECT_FALSE(i.contains("LastServiceErrorId"));
}

TEST_F(OpsWorksServiceErrors, UserWithoutPolicyIsAccessDenied) {
  EdgeClient alice(*tw.edge, {kAliceKey, kAliceSecret, ""});
  http::Response r = alice.json("DescribeServiceErrors", {{"StackId", kStackId}});
  EXPECT_EQ(error_code(r), "AccessDeniedException");
  EXPECT_NE(r.body.find("opsworks:DescribeServiceErrors"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace opsreg::testing
