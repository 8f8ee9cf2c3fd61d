// OpsWorks stacks: DescribeStacks, CreateStack, DeleteStack, DescribeStackProvisioningParameters
// and the world snapshot.
#include "tests/unit/opsworks_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksStacks = OpsWorksTest;

nlohmann::json create_stack_request(const std::string& name) {
  return {{"Name", name},
          {"Region", "eu-west-1"},
          {"ServiceRoleArn", "arn:aws:iam::123456789012:role/aws-opsworks-service-role"},
          {"DefaultInstanceProfileArn",
           "arn:aws:iam::123456789012:instance-profile/aws-opsworks-ec2-role"}};
}

TEST_F(OpsWorksStacks, DescribeStacksWithoutIdsListsTheDefaultWorldsStacks) {
  auto j = call("DescribeStacks");
  ASSERT_EQ(last.status, 200) << last.body;
  ASSERT_EQ(j["Stacks"].size(), 2u);  // MyStack, then VpcStack
  EXPECT_EQ(j["Stacks"][1]["VpcId"], "vpc-0a1b2c3d");
  const auto& s = j["Stacks"][0];
  EXPECT_EQ(s["StackId"], kStackId);
  EXPECT_EQ(s["Name"], "MyStack");
  EXPECT_EQ(s["Region"], "us-east-1");
  EXPECT_EQ(s["Arn"],
            std::string("arn:aws:opsworks:us-east-1:123456789012:stack/") + kStackId + "/");
  EXPECT_FALSE(s.contains("VpcId"));
  EXPECT_EQ(s["ConfigurationManager"], (nlohmann::json{{"Name", "Chef"}, {"Version", "11.10"}}));
  EXPECT_EQ(s["CreatedAt"], "2026-01-01T00:00:00+00:00");
  EXPECT_EQ(s["HostnameTheme"], "Layer_Dependent");
}

