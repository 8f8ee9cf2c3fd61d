// OpsWorks layers: CreateLayer's rules, DescribeLayers' one-parameter rule, DeleteLayer.
#include "tests/unit/opsworks_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksLayers = OpsWorksTest;

nlohmann::json custom_layer(const std::string& name, const std::string& shortname) {
  return {{"StackId", kStackId}, {"Type", "custom"}, {"Name", name}, {"Shortname", shortname}};
}

TEST_F(OpsWorksLayers, DescribeLayersOfTheDefaultStack) {
  auto j = call("DescribeLayers", {{"StackId", kStackId}});
  ASSERT_EQ(last.status, 200) << last.body;
  ASSERT_EQ(j["Layers"].size(), 2u);
  const auto& web = j["Layers"][0];
  EXPECT_EQ(web["LayerId"], kWebLayerId);
  EXPECT_EQ(web["Name"], "web-app");
  EXPECT_EQ(web["Shortname"], "webapp");
  EXPECT_EQ(web["Type"], "custom");
  EXPECT_EQ(web["StackId"], kStackId);
  EXPECT_EQ(web["Arn"],
            std::string("arn:aws:opsworks:us-east-1:123456789012:layer/") + kWebLayerId);
  EXPECT_EQ(web["VolumeConfigurations"][0]["MountPoint"], "/mnt/data");
  EXPECT_EQ(web["DefaultSecurityGroupNames"][0], "AWS-OpsWorks-Custom-Server");
  EXPECT_EQ(j["Layers"][1]["Type"], "php-app");
}

TEST_F(OpsWorksLayers, DescribeLayersByIds) {
  auto j = call("DescribeLayers", {{"LayerIds", {kPhpLayerId}}});
  ASSERT_EQ(last.status, 200) << last.body;
  ASSERT_EQ(j["Layers"].size(), 1u);
  EXPECT_EQ(j["Layers"][0]["Shortname"], "php-app");
}

TEST_F(OpsWorksLayers, DescribeLayersWithoutStackOrIdsIsValidationException) {
  call("DescribeLayers");
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(), "Please provide one or more layer IDs or a stack ID");
}

TEST_F(OpsWorksLayers, DescribeUnknownLayerIsResourceNotFound) {
  call("DescribeLayers", {{"LayerIds", {"nope"}}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find layer with ID nope");
}

TEST_F(OpsWorksLayers, CreateCustomLayerWithVolumes) {
  auto req = custom_layer("db", "db");
  req["VolumeConfigurations"] = {
      {{"MountPoint", "/srv/db"}, {"NumberOfDisks", 2}, {"RaidLevel", 1}, {"Size", 100}}};
  req["CustomInstanceProfileArn"] = "arn:aws:iam::123456789012:instance-profile/db";
  auto j = call("CreateLayer", req);
  ASSERT_EQ(last.status, 200) << last.body;
  std::string id = j["LayerId"];
  auto d = call("DescribeLayers", {{"LayerIds", {id}}});
  const auto& l = d["Layers"][0];
  EXPECT_EQ(l["VolumeConfigurations"][0]["MountPoint"], "/srv/db");
  EXPECT_EQ(l["VolumeConfigurations"][0]["RaidLevel"], 1);
  EXPECT_EQ(l["CustomInstanceProfileArn"], "arn:aws:iam::123456789012:instance-profile/db");
  EXPECT_EQ(l["CreatedAt"], "2026-01-01T00:00:00+00:00");
  EXPECT_EQ(call("DescribeLayers", {{"StackId", kStackId}})["Layers"].size(), 3u);
}

TEST_F(OpsWorksLayers, SecondLayerOfABuiltInTypeIsValidationException) {
  call("CreateLayer",
       {{"StackId", kStackId}, {"Type", "php-app"}, {"Name", "php2"}, {"Shortname", "php2"}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("at most one layer of each built-in type"), std::string::npos)
      << message();
}

TEST_F(OpsWorksLayers, ManyCustomLayersAreAllowed) {
  call("CreateLayer", custom_layer("a", "a"));
  EXPECT_EQ(last.status, 200) << last.body;
  call("CreateLayer", custom_layer("b", "b"));
  EXPECT_EQ(last.status, 200) << last.body;
}

TEST_F(OpsWorksLayers, ShortnameWithSpaceIsValidationException) {
  call("CreateLayer", custom_layer("x", "bad name"));
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("Invalid shortname: bad name"), std::string::npos) << message();
}

TEST_F(OpsWorksLayers, ShortnameOfThirtyThreeCharactersIsValidationException) {
  call("CreateLayer", custom_layer("x", std::string(33, 's')));
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksLayers, ShortnameInUseInTheStackIsValidationException) {
  call("CreateLayer", custom_layer("another", "webapp"));
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("webapp is already in use"), std::string::npos) << message();
}

TEST_F(OpsWorksLayers, UnknownLayerTypeIsValidationException) {
  call("CreateLayer",
       {{"StackId", kStackId}, {"Type", "cobol-app"}, {"Name", "c"}, {"Shortname", "c"}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("cobol-app"), std::string::npos);
}

TEST_F(OpsWorksLayers, CreateLayerInUnknownStackIsResourceNotFound) {
  auto req = custom_layer("x", "x");
  req["StackId"] = "nope";
  call("CreateLayer", req);
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find stack with ID nope");
}

TEST_F(OpsWorksLayers, VolumeConfigurationWithoutSizeIsValidationException) {
  auto req = custom_layer("x", "x");
  req["VolumeConfigurations"] = {{{"MountPoint", "/srv"}, {"NumberOfDisks", 1}}};
  call("CreateLayer", req);
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("volumeConfigurations.1.member.size"), std::string::npos) << message();
}

TEST_F(OpsWorksLayers, BuiltInLayerInAChef12StackIsValidationException) {
  auto stack = call("CreateStack",
                    {{"Name", "Chef12"},
                     {"Region", "us-east-1"},
                     {"ServiceRoleArn", "arn:aws:iam::123456789012:role/r"},
                     {"DefaultInstanceProfileArn", "arn:aws:iam::123456789012:instance-profile/p"},
                     {"ConfigurationManager", {{"Name", "Chef"}, {"Version", "12"}}}});
  ASSERT_EQ(last.status, 200) << last.body;
  call("CreateLayer", {{"StackId", stack["StackId"]},
                       {"Type", "php-app"},
                       {"Name", "php"},
                       {"Shortname", "php-app"}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("Chef 12"), std::string::npos) << message();
}

TEST_F(OpsWorksLayers, DeleteLayerWithAnAssignedInstanceIsRefused) {
  std::string inst = register_on_premises("web1");
  call("AssignInstance", {{"InstanceId", inst}, {"LayerIds", {kWebLayerId}}});
  ASSERT_EQ(last.status, 200) << last.body;
  call("DeleteLayer", {{"LayerId", kWebLayerId}});
  EXPECT_EQ(error_code(last), "ValidationException");
  call("UnassignInstance", {{"InstanceId", inst}});
  call("DeleteLayer", {{"LayerId", kWebLayerId}});
  EXPECT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(call("DescribeLayers", {{"StackId", kStackId}})["Layers"].size(), 1u);
}

}  // namespace
}  // namespace opsreg::testing
