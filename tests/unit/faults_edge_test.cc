// Faults at the edge: an injected error comes back in the service's own protocol (query XML,
// EC2 XML, JSON 1.1, REST-XML), latency moves the world clock, a drop is flagged, and rules
// match the operation each protocol names.
#include <gtest/gtest.h>

#include <fstream>

#include "mocks/agents/edge_transport.h"
#include "mocks/services/operation_name.h"
#include "tests/support/edge_client.h"

namespace opsreg {
namespace {

class FaultsAtEdge : public ::testing::Test {
 protected:
  void add(const nlohmann::json& rules) { ASSERT_TRUE(tw.world->faults().add_json(rules).ok()); }
  testing::TestWorld tw;
  testing::EdgeClient client{*tw.edge, tw.world->operator_credentials()};
};

TEST_F(FaultsAtEdge, ThrottledIamCreateUserIsQueryXmlThrottlingThenSucceeds) {
  add({{"service", "iam"}, {"operation", "CreateUser"}, {"error", "Throttling"}, {"count", 1}});
  http::Response r = client.query("iam", "CreateUser", {{"UserName", "alice"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(testing::xml_text(r, "//ErrorResponse/Error/Code"), "Throttling");
  EXPECT_EQ(testing::xml_text(r, "//ErrorResponse/Error/Message"), "Rate exceeded");
  EXPECT_EQ(testing::xml_text(r, "//ErrorResponse/Error/Type"), "Sender");
  EXPECT_FALSE(testing::xml_text(r, "//ErrorResponse/RequestId").empty());
  EXPECT_EQ(client.query("iam", "CreateUser", {{"UserName", "alice"}}).status, 200);
}

TEST_F(FaultsAtEdge, Ec2ErrorIsEc2ResponseErrorsXml) {
  add({{"service", "ec2"}, {"error", "RequestLimitExceeded"}});
  http::Response r = client.query("ec2", "DescribeInstances", {}, "2016-11-15");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(testing::xml_text(r, "//Response/Errors/Error/Code"), "RequestLimitExceeded");
  EXPECT_EQ(testing::xml_text(r, "//Response/Errors/Error/Message"), "Request limit exceeded.");
}

TEST_F(FaultsAtEdge, OpsWorksErrorIsJsonWithType) {
  add({{"service", "opsworks"}, {"operation", "DescribeStacks"}, {"error", "ThrottlingException"}});
  http::Response r = client.json("DescribeStacks");
  EXPECT_EQ(r.status, 400);
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["__type"], "ThrottlingException");
  EXPECT_EQ(j["message"], "Rate exceeded");
  EXPECT_NE(testing::error_code(client.json("DescribeInstances")), "ThrottlingException");
}

TEST_F(FaultsAtEdge, S3ErrorIsRestXmlForTheNamedOperation) {
  add({{"service", "s3"}, {"operation", "CreateBucket"}, {"error", "SlowDown"}});
  http::Response r = client.rest("PUT", "/new-bucket");
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(testing::xml_text(r, "//Error/Code"), "SlowDown");
  EXPECT_EQ(testing::xml_text(r, "//Error/Message"), "Please reduce your request rate.");
  EXPECT_EQ(client.rest("GET", "/").status, 200);  // ListBuckets is another operation
}

TEST_F(FaultsAtEdge, InternalFailureIsA500ReceiverFault) {
  add({{"service", "sts"}, {"error", "InternalFailure"}, {"count", 10}});
  http::Response r = client.query("sts", "GetCallerIdentity", {}, "2011-06-15");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(testing::xml_text(r, "//ErrorResponse/Error/Type"), "Receiver");
  EXPECT_EQ(testing::error_code(r), "InternalFailure");
}

TEST_F(FaultsAtEdge, LatencyMovesTheWorldClockAndAnswersNormally) {
  add({{"service", "iam"}, {"operation", "ListUsers"}, {"latency", "16m"}, {"count", 1}});
  TimePoint before = tw.world->now();
  http::Response r = client.query("iam", "ListUsers");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(tw.world->now() - before, std::chrono::minutes(16));
}

TEST_F(FaultsAtEdge, DropConnectionIsFlaggedWithoutAnAnswer) {
  add({{"service", "iam"}, {"operation", "ListUsers"}, {"drop_connection", true}, {"count", 1}});
  http::Response r = client.query("iam", "ListUsers");
  EXPECT_TRUE(r.drop_connection);
  EXPECT_TRUE(r.body.empty());
  EXPECT_FALSE(client.query("iam", "ListUsers").drop_connection);
}

TEST_F(FaultsAtEdge, BareStatusIsAnswerWithNoBodyAndNoRequestId) {
  add({{"service", "iam"}, {"operation", "ListUsers"}, {"status", 503}, {"count", 1}});
  http::Response r = client.query("iam", "ListUsers");
  EXPECT_EQ(r.status, 503);
  EXPECT_TRUE(r.body.empty());
  EXPECT_TRUE(r.headers.empty());
  EXPECT_EQ(tw.world->faults().to_json()["rules"][0]["status"], 503);
  EXPECT_EQ(client.query("iam", "ListUsers").status, 200);
}

TEST_F(FaultsAtEdge, BadSignatureIsStillAnAuthErrorAndNotCounted) {
  add({{"service", "iam"}, {"error", "Throttling"}});
  aws::Credentials wrong = tw.world->operator_credentials();
  wrong.secret_access_key = "wrong";
  testing::EdgeClient bad(*tw.edge, wrong);
  EXPECT_EQ(testing::error_code(bad.query("iam", "ListUsers")), "SignatureDoesNotMatch");
  EXPECT_EQ(tw.world->faults().to_json()["rules"][0]["seen"], 0);
}

TEST_F(FaultsAtEdge, InProcessTransportReportsADropAsConnectionClosedError) {
  add({{"service", "s3"}, {"drop_connection", true}, {"count", 1}});
  mocks::agents::EdgeTransport transport(*tw.edge);
  http::Request get;
  get.method = "GET";
  get.path = "/" + tw.world->agent_installer().bucket + "/" + tw.world->agent_installer().key;
  auto url = http::parse_url("http://127.0.0.1:1");
  ASSERT_TRUE(url.ok());
  Result<http::Response> dropped = transport.send(*url, get);
  ASSERT_FALSE(dropped.ok());
  EXPECT_EQ(dropped.error().code, http::kConnectionClosedError);
  Result<http::Response> again = transport.send(*url, get);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, 200);
}

TEST(OperationName, EachProtocolNamesItsOperation) {
  http::Request q;
  q.method = "POST";
  q.body = "Action=CreateUser&UserName=a&Version=2010-05-08";
  EXPECT_EQ(mocks::operation_name(aws::Protocol::kQuery, q), "CreateUser");
  http::Request g;
  g.method = "GET";
  g.query = "Action=DescribeInstances&Version=2016-11-15";
  EXPECT_EQ(mocks::operation_name(aws::Protocol::kEc2, g), "DescribeInstances");
  http::Request j;
  j.method = "POST";
  j.headers = {{"X-Amz-Target", "OpsWorks_20130218.RegisterInstance"}};
  EXPECT_EQ(mocks::operation_name(aws::Protocol::kJson, j), "RegisterInstance");
  auto s3 = [](std::string method, std::string path, std::string query = "") {
    http::Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.query = std::move(query);
    return mocks::operation_name(aws::Protocol::kRestXml, r);
  };
  EXPECT_EQ(s3("GET", "/"), "ListBuckets");
  EXPECT_EQ(s3("GET", "/b", "list-type=2&prefix=x"), "ListObjectsV2");
  EXPECT_EQ(s3("GET", "/b"), "ListObjects");
  EXPECT_EQ(s3("GET", "/b", "location"), "GetBucketLocation");
  EXPECT_EQ(s3("PUT", "/b"), "CreateBucket");
  EXPECT_EQ(s3("HEAD", "/b"), "HeadBucket");
  EXPECT_EQ(s3("POST", "/b", "delete"), "DeleteObjects");
  EXPECT_EQ(s3("GET", "/b/k/x.tgz"), "GetObject");
  EXPECT_EQ(s3("HEAD", "/b/k"), "HeadObject");
  EXPECT_EQ(s3("PUT", "/b/k"), "PutObject");
  EXPECT_EQ(s3("PUT", "/b/k", "partNumber=1&uploadId=u"), "UploadPart");
  EXPECT_EQ(s3("POST", "/b/k", "uploads"), "CreateMultipartUpload");
  EXPECT_EQ(s3("POST", "/b/k", "uploadId=u"), "CompleteMultipartUpload");
  EXPECT_EQ(s3("DELETE", "/b/k", "uploadId=u"), "AbortMultipartUpload");
  EXPECT_EQ(s3("DELETE", "/b/k"), "DeleteObject");
}

TEST(WorldFaults, WorldFileFaultsAreLoadedAndBadOnesRefused) {
  std::ifstream in(mocks::World::default_world_path());
  nlohmann::json world = nlohmann::json::parse(in);  // has the host onprem-web-1
  world["seed"] = 5;
  world["faults"] = {{{"service", "iam"}, {"operation", "CreateUser"}, {"error", "Throttling"}},
                     {{"host", "onprem-web-1"}, {"refuse", "auth"}}};
  testing::TestWorld tw(world);
  auto plan = tw.world->faults().to_json();
  EXPECT_EQ(plan["seed"], 5);
  EXPECT_EQ(plan["rules"].size(), 1u);
  EXPECT_TRUE(tw.world->faults().host_faults("onprem-web-1").refuse_all_auth);
  world["faults"][1]["host"] = "no-such-host";
  auto unknown_host = mocks::World::from_json(world, mocks::ClockMode::kVirtual);
  ASSERT_FALSE(unknown_host.ok());
  EXPECT_NE(unknown_host.error().message.find("no host named \"no-such-host\""), std::string::npos)
      << unknown_host.error().message;
  world["faults"][0]["service"] = "lambda";
  auto bad = mocks::World::from_json(world, mocks::ClockMode::kVirtual);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("faults[0]"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace opsreg