TEST_F(OpsWorksStacks, DescribeStacksByIdReturnsThatStack) {
  auto j = call("DescribeStacks", {{"StackIds", {kStackId}}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(j["Stacks"][0]["StackId"], kStackId);
}

TEST_F(OpsWorksStacks, DescribeStacksWithUnknownIdIsResourceNotFound) {
  call("DescribeStacks", {{"StackIds", {kStackId, "no-such-stack"}}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find stack with ID no-such-stack");
}

TEST_F(OpsWorksStacks, DescribeStacksWithEmptyIdListIsValidationException) {
  call("DescribeStacks", {{"StackIds", nlohmann::json::array()}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(), "Please provide no arguments or, one or more stack IDs");
}

TEST_F(OpsWorksStacks, CreateStackFillsDefaultsAndIsDescribed) {
  tw.world->advance(std::chrono::seconds(90));
  auto j = call("CreateStack", create_stack_request("Other"));
  ASSERT_EQ(last.status, 200) << last.body;
  std::string id = j["StackId"];
  auto d = call("DescribeStacks", {{"StackIds", {id}}});
  const auto& s = d["Stacks"][0];
  EXPECT_EQ(s["Name"], "Other");
  EXPECT_EQ(s["Region"], "eu-west-1");
  EXPECT_EQ(s["Arn"], "arn:aws:opsworks:eu-west-1:123456789012:stack/" + id + "/");
  EXPECT_EQ(s["HostnameTheme"], "Layer_Dependent");
  EXPECT_EQ(s["DefaultRootDeviceType"], "instance-store");
  EXPECT_EQ(s["UseOpsworksSecurityGroups"], true);
  EXPECT_EQ(s["UseCustomCookbooks"], false);
  EXPECT_EQ(s["CreatedAt"], "2026-01-01T00:01:30+00:00");
  EXPECT_EQ(call("DescribeStacks")["Stacks"].size(), 3u);
}

TEST_F(OpsWorksStacks, CreateStackWithoutNameIsValidationException) {
  auto req = create_stack_request("x");
  req.erase("Name");
  call("CreateStack", req);
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("Value null at 'name'"), std::string::npos) << message();
}

TEST_F(OpsWorksStacks, CreateStackWithVpcButNoSubnetIsValidationException) {
  auto req = create_stack_request("Vpc");
  req["VpcId"] = "vpc-0123abcd";
  call("CreateStack", req);
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("DefaultSubnetId"), std::string::npos) << message();
}

TEST_F(OpsWorksStacks, CreateStackWithUnknownHostnameThemeIsValidationException) {
  auto req = create_stack_request("Themed");
  req["HostnameTheme"] = "Pokemon";
  call("CreateStack", req);
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("Pokemon"), std::string::npos) << message();
}

TEST_F(OpsWorksStacks, CreateStackWithNonRoleServiceArnIsValidationException) {
  auto req = create_stack_request("BadRole");
  req["ServiceRoleArn"] = "arn:aws:iam::123456789012:user/alice";
  call("CreateStack", req);
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksStacks, CreateStackWithSixtyFiveCharacterNameIsValidationException) {
  call("CreateStack", create_stack_request(std::string(65, 'n')));
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksStacks, DeleteStackWithLayersIsValidationException) {
  call("DeleteStack", {{"StackId", kStackId}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("You must first delete all instances, layers, and apps"),
            std::string::npos)
      << message();
}

TEST_F(OpsWorksStacks, DeleteStackWithARegisteredInstanceIsRefusedUntilDeregistered) {
  std::string id = call("CreateStack", create_stack_request("Temp"))["StackId"];
  std::string inst = call("RegisterInstance", {{"StackId", id}})["InstanceId"];
  call("DeleteStack", {{"StackId", id}});
  EXPECT_EQ(error_code(last), "ValidationException");
  call("DeregisterInstance", {{"InstanceId", inst}});
  call("DeleteStack", {{"StackId", id}});
  EXPECT_EQ(last.status, 200) << last.body;
  call("DescribeStacks", {{"StackIds", {id}}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
}

TEST_F(OpsWorksStacks, DeleteUnknownStackIsResourceNotFound) {
  call("DeleteStack", {{"StackId", "nope"}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find stack with ID nope");
}

TEST_F(OpsWorksStacks, ProvisioningParametersPointAtTheEdge) {
  auto j = call("DescribeStackProvisioningParameters", {{"StackId", kStackId}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(j["AgentInstallerUrl"],
            "http://127.0.0.1:1/opsworks-instance-agent-us-east-1/"
            "installer/opsworks-agent-installer.tgz");
  const auto& p = j["Parameters"];
  EXPECT_EQ(p["assets_download_bucket"], "opsworks-instance-assets-us-east-1");
  EXPECT_EQ(p["instance_service_endpoint"], "127.0.0.1");
  EXPECT_EQ(p["instance_service_port"], "1");
  EXPECT_EQ(p["instance_service_region"], "us-east-1");
  EXPECT_EQ(p["instance_service_use_ssl"], "false");
  EXPECT_EQ(p["verbose"], "false");
  EXPECT_EQ(p["agent_installer_base_url"].get<std::string>() + "/" +
                p["agent_installer_tgz"].get<std::string>(),
            j["AgentInstallerUrl"]);
}

TEST_F(OpsWorksStacks, ProvisioningParametersOfUnknownStackIsResourceNotFound) {
  call("DescribeStackProvisioningParameters", {{"StackId", "nope"}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find stack with ID nope");
}

TEST_F(OpsWorksStacks, SnapshotHoldsStacksWithTheirLayersAndInstances) {
  register_on_premises("web1");
  nlohmann::json snap = tw.world->snapshot()["opsworks"];
  ASSERT_EQ(snap["stacks"].size(), 2u);  // MyStack, VpcStack
  const auto& s = snap["stacks"][0];
  EXPECT_EQ(s["Name"], "MyStack");
  EXPECT_EQ(s["StackId"], kStackId);
  EXPECT_EQ(s["Region"], "us-east-1");
  EXPECT_EQ(s["Layers"].size(), 2u);
  ASSERT_EQ(s["Instances"].size(), 1u);
  EXPECT_EQ(s["Instances"][0]["Hostname"], "web1");
}

TEST(OpsWorksWorldFile, StacksWithoutIdsGetDeterministicIds) {
  nlohmann::json world = {
      {"seed", 7},
      {"stacks",
       {{{"name", "A"}, {"layers", {{{"name", "l"}, {"shortname", "l"}, {"type", "custom"}}}}}}}};
  auto a = mocks::World::from_json(world, mocks::ClockMode::kVirtual);
  auto b = mocks::World::from_json(world, mocks::ClockMode::kVirtual);
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(b.ok());
  EXPECT_EQ((*a)->snapshot()["opsworks"], (*b)->snapshot()["opsworks"]);
  EXPECT_EQ((*a)->snapshot()["opsworks"]["stacks"][0]["Region"], "us-east-1");
}

TEST(OpsWorksWorldFile, UnknownKeyOrBadLayerIsAWorldFileError) {
  auto bad_key = mocks::World::from_json({{"stacks", {{{"name", "A"}, {"colour", "red"}}}}},
                                         mocks::ClockMode::kVirtual);
  ASSERT_FALSE(bad_key.ok());
  EXPECT_NE(bad_key.error().message.find("colour"), std::string::npos);
  auto bad_layer = mocks::World::from_json(
      {{"stacks",
        {{{"name", "A"},
          {"layers", {{{"name", "x"}, {"shortname", "bad name"}, {"type", "custom"}}}}}}}},
      mocks::ClockMode::kVirtual);
  ASSERT_FALSE(bad_layer.ok());
  EXPECT_NE(bad_layer.error().message.find("stacks[0].layers[0]"), std::string::npos)
      << bad_layer.error().message;
}

}  // namespace
}  // namespace opsreg::testing
