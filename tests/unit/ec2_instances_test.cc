// The fake EC2's DescribeInstances: ids, filters, pagination and EC2's errors on the wire.
#include "tests/unit/ec2_fixture.h"

namespace opsreg::testing {
namespace {

class Ec2Instances : public Ec2Test {};

const std::string kItems = "//reservationSet/item/instancesSet/item";

TEST_F(Ec2Instances, ListsEveryInstanceEachInItsOwnReservation) {
  call("DescribeInstances");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_NE(last.body.find("<DescribeInstancesResponse "
                           "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"),
            std::string::npos)
      << last.body;
  EXPECT_FALSE(text("//DescribeInstancesResponse/requestId").empty());
  EXPECT_EQ(
      texts(kItems + "/instanceId"),
      (std::vector<std::string>{"i-0a1b2c3d4e5f60021", "i-0a1b2c3d4e5f60022", "i-0a1b2c3d4e5f60023",
                                "i-0a1b2c3d4e5f60024", "i-0a1b2c3d4e5f60025"}));
  EXPECT_EQ(texts("//reservationSet/item/reservationId").size(), 5u);
  EXPECT_EQ(texts("//reservationSet/item/ownerId")[0], "123456789012");
}

TEST_F(Ec2Instances, AnInstanceCarriesStateAddressesPlacementTagsAndVolumes) {
  call("DescribeInstances", {{"InstanceId.1", "i-0a1b2c3d4e5f60021"}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(text(kItems + "/instanceState/code"), "16");
  EXPECT_EQ(text(kItems + "/instanceState/name"), "running");
  EXPECT_EQ(text(kItems + "/privateIpAddress"), "10.0.1.21");
  EXPECT_EQ(text(kItems + "/ipAddress"), "54.210.0.21");
  EXPECT_EQ(text(kItems + "/privateDnsName"), "ip-10-0-1-21.ec2.internal");
  EXPECT_EQ(text(kItems + "/placement/availabilityZone"), "us-east-1a");
  EXPECT_EQ(text(kItems + "/instanceType"), "t3.micro");
  EXPECT_EQ(text(kItems + "/architecture"), "x86_64");
  EXPECT_EQ(text(kItems + "/imageId"), "ami-0abcdef1234567890");
  EXPECT_EQ(text(kItems + "/launchTime"), "2026-01-01T00:00:00.000Z");
  EXPECT_EQ(text(kItems + "/tagSet/item[key='Name']/value"), "web");
  EXPECT_EQ(text(kItems + "/blockDeviceMapping/item/deviceName"), "/dev/xvdf");
  EXPECT_EQ(text(kItems + "/blockDeviceMapping/item/ebs/volumeId"), "vol-0a1b2c3d4e5f60021");
  EXPECT_EQ(text(kItems + "/vpcId"), "");
  EXPECT_EQ(text(kItems + "/iamInstanceProfile/arn"), "");
}

TEST_F(Ec2Instances, AVpcInstanceWithARoleShowsVpcSubnetAndInstanceProfile) {
  call("DescribeInstances", {{"Filter.1.Name", "vpc-id"}, {"Filter.1.Value.1", "vpc-0a1b2c3d"}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(texts(kItems + "/instanceId"), std::vector<std::string>{"i-0a1b2c3d4e5f60022"});
  EXPECT_EQ(text(kItems + "/subnetId"), "subnet-0a1b2c3d");
  EXPECT_EQ(text(kItems + "/placement/availabilityZone"), "us-east-1b");
  EXPECT_EQ(text(kItems + "/iamInstanceProfile/arn"),
            "arn:aws:iam::123456789012:instance-profile/opsworks-instance-role");
  EXPECT_EQ(text(kItems + "/iamInstanceProfile/id").substr(0, 4), "AIPA");
  EXPECT_EQ(text(kItems + "/ipAddress"), "");
}

TEST_F(Ec2Instances, TagNameFilterFindsOneOrSeveralInstances) {
  call("DescribeInstances", {{"Filter.1.Name", "tag:Name"}, {"Filter.1.Value.1", "app"}});
  EXPECT_EQ(texts(kItems + "/instanceId"), std::vector<std::string>{"i-0a1b2c3d4e5f60022"});
  call("DescribeInstances", {{"Filter.1.Name", "tag:Name"}, {"Filter.1.Value.1", "twin"}});
  EXPECT_EQ(texts(kItems + "/instanceId"),
            (std::vector<std::string>{"i-0a1b2c3d4e5f60024", "i-0a1b2c3d4e5f60025"}));
  call("DescribeInstances", {{"Filter.1.Name", "tag:Name"}, {"Filter.1.Value.1", "nobody"}});
  ASSERT_EQ(last.status, 200);
  EXPECT_TRUE(texts(kItems + "/instanceId").empty());
}

TEST_F(Ec2Instances, FilterValuesTakeWildcardsAndAnyValueMatches) {
  call("DescribeInstances",
       {{"Filter.1.Name", "tag:Name"}, {"Filter.1.Value.1", "w?b"}, {"Filter.1.Value.2", "ww*"}});
  EXPECT_EQ(texts(kItems + "/instanceId"),
            (std::vector<std::string>{"i-0a1b2c3d4e5f60021", "i-0a1b2c3d4e5f60023"}));
}

TEST_F(Ec2Instances, EveryFilterMustMatch) {
  call("DescribeInstances", {{"Filter.1.Name", "instance-state-name"},
                             {"Filter.1.Value.1", "running"},
                             {"Filter.2.Name", "private-ip-address"},
                             {"Filter.2.Value.1", "10.0.1.23"},
                             {"Filter.3.Name", "availability-zone"},
                             {"Filter.3.Value.1", "us-east-1a"}});
  EXPECT_EQ(texts(kItems + "/instanceId"), std::vector<std::string>{"i-0a1b2c3d4e5f60023"});
  call("DescribeInstances", {{"Filter.1.Name", "ip-address"},
                             {"Filter.1.Value.1", "54.210.0.23"},
                             {"Filter.2.Name", "instance-id"},
                             {"Filter.2.Value.1", "i-0a1b2c3d4e5f60021"}});
  EXPECT_TRUE(texts(kItems + "/instanceId").empty());
}

TEST_F(Ec2Instances, TagKeyFilterMatchesInstancesHavingTheKey) {
  call("DescribeInstances", {{"Filter.1.Name", "tag-key"}, {"Filter.1.Value.1", "team"}});
  EXPECT_EQ(texts(kItems + "/instanceId"), std::vector<std::string>{"i-0a1b2c3d4e5f60022"});
  call("DescribeInstances", {{"Filter.1.Name", "tag:team"}, {"Filter.1.Value.1", "platform"}});
  EXPECT_EQ(texts(kItems + "/instanceId"), std::vector<std::string>{"i-0a1b2c3d4e5f60022"});
}

TEST_F(Ec2Instances, UnknownFilterIsInvalidParameterValue) {
  call("DescribeInstances", {{"Filter.1.Name", "public-ip"}, {"Filter.1.Value.1", "1.2.3.4"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
  EXPECT_EQ(text("//Error/Message"), "The filter 'public-ip' is invalid");
  EXPECT_FALSE(text("//Response/RequestID").empty()) << last.body;
}

TEST_F(Ec2Instances, MalformedInstanceIdIsInvalidInstanceIdMalformed) {
  call("DescribeInstances", {{"InstanceId.1", "i-xyz"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "InvalidInstanceID.Malformed");
  EXPECT_EQ(text("//Error/Message"), "Invalid id: \"i-xyz\"");
}

TEST_F(Ec2Instances, UnknownInstanceIdIsInvalidInstanceIdNotFound) {
  call("DescribeInstances", {{"InstanceId.1", "i-0123456789abcdef0"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "InvalidInstanceID.NotFound");
  EXPECT_EQ(text("//Error/Message"), "The instance ID 'i-0123456789abcdef0' does not exist");
  call("DescribeInstances", {{"InstanceId.1", "i-0123456789abcdef0"},
                             {"InstanceId.2", "i-0a1b2c3d4e5f60021"},
                             {"InstanceId.3", "i-0123456789abcdef1"}});
  EXPECT_EQ(text("//Error/Message"),
            "The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist");
}

TEST_F(Ec2Instances, MaxResultsPagesWithNextToken) {
  call("DescribeInstances", {{"MaxResults", "5"},
                             {"Filter.1.Name", "instance-state-name"},
                             {"Filter.1.Value.1", "running"}});
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(texts(kItems + "/instanceId").size(), 5u);
  EXPECT_EQ(text("//nextToken"), "");  // exactly five: no more pages
}

TEST_F(Ec2Instances, NextTokenContinuesWhereThePageEnded) {
  // Six instances in one region: a page of five and a page of one.
  nlohmann::json w = tw.world->source();
  nlohmann::json extra = w["hosts"][6];
  extra["name"] = "ec2-twin-3";
  extra["private_ip"] = "10.0.1.26";
  extra["ec2"]["instance_id"] = "i-0a1b2c3d4e5f60026";
  w["hosts"].push_back(extra);
  TestWorld six(w);
  EdgeClient c(*six.edge, six.world->operator_credentials());
  last = c.query("ec2", "DescribeInstances", {{"MaxResults", "5"}}, "2016-11-15");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(texts(kItems + "/instanceId").size(), 5u);
  std::string token = text("//DescribeInstancesResponse/nextToken");
  ASSERT_FALSE(token.empty());
  last = c.query("ec2", "DescribeInstances", {{"MaxResults", "5"}, {"NextToken", token}},
                 "2016-11-15");
  EXPECT_EQ(texts(kItems + "/instanceId"), std::vector<std::string>{"i-0a1b2c3d4e5f60026"});
  EXPECT_EQ(text("//nextToken"), "");
}

TEST_F(Ec2Instances, MaxResultsOutOfRangeIsInvalidParameterValue) {
  call("DescribeInstances", {{"MaxResults", "4"}});
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
  EXPECT_EQ(text("//Error/Message"),
            "Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.");
  call("DescribeInstances", {{"MaxResults", "1001"}});
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
}

TEST_F(Ec2Instances, MaxResultsWithInstanceIdsIsInvalidParameterCombination) {
  call("DescribeInstances", {{"InstanceId.1", "i-0a1b2c3d4e5f60021"}, {"MaxResults", "5"}});
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "InvalidParameterCombination");
  EXPECT_EQ(text("//Error/Message"),
            "The parameter instancesSet cannot be used with the parameter maxResults");
}

TEST_F(Ec2Instances, ForeignNextTokenIsInvalidParameterValue) {
  call("DescribeInstances", {{"NextToken", "bm90LW91cnM="}});
  EXPECT_EQ(error_code(last), "InvalidParameterValue");
}

TEST_F(Ec2Instances, OtherRegionsHaveNoInstances) {
  EdgeClient west(*tw.edge, tw.world->operator_credentials(), "us-west-2");
  last = west.query("ec2", "DescribeInstances", {}, "2016-11-15");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_TRUE(texts(kItems + "/instanceId").empty());
}

TEST_F(Ec2Instances, GetWithTheQueryStringWorksLikePost) {
  http::Request req;
  req.method = "GET";
  req.path = "/";
  req.query = "Action=DescribeInstances&Version=2016-11-15&InstanceId.1=i-0a1b2c3d4e5f60023";
  req.headers = {{"Host", "127.0.0.1:1"}};
  last = client.send(req, "ec2");
  ASSERT_EQ(last.status, 200) << last.body;
  EXPECT_EQ(texts(kItems + "/instanceId"), std::vector<std::string>{"i-0a1b2c3d4e5f60023"});
}

TEST_F(Ec2Instances, UnknownActionIsInvalidAction) {
  call("RunInstances");
  EXPECT_EQ(last.status, 400);
  EXPECT_EQ(error_code(last), "InvalidAction");
  EXPECT_EQ(text("//Error/Message"), "The action RunInstances is not valid for this web service.");
}

TEST_F(Ec2Instances, DryRunWhenAllowedIsDryRunOperation) {
  call("DescribeInstances", {{"DryRun", "true"}});
  EXPECT_EQ(last.status, 412);
  EXPECT_EQ(error_code(last), "DryRunOperation");
}

TEST_F(Ec2Instances, UserWithoutPermissionIsUnauthorizedOperation) {
  nlohmann::json w = tw.world->source();
  w["identities"] = {
      {{"user_name", "viewer"},
       {"access_key_id", "AKIAOPSREGEC2VIEWER1"},
       {"secret_access_key", "viewer/secret/key/000000000000000000000000"},
       {"policies",
        {{"volumes",
          {{"Version", "2012-10-17"},
           {"Statement",
            {{{"Effect", "Allow"}, {"Action", "ec2:DescribeVolumes"}, {"Resource", "*"}}}}}}}}}};
  TestWorld limited(w);
  EdgeClient viewer(*limited.edge,
                    {"AKIAOPSREGEC2VIEWER1", "viewer/secret/key/000000000000000000000000", ""});
  last = viewer.query("ec2", "DescribeInstances", {}, "2016-11-15");
  EXPECT_EQ(last.status, 403);
  EXPECT_EQ(error_code(last), "UnauthorizedOperation");
  last = viewer.query("ec2", "DescribeVolumes", {}, "2016-11-15");
  EXPECT_EQ(last.status, 200) << last.body;
}

TEST_F(Ec2Instances, WorldSnapshotListsTheEc2Instances) {
  nlohmann::json ec2 = tw.world->snapshot()["ec2"];
  ASSERT_EQ(ec2["instances"].size(), 5u);
  EXPECT_EQ(ec2["instances"][0]["InstanceId"], "i-0a1b2c3d4e5f60021");
  EXPECT_EQ(ec2["instances"][0]["Volumes"][0]["MountPoint"], "/srv/data");
  EXPECT_EQ(ec2["instances"][1]["InstanceProfileRole"], "opsworks-instance-role");
}

}  // namespace
}  // namespace opsreg::testing
