// OpsWorks registered instances: RegisterInstance, DescribeInstances, Assign/Unassign,
// Deregister, DescribeCommands.
#include <fstream>

#include "tests/unit/opsworks_fixture.h"

namespace opsreg::testing {
namespace {

using OpsWorksInstances = OpsWorksTest;

TEST_F(OpsWorksInstances, RegisterOnPremisesInstanceIsRegisteredAndUnassigned) {
  tw.world->advance(std::chrono::minutes(5));
  auto j = call("RegisterInstance", {{"StackId", kStackId},
                                     {"Hostname", "web1"},
                                     {"PrivateIp", "10.0.0.5"},
                                     {"PublicIp", "203.0.113.5"},
                                     {"RsaPublicKey", public_key_pem()},
                                     {"RsaPublicKeyFingerprint", "aa:bb:cc"}});
  ASSERT_EQ(last.status, 200) << last.body;
  std::string id = j["InstanceId"];
  auto d = call("DescribeInstances", {{"InstanceIds", {id}}});
  ASSERT_EQ(last.status, 200) << last.body;
  const auto& i = d["Instances"][0];
  EXPECT_EQ(i["InstanceId"], id);
  EXPECT_EQ(i["StackId"], kStackId);
  EXPECT_EQ(i["Hostname"], "web1");
  EXPECT_EQ(i["Status"], "registered");
  EXPECT_EQ(i["InfrastructureClass"], "on-premises");
  EXPECT_EQ(i["RegisteredBy"], "arn:aws:iam::123456789012:root");
  EXPECT_EQ(i["PrivateIp"], "10.0.0.5");
  EXPECT_EQ(i["PublicIp"], "203.0.113.5");
  EXPECT_EQ(i["LayerIds"], nlohmann::json::array());
  EXPECT_EQ(i["CreatedAt"], "2026-01-01T00:05:00+00:00");
  EXPECT_EQ(i["Arn"], "arn:aws:opsworks:us-east-1:123456789012:instance/" + id);
  EXPECT_FALSE(i.contains("Ec2InstanceId"));
  EXPECT_EQ(last.body.find("BEGIN PUBLIC KEY"), std::string::npos) << "the key is not returned";
}

TEST_F(OpsWorksInstances, InstanceIdentityNamingAnInstanceMakesItEc2) {
  std::string id = register_ec2("i-0123456789abcdef0", "ec2host");
  auto i = call("DescribeInstances", {{"InstanceIds", {id}}})["Instances"][0];
  EXPECT_EQ(i["InfrastructureClass"], "ec2");
  EXPECT_EQ(i["Ec2InstanceId"], "i-0123456789abcdef0");
  EXPECT_EQ(i["AvailabilityZone"], "us-east-1a");
}

TEST_F(OpsWorksInstances, RegisteringTheSameEc2InstanceTwiceIsValidationException) {
  register_ec2("i-0123456789abcdef0", "one");
  nlohmann::json doc = {{"instanceId", "i-0123456789abcdef0"}};
  call("RegisterInstance",
       {{"StackId", kStackId}, {"Hostname", "two"}, {"InstanceIdentity", signed_identity(doc)}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("already registered"), std::string::npos) << message();
}

TEST_F(OpsWorksInstances, InstanceIdentityWithABadSignatureIsValidationException) {
  nlohmann::json identity = signed_identity({{"instanceId", "i-0123456789abcdef0"}});
  identity["Document"] = nlohmann::json({{"instanceId", "i-0fedcba9876543210"}}).dump();
  call("RegisterInstance",
       {{"StackId", kStackId}, {"Hostname", "forged"}, {"InstanceIdentity", identity}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("InstanceIdentity could not be validated"), std::string::npos)
      << message();
  call("RegisterInstance", {{"StackId", kStackId},
                            {"Hostname", "unsigned"},
                            {"InstanceIdentity", {{"Document", identity["Document"]}}}});
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksInstances, SignedIdentityDocumentFromImdsGivesTheEc2Fields) {
  const mocks::WorldHost* host = nullptr;
  for (const auto& h : tw.world->hosts())
    if (h.name == "ec2-vpc-1") host = &h;
  ASSERT_NE(host, nullptr);
  std::string doc = mocks::ec2::identity_document(*host, "123456789012", tw.world->now());
  auto sig = mocks::ec2::sign_identity_document(doc);
  ASSERT_TRUE(sig.ok());
  auto j =
      call("RegisterInstance", {{"StackId", kStackId},
                                {"Hostname", "ec2-vpc-1"},
                                {"InstanceIdentity", {{"Document", doc}, {"Signature", *sig}}}});
  ASSERT_EQ(last.status, 200) << last.body;
  auto i = call("DescribeInstances", {{"InstanceIds", {j["InstanceId"]}}})["Instances"][0];
  EXPECT_EQ(i["InfrastructureClass"], "ec2");
  EXPECT_EQ(i["Ec2InstanceId"], host->ec2->instance_id);
  EXPECT_EQ(i["AvailabilityZone"], host->ec2->availability_zone);
  EXPECT_EQ(i["InstanceType"], host->ec2->instance_type);
  EXPECT_EQ(i["Architecture"], "x86_64");
}

TEST_F(OpsWorksInstances, HostnameMustBeUniqueInTheStackIgnoringCase) {
  register_on_premises("web1");
  call("RegisterInstance", {{"StackId", kStackId}, {"Hostname", "WEB1"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("Hostnames must be unique within a stack"), std::string::npos)
      << message();
}

TEST_F(OpsWorksInstances, HostnameOfSixtyFourCharactersIsValidationException) {
  call("RegisterInstance", {{"StackId", kStackId}, {"Hostname", std::string(64, 'h')}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("Invalid hostname"), std::string::npos) << message();
}

TEST_F(OpsWorksInstances, HostnameWithUnderscoreIsValidationException) {
  call("RegisterInstance", {{"StackId", kStackId}, {"Hostname", "web_1"}});
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksInstances, HostnameOfSixtyThreeCharactersIsAccepted) {
  register_on_premises(std::string(63, 'h'));
}

TEST_F(OpsWorksInstances, MissingHostnameIsGeneratedFromTheTheme) {
  std::string a = call("RegisterInstance", {{"StackId", kStackId}})["InstanceId"];
  std::string b = call("RegisterInstance", {{"StackId", kStackId}})["InstanceId"];
  auto d = call("DescribeInstances", {{"InstanceIds", {a, b}}});
  EXPECT_EQ(d["Instances"][0]["Hostname"], "instance-1");
  EXPECT_EQ(d["Instances"][1]["Hostname"], "instance-2");
}

TEST_F(OpsWorksInstances, RegisterWithoutStackIdIsValidationException) {
  call("RegisterInstance", {{"Hostname", "web1"}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("'stackId'"), std::string::npos);
}

TEST_F(OpsWorksInstances, RegisterWithUnknownStackIsResourceNotFound) {
  call("RegisterInstance", {{"StackId", "nope"}, {"Hostname", "web1"}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find stack with ID nope");
}

TEST_F(OpsWorksInstances, DescribeInstancesByStackAndByLayer) {
  std::string a = register_on_premises("a");
  register_on_premises("b");
  call("AssignInstance", {{"InstanceId", a}, {"LayerIds", {kWebLayerId}}});
  EXPECT_EQ(call("DescribeInstances", {{"StackId", kStackId}})["Instances"].size(), 2u);
  auto by_layer = call("DescribeInstances", {{"LayerId", kWebLayerId}});
  ASSERT_EQ(by_layer["Instances"].size(), 1u);
  EXPECT_EQ(by_layer["Instances"][0]["InstanceId"], a);
}

TEST_F(OpsWorksInstances, DescribeInstancesWithTwoIdentifyingParametersIsValidationException) {
  call("DescribeInstances", {{"StackId", kStackId}, {"LayerId", kWebLayerId}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_EQ(message(),
            "Please provide either one or more instance IDs or one stack ID or one layer ID");
}

TEST_F(OpsWorksInstances, DescribeInstancesWithoutParametersIsValidationException) {
  call("DescribeInstances");
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksInstances, DescribeUnknownInstanceIsResourceNotFound) {
  call("DescribeInstances", {{"InstanceIds", {"nope"}}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find instance with ID nope");
}

TEST_F(OpsWorksInstances, AssignOnPremisesInstanceToBuiltInLayer) {
  std::string id = register_on_premises("web1");
  call("AssignInstance", {{"InstanceId", id}, {"LayerIds", {kPhpLayerId}}});
  ASSERT_EQ(last.status, 200) << last.body;
  auto i = call("DescribeInstances", {{"InstanceIds", {id}}})["Instances"][0];
  EXPECT_EQ(i["LayerIds"], nlohmann::json::array({kPhpLayerId}));
  EXPECT_EQ(i["Status"], "registered");
}

TEST_F(OpsWorksInstances, AssignEc2InstanceToBuiltInLayerIsValidationException) {
  std::string id = register_ec2("i-0abc", "ec2host");
  call("AssignInstance", {{"InstanceId", id}, {"LayerIds", {kPhpLayerId}}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("only to custom layers"), std::string::npos) << message();
  call("AssignInstance", {{"InstanceId", id}, {"LayerIds", {kWebLayerId}}});
  EXPECT_EQ(last.status, 200) << last.body;
}

TEST_F(OpsWorksInstances, AssignToLayerOfAnotherStackIsValidationException) {
  auto stack =
      call("CreateStack",
           {{"Name", "Other"},
            {"Region", "us-east-1"},
            {"ServiceRoleArn", "arn:aws:iam::123456789012:role/r"},
            {"DefaultInstanceProfileArn", "arn:aws:iam::123456789012:instance-profile/p"}});
  std::string other_layer = call("CreateLayer", {{"StackId", stack["StackId"]},
                                                 {"Type", "custom"},
                                                 {"Name", "o"},
                                                 {"Shortname", "o"}})["LayerId"];
  std::string id = register_on_premises("web1");
  call("AssignInstance", {{"InstanceId", id}, {"LayerIds", {other_layer}}});
  EXPECT_EQ(error_code(last), "ValidationException");
}

TEST_F(OpsWorksInstances, AssignToUnknownLayerIsResourceNotFound) {
  std::string id = register_on_premises("web1");
  call("AssignInstance", {{"InstanceId", id}, {"LayerIds", {"nope"}}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find layer with ID nope");
}

TEST_F(OpsWorksInstances, AssignUnknownInstanceIsResourceNotFound) {
  call("AssignInstance", {{"InstanceId", "nope"}, {"LayerIds", {kWebLayerId}}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  EXPECT_EQ(message(), "Unable to find instance with ID nope");
}

TEST_F(OpsWorksInstances, AssignWithoutLayerIdsIsValidationException) {
  std::string id = register_on_premises("web1");
  call("AssignInstance", {{"InstanceId", id}});
  EXPECT_EQ(error_code(last), "ValidationException");
  EXPECT_NE(message().find("'layerIds'"), std::string::npos) << message();
}

TEST_F(OpsWorksInstances, UnassignLeavesTheInstanceInTheStack) {
  std::string id = register_on_premises("web1");
  call("AssignInstance", {{"InstanceId", id}, {"LayerIds", {kWebLayerId, kPhpLayerId}}});
  ASSERT_EQ(last.status, 200) << last.body;
  call("UnassignInstance", {{"InstanceId", id}});
  ASSERT_EQ(last.status, 200) << last.body;
  auto i = call("DescribeInstances", {{"StackId", kStackId}})["Instances"][0];
  EXPECT_EQ(i["LayerIds"], nlohmann::json::array());
  EXPECT_EQ(i["Status"], "registered");
  EXPECT_TRUE(call("DescribeInstances", {{"LayerId", kWebLayerId}})["Instances"].empty());
}

TEST_F(OpsWorksInstances, DeregisterRemovesTheInstanceAndFreesItsHostname) {
  std::string id = register_on_premises("web1");
  call("DeregisterInstance", {{"InstanceId", id}});
  ASSERT_EQ(last.status, 200) << last.body;
  call("DescribeInstances", {{"InstanceIds", {id}}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
  register_on_premises("web1");
}

TEST_F(OpsWorksInstances, DeregisterUnknownInstanceIsResourceNotFound) {
  call("DeregisterInstance", {{"InstanceId", "nope"}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
}

TEST_F(OpsWorksInstances, DescribeCommandsOfAnInstanceIsEmpty) {
  std::string id = register_on_premises("web1");
  auto j = call("DescribeCommands", {{"InstanceId", id}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(j["Commands"], nlohmann::json::array());
  call("DescribeCommands", {{"InstanceId", "nope"}});
  EXPECT_EQ(error_code(last), "ResourceNotFoundException");
}

// A world with one IAM user holding no policy. Skipped while IAM identities cannot be loaded.
class OpsWorksDenied : public ::testing::Test {
 protected:
  void SetUp() override {
    auto j = nlohmann::json::parse(
        std::ifstream(std::string(OPSREG_SOURCE_DIR) + "/fixtures/worlds/default.json"));
    j["identities"] = {{{"user_name", "alice"},
                        {"access_key_id", "AKIAALICE00000000001"},
                        {"secret_access_key", "alice/secret/key/00000000000000000000000"}}};
    tw = std::make_unique<TestWorld>(j);
  }
  std::unique_ptr<TestWorld> tw;
};

TEST_F(OpsWorksDenied, UserWithoutPolicyIsAccessDeniedOnRegisterInstance) {
  EdgeClient alice(*tw->edge,
                   {"AKIAALICE00000000001", "alice/secret/key/00000000000000000000000", ""});
  http::Response r = alice.json("RegisterInstance", {{"StackId", kStackId}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code(r), "AccessDeniedException");
  EXPECT_NE(r.body.find(std::string("opsworks:RegisterInstance on resource: "
                                    "arn:aws:opsworks:us-east-1:123456789012:stack/") +
                        kStackId + "/"),
            std::string::npos)
      << r.body;
}

TEST_F(OpsWorksDenied, UserWithoutPolicyIsAccessDeniedOnDescribeStacks) {
  EdgeClient alice(*tw->edge,
                   {"AKIAALICE00000000001", "alice/secret/key/00000000000000000000000", ""});
  http::Response r = alice.json("DescribeStacks");
  EXPECT_EQ(error_code(r), "AccessDeniedException");
}

}  // namespace
}  // namespace opsreg::testing
